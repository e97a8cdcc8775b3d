// Mistake: with a closed window, accepts any segment at RCV.NXT, even one carrying data (Table 5 says: never).
import { isSegmentAcceptable as reference } from "../../../solutions/02-sequence-numbers.ts";

export function isSegmentAcceptable(rcvNxt: number, rcvWnd: number, seq: number, len: number): boolean {
  if (rcvWnd === 0) return seq === rcvNxt;
  return reference(rcvNxt, rcvWnd, seq, len);
}
