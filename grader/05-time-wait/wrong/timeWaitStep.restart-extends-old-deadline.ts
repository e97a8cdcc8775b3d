// Mistake: on a retransmitted FIN, adds 2MSL to the old deadline instead of counting 2MSL from now.
import type { TimeWait, TimeWaitConfig, TimeWaitInput, TimeWaitResult } from "../../../lib/tcp.ts";
import { timeWaitStep as reference } from "../../../solutions/05-time-wait.ts";

export function timeWaitStep(tw: TimeWait, input: TimeWaitInput, now: number, config: TimeWaitConfig): TimeWaitResult {
  const result = reference(tw, input, now, config);
  if (result.state === "TIME-WAIT" && result.deadline !== tw.deadline) return { ...result, deadline: tw.deadline + 2 * config.msl };
  return result;
}
