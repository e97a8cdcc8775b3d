// Mistake: believes every flag "takes a number", so an ACK adds one too.
import type { Segment } from "../../../lib/tcp.ts";

export function segLen(segment: Segment): number {
  const { SYN, FIN, ACK } = segment.flags;
  return segment.dataLength + Number(SYN) + Number(FIN) + Number(ACK);
}
