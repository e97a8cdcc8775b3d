// Mistake: compares with a plain `<`, ignoring wrap-around: 4294967295 is not "before" 0, but 0 comes right after it.
export function seqLt(a: number, b: number): boolean {
  return a < b;
}
