// Mistake: treats the MSL as seconds and converts it to milliseconds again.
import type { TimeWaitConfig } from "../../../lib/tcp.ts";

export function timeWaitDeadline(enteredAt: number, config: TimeWaitConfig): number {
  return enteredAt + 2 * config.msl * 1000;
}
