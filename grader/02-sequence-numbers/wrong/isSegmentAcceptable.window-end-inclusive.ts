// Mistake: treats RCV.NXT + RCV.WND as inside the window (=< instead of <), one sequence number too many.
import { seqAdd, seqLeq } from "../../../solutions/02-sequence-numbers.ts";

export function isSegmentAcceptable(rcvNxt: number, rcvWnd: number, seq: number, len: number): boolean {
  if (rcvWnd === 0) return len === 0 && seq === rcvNxt;
  const end = seqAdd(rcvNxt, rcvWnd);
  const inWindow = (s: number) => seqLeq(rcvNxt, s) && seqLeq(s, end);
  if (len === 0) return inWindow(seq);
  return inWindow(seq) || inWindow(seqAdd(seq, len - 1));
}
