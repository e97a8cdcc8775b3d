// Mistake: restarts the 2MSL timer for every segment that arrives, not only for the retransmitted FIN.
import type { TimeWait, TimeWaitConfig, TimeWaitInput, TimeWaitResult } from "../../../lib/tcp.ts";
import { timeWaitStep as reference } from "../../../solutions/05-time-wait.ts";

export function timeWaitStep(tw: TimeWait, input: TimeWaitInput, now: number, config: TimeWaitConfig): TimeWaitResult {
  const result = reference(tw, input, now, config);
  if (result.state === "TIME-WAIT" && input.kind === "segment" && !input.segment.flags.RST) return { ...result, deadline: now + 2 * config.msl };
  return result;
}
