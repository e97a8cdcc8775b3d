// Mistake: subtracts the wrong way round, (s32)(b − a) < 0, which answers "is a after b?".
export function seqLt(a: number, b: number): boolean {
  return ((b - a) | 0) < 0;
}
