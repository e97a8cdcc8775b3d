// Mistake: RTO = SRTT + 4·RTTVAR, forgetting the clock granularity G (when RTTVAR is tiny the RTO hugs SRTT).
import type { RtoConfig, RtoEvent, RtoState } from "../../../lib/tcp.ts";
import { nextRto as reference } from "../../../solutions/06-retransmission.ts";

export function nextRto(state: RtoState, event: RtoEvent, config: RtoConfig): RtoState {
  return reference(state, event, { ...config, granularity: 0 });
}
