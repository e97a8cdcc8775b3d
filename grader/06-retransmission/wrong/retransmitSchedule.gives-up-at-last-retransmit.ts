// Mistake: gives up the moment the last retransmission is sent (63 s for a SYN) instead of waiting for its timer (127 s).
import type { Schedule, ScheduleConfig } from "../../../lib/tcp.ts";
import { retransmitSchedule as reference } from "../../../solutions/06-retransmission.ts";

export function retransmitSchedule(config: ScheduleConfig): Schedule {
  const s = reference(config);
  return { retransmitAt: s.retransmitAt, giveUpAt: s.retransmitAt.at(-1) ?? 0 };
}
