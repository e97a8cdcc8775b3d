// Mistake: keeps doubling the wait forever, never capping it at maxRto.
import type { Schedule, ScheduleConfig } from "../../../lib/tcp.ts";

export function retransmitSchedule(config: ScheduleConfig): Schedule {
  const retransmitAt: number[] = [];
  let clock = 0;
  let rto = config.initialRto;
  for (let i = 0; i < config.retries; i++) {
    clock += rto;
    retransmitAt.push(clock);
    rto *= 2;
  }
  return { retransmitAt, giveUpAt: clock + rto };
}
