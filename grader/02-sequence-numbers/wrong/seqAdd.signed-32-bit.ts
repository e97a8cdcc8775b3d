// Mistake: wraps with `| 0`, which gives a SIGNED 32-bit result: anything from 2^31 up comes out negative.
export function seqAdd(a: number, n: number): number {
  return (a + n) | 0;
}
