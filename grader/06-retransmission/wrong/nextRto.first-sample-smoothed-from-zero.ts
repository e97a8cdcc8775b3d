// Mistake: treats "no sample yet" as SRTT = 0, RTTVAR = 0 and smooths the first sample in, instead of SRTT = R, RTTVAR = R/2.
import type { RtoConfig, RtoEvent, RtoState } from "../../../lib/tcp.ts";
import { nextRto as reference } from "../../../solutions/06-retransmission.ts";

export function nextRto(state: RtoState, event: RtoEvent, config: RtoConfig): RtoState {
  if (event.kind === "ack" && !event.retransmitted && state.srtt === null) {
    return reference({ srtt: 0, rttvar: 0, rto: state.rto }, event, config);
  }
  return reference(state, event, config);
}
