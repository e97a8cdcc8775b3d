// Mistake: checks only where the segment starts, so a retransmission that begins with old data but ends with new data is dropped.
import { seqAdd, seqLeq, seqLt } from "../../../solutions/02-sequence-numbers.ts";

export function isSegmentAcceptable(rcvNxt: number, rcvWnd: number, seq: number, len: number): boolean {
  if (rcvWnd === 0) return len === 0 && seq === rcvNxt;
  return seqLeq(rcvNxt, seq) && seqLt(seq, seqAdd(rcvNxt, rcvWnd));
}
