// Mistake: ignores Karn's algorithm and takes an RTT sample from the ACK of a retransmitted segment.
import type { RtoConfig, RtoEvent, RtoState } from "../../../lib/tcp.ts";
import { nextRto as reference } from "../../../solutions/06-retransmission.ts";

export function nextRto(state: RtoState, event: RtoEvent, config: RtoConfig): RtoState {
  if (event.kind === "ack") return reference(state, { ...event, retransmitted: false }, config);
  return reference(state, event, config);
}
