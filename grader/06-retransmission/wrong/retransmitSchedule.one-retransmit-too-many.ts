// Mistake: off-by-one retry counting: counts the original send as try 0 and loops while i <= retries.
import type { Schedule, ScheduleConfig } from "../../../lib/tcp.ts";
import { retransmitSchedule as reference } from "../../../solutions/06-retransmission.ts";

export function retransmitSchedule(config: ScheduleConfig): Schedule {
  return reference({ ...config, retries: config.retries + 1 });
}
