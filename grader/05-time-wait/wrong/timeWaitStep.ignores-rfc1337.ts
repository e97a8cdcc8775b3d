// Mistake: ignores the rfc1337 switch, so an RST at RCV.NXT always assassinates TIME-WAIT.
import type { TimeWait, TimeWaitConfig, TimeWaitInput, TimeWaitResult } from "../../../lib/tcp.ts";
import { timeWaitStep as reference } from "../../../solutions/05-time-wait.ts";

export function timeWaitStep(tw: TimeWait, input: TimeWaitInput, now: number, config: TimeWaitConfig): TimeWaitResult {
  return reference(tw, input, now, { ...config, rfc1337: false });
}
