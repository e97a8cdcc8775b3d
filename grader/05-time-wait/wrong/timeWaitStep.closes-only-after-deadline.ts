// Mistake: off by one at the deadline: treats now === deadline as still in TIME-WAIT (uses > instead of >=).
import type { TimeWait, TimeWaitConfig, TimeWaitInput, TimeWaitResult } from "../../../lib/tcp.ts";
import { timeWaitStep as reference } from "../../../solutions/05-time-wait.ts";

export function timeWaitStep(tw: TimeWait, input: TimeWaitInput, now: number, config: TimeWaitConfig): TimeWaitResult {
  if (now !== tw.deadline) return reference(tw, input, now, config);
  // At exactly the deadline, behave as if one more millisecond were left.
  const result = reference({ ...tw, deadline: tw.deadline + 1 }, input, now, config);
  return result.state === "TIME-WAIT" && result.deadline === tw.deadline + 1 ? { ...result, deadline: tw.deadline } : result;
}
