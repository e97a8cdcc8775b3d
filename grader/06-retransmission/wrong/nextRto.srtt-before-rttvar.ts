// Mistake: updates SRTT first and then measures RTTVAR against the NEW SRTT (RFC 6298 §2.3 uses the old one).
import type { RtoConfig, RtoEvent, RtoState } from "../../../lib/tcp.ts";
import { nextRto as reference } from "../../../solutions/06-retransmission.ts";

export function nextRto(state: RtoState, event: RtoEvent, config: RtoConfig): RtoState {
  if (event.kind !== "ack" || event.retransmitted || state.srtt === null || state.rttvar === null) return reference(state, event, config);
  const srtt = (7 / 8) * state.srtt + (1 / 8) * event.rtt;
  const rttvar = (3 / 4) * state.rttvar + (1 / 4) * Math.abs(srtt - event.rtt);
  const rto = Math.min(config.maxRto, Math.max(config.minRto, srtt + Math.max(config.granularity, 4 * rttvar)));
  return { srtt, rttvar, rto };
}
