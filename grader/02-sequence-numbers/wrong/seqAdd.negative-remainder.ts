// Mistake: uses JavaScript's % alone, which keeps the sign: seqAdd(0, -1) gives -1 instead of 4294967295.
export function seqAdd(a: number, n: number): number {
  return (a + n) % 2 ** 32;
}
