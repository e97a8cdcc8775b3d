// Mistake: waits one MSL instead of two (forgets that the ACK must die out AND the peer's retransmitted FIN must be able to arrive).
import type { TimeWaitConfig } from "../../../lib/tcp.ts";

export function timeWaitDeadline(enteredAt: number, config: TimeWaitConfig): number {
  return enteredAt + config.msl;
}
