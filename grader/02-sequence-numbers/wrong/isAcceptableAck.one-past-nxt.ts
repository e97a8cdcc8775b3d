// Mistake: thinks the ACK names the last byte sent plus one MORE, so also accepts SEG.ACK = SND.NXT + 1 (a byte never sent).
import { seqAdd, seqLeq, seqLt } from "../../../solutions/02-sequence-numbers.ts";

export function isAcceptableAck(una: number, ack: number, nxt: number): boolean {
  return seqLt(una, ack) && seqLeq(ack, seqAdd(nxt, 1));
}
