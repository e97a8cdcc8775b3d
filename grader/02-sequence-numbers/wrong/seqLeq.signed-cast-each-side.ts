// Mistake: casts each number to signed 32 bits and compares those, instead of looking at the difference.
export function seqLeq(a: number, b: number): boolean {
  return (a | 0) <= (b | 0);
}
