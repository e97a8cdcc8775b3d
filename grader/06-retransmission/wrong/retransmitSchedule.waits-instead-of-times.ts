// Mistake: lists each wait (1, 2, 4, 8 … s) instead of the moments the retransmissions go out (1, 3, 7, 15 … s).
import type { Schedule, ScheduleConfig } from "../../../lib/tcp.ts";

export function retransmitSchedule(config: ScheduleConfig): Schedule {
  const retransmitAt: number[] = [];
  let rto = config.initialRto;
  for (let i = 0; i < config.retries; i++) {
    retransmitAt.push(rto);
    rto = Math.min(2 * rto, config.maxRto);
  }
  return { retransmitAt, giveUpAt: rto };
}
