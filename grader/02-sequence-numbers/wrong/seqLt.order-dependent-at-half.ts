// Mistake: "compare normally if close, the other way round if far" picks a side at exactly 2^31 apart that depends on argument order.
export function seqLt(a: number, b: number): boolean {
  return Math.abs(a - b) < 2 ** 31 ? a < b : a > b;
}
