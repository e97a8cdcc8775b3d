// Mistake: treats SEG.LEN as the payload length, as if control flags took no sequence space.
import type { Segment } from "../../../lib/tcp.ts";

export function segLen(segment: Segment): number {
  return segment.dataLength;
}
