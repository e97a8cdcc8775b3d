// Mistake: takes the remainder by 2^32 − 1 (the largest sequence number) instead of 2^32 (how many there are).
export function seqAdd(a: number, n: number): number {
  const max = 2 ** 32 - 1;
  const r = (a + n) % max;
  return r < 0 ? r + max : r;
}
