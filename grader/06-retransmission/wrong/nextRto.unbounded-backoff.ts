// Mistake: doubles the RTO on every timeout with no upper bound (RFC 6298 §2.5 allows a cap of at least 60 s; Linux uses 120 s).
import type { RtoConfig, RtoEvent, RtoState } from "../../../lib/tcp.ts";
import { nextRto as reference } from "../../../solutions/06-retransmission.ts";

export function nextRto(state: RtoState, event: RtoEvent, config: RtoConfig): RtoState {
  if (event.kind === "timeout") return { ...state, rto: 2 * state.rto };
  return reference(state, event, config);
}
