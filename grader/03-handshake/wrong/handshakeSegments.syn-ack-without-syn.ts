// Mistake: the server's reply carries only ACK ("ACK=1, ack=j+1") and forgets its own SYN, so the server's ISN is never synchronized.
import { flags, type Segment } from "../../../lib/tcp.ts";

export function handshakeSegments(isnClient: number, isnServer: number): readonly [Segment, Segment, Segment] {
  return [
    { seq: isnClient, ack: 0, flags: flags("SYN"), dataLength: 0 },
    { seq: isnServer, ack: (isnClient + 1) % 2 ** 32, flags: flags("ACK"), dataLength: 0 },
    { seq: (isnClient + 1) % 2 ** 32, ack: (isnServer + 1) % 2 ** 32, flags: flags("ACK"), dataLength: 0 },
  ];
}
