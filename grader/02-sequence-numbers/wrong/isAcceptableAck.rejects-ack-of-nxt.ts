// Mistake: SEG.ACK < SND.NXT instead of SEG.ACK =< SND.NXT, so the ACK of everything sent (e.g. ack = ISS+1 for a SYN) is refused.
import { seqLt } from "../../../solutions/02-sequence-numbers.ts";

export function isAcceptableAck(una: number, ack: number, nxt: number): boolean {
  return seqLt(una, ack) && seqLt(ack, nxt);
}
