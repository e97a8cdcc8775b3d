// Mistake: compares with a plain `<=`, ignoring wrap-around.
export function seqLeq(a: number, b: number): boolean {
  return a <= b;
}
