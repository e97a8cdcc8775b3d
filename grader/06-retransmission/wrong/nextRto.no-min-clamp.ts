// Mistake: never raises the RTO to minRto, so a fast path gets a timeout far below the 1 s (RFC) or 200 ms (Linux) floor.
import type { RtoConfig, RtoEvent, RtoState } from "../../../lib/tcp.ts";
import { nextRto as reference } from "../../../solutions/06-retransmission.ts";

export function nextRto(state: RtoState, event: RtoEvent, config: RtoConfig): RtoState {
  return reference(state, event, { ...config, minRto: 0 });
}
