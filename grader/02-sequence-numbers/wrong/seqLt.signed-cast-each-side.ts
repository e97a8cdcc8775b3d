// Mistake: casts each number to signed 32 bits and compares those, instead of casting the DIFFERENCE a − b.
export function seqLt(a: number, b: number): boolean {
  return (a | 0) < (b | 0);
}
