// Mistake: doubles with a bit shift (initialRto << k), which JavaScript does in 32 bits: past 2^31 the wait turns negative, and Math.min with maxRto keeps the negative one.
import type { Schedule, ScheduleConfig } from "../../../lib/tcp.ts";

export function retransmitSchedule(config: ScheduleConfig): Schedule {
  const retransmitAt: number[] = [];
  let clock = 0;
  for (let k = 0; k < config.retries; k++) {
    clock += Math.min(config.initialRto << k, config.maxRto);
    retransmitAt.push(clock);
  }
  return { retransmitAt, giveUpAt: clock + Math.min(config.initialRto << config.retries, config.maxRto) };
}
