// Mistake: adds without wrapping, so 4294967295 + 1 gives 4294967296 (outside the sequence space) and 0 − 1 gives −1.
export function seqAdd(a: number, n: number): number {
  return a + n;
}
