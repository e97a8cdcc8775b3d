// Mistake: acknowledges each SYN with its own sequence number (ack = seq) instead of seq + 1.
import { flags, type Segment } from "../../../lib/tcp.ts";

export function handshakeSegments(isnClient: number, isnServer: number): readonly [Segment, Segment, Segment] {
  return [
    { seq: isnClient, ack: 0, flags: flags("SYN"), dataLength: 0 },
    { seq: isnServer, ack: isnClient, flags: flags("SYN", "ACK"), dataLength: 0 },
    { seq: (isnClient + 1) % 2 ** 32, ack: isnServer, flags: flags("ACK"), dataLength: 0 },
  ];
}
