// Mistake: adds 1 with plain +, so an ISN of 2^32 - 1 is acknowledged with 2^32 instead of 0.
import { flags, type Segment } from "../../../lib/tcp.ts";

export function handshakeSegments(isnClient: number, isnServer: number): readonly [Segment, Segment, Segment] {
  return [
    { seq: isnClient, ack: 0, flags: flags("SYN"), dataLength: 0 },
    { seq: isnServer, ack: isnClient + 1, flags: flags("SYN", "ACK"), dataLength: 0 },
    { seq: isnClient + 1, ack: isnServer + 1, flags: flags("ACK"), dataLength: 0 },
  ];
}
