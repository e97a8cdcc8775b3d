// Mistake: counts the SYN but forgets that a FIN also consumes one sequence number.
import type { Segment } from "../../../lib/tcp.ts";

export function segLen(segment: Segment): number {
  return segment.dataLength + (segment.flags.SYN ? 1 : 0);
}
