// Mistake: backs off linearly (adds the initial RTO on each timeout) instead of doubling (RFC 6298 §5.5).
import type { RtoConfig, RtoEvent, RtoState } from "../../../lib/tcp.ts";
import { nextRto as reference } from "../../../solutions/06-retransmission.ts";

export function nextRto(state: RtoState, event: RtoEvent, config: RtoConfig): RtoState {
  if (event.kind === "timeout") return { ...state, rto: Math.min(state.rto + config.initialRto, config.maxRto) };
  return reference(state, event, config);
}
