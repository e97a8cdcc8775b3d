// Mistake: the client's ACK reuses its ISN as seq, forgetting that its own SYN already consumed that number.
import { flags, type Segment } from "../../../lib/tcp.ts";

export function handshakeSegments(isnClient: number, isnServer: number): readonly [Segment, Segment, Segment] {
  return [
    { seq: isnClient, ack: 0, flags: flags("SYN"), dataLength: 0 },
    { seq: isnServer, ack: (isnClient + 1) % 2 ** 32, flags: flags("SYN", "ACK"), dataLength: 0 },
    { seq: isnClient, ack: (isnServer + 1) % 2 ** 32, flags: flags("ACK"), dataLength: 0 },
  ];
}
