// Mistake: "wait 2MSL" taken as one fixed number (the RFC's 4 minutes), ignoring the configured MSL.
import type { TimeWaitConfig } from "../../../lib/tcp.ts";

export function timeWaitDeadline(enteredAt: number, config: TimeWaitConfig): number {
  return enteredAt + 4 * 60 * 1000;
}
