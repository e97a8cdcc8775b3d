// Mistake: returns how long TIME-WAIT lasts (2 × MSL) instead of when it ends (entry time + 2 × MSL).
import type { TimeWaitConfig } from "../../../lib/tcp.ts";

export function timeWaitDeadline(enteredAt: number, config: TimeWaitConfig): number {
  return 2 * config.msl;
}
