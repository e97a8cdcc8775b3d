// Mistake: forgets the zero-window rows of Table 5, so with RCV.WND = 0 even an empty ACK exactly at RCV.NXT is refused.
import { seqAdd, seqLeq, seqLt } from "../../../solutions/02-sequence-numbers.ts";

export function isSegmentAcceptable(rcvNxt: number, rcvWnd: number, seq: number, len: number): boolean {
  const end = seqAdd(rcvNxt, rcvWnd);
  const inWindow = (s: number) => seqLeq(rcvNxt, s) && seqLt(s, end);
  if (len === 0) return inWindow(seq);
  return inWindow(seq) || inWindow(seqAdd(seq, len - 1));
}
