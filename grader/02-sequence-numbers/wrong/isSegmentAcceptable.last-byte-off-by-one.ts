// Mistake: takes SEG.SEQ + SEG.LEN as the segment's last sequence number (it is one past it), so old data ending just before RCV.NXT is accepted.
import { seqAdd, seqLeq, seqLt } from "../../../solutions/02-sequence-numbers.ts";

export function isSegmentAcceptable(rcvNxt: number, rcvWnd: number, seq: number, len: number): boolean {
  if (rcvWnd === 0) return len === 0 && seq === rcvNxt;
  const end = seqAdd(rcvNxt, rcvWnd);
  const inWindow = (s: number) => seqLeq(rcvNxt, s) && seqLt(s, end);
  if (len === 0) return inWindow(seq);
  return inWindow(seq) || inWindow(seqAdd(seq, len));
}
