// Mistake: all four cases right, but with plain < and + , so a window that wraps past 2^32 − 1 accepts nothing beyond the wrap.
export function isSegmentAcceptable(rcvNxt: number, rcvWnd: number, seq: number, len: number): boolean {
  if (rcvWnd === 0) return len === 0 && seq === rcvNxt;
  const inWindow = (s: number) => rcvNxt <= s && s < rcvNxt + rcvWnd;
  if (len === 0) return inWindow(seq);
  return inWindow(seq) || inWindow(seq + len - 1);
}
