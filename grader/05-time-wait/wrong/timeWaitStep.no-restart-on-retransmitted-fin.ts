// Mistake: re-ACKs the retransmitted FIN but does not restart the 2MSL timer (RFC 9293 §3.10.7.4 says restart it).
import type { TimeWait, TimeWaitConfig, TimeWaitInput, TimeWaitResult } from "../../../lib/tcp.ts";
import { timeWaitStep as reference } from "../../../solutions/05-time-wait.ts";

export function timeWaitStep(tw: TimeWait, input: TimeWaitInput, now: number, config: TimeWaitConfig): TimeWaitResult {
  const result = reference(tw, input, now, config);
  return result.state === "TIME-WAIT" ? { ...result, deadline: tw.deadline } : result;
}
