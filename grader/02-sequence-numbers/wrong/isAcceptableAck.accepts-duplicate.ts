// Mistake: SND.UNA =< SEG.ACK instead of SND.UNA < SEG.ACK, so a duplicate ACK (acknowledging nothing new) is accepted.
import { seqLeq } from "../../../solutions/02-sequence-numbers.ts";

export function isAcceptableAck(una: number, ack: number, nxt: number): boolean {
  return seqLeq(una, ack) && seqLeq(ack, nxt);
}
