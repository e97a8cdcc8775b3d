// Mistake: waits initialRto longer each time (1, 2, 3, 4 … s) instead of doubling the wait.
import type { Schedule, ScheduleConfig } from "../../../lib/tcp.ts";

export function retransmitSchedule(config: ScheduleConfig): Schedule {
  const retransmitAt: number[] = [];
  let clock = 0;
  for (let i = 0; i < config.retries; i++) {
    clock += Math.min(config.initialRto * (i + 1), config.maxRto);
    retransmitAt.push(clock);
  }
  return { retransmitAt, giveUpAt: clock + Math.min(config.initialRto * (config.retries + 1), config.maxRto) };
}
