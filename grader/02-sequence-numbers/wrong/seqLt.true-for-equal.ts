// Mistake: checks only that b is less than 2^31 steps ahead, forgetting that 0 steps (a === b) is not "before".
export function seqLt(a: number, b: number): boolean {
  return (b - a) >>> 0 < 2 ** 31;
}
