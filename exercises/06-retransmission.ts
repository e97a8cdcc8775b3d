/**
 * Lesson 06: retransmission. Read content/06-retransmission.md first (`npm start`, then "Read").
 * Check your work with `npm run grade -- 06`.
 *
 * Every time here is in milliseconds.
 */
import type { RetransmitDecision, RtoConfig, RtoEvent, RtoState, Schedule, ScheduleConfig } from "../lib/tcp.ts";
import { notImplemented } from "../lib/not-implemented.ts";

/**
 * Should the sender of an unacknowledged segment act now?
 *  - `now`: the time of the question; `lastSent`: when the segment was last sent
 *    (the original send or the latest retransmission), lastSent <= now;
 *  - `rto`: the current timeout for that send (already doubled by earlier timeouts);
 *  - `tries`: how many retransmissions were already made (0 after the original send);
 *  - `maxTries`: how many retransmissions are allowed (Linux tcp_syn_retries: 6).
 *
 * Return "wait" while now − lastSent < rto. Once now − lastSent >= rto the timer
 * has expired: return "retransmit" if tries < maxTries, otherwise "give-up".
 * (A sender with maxTries 6 retransmits six times and gives up when the sixth
 * retransmission's timer expires.) All arguments are whole numbers.
 */
export function shouldRetransmit(now: number, lastSent: number, rto: number, tries: number, maxTries: number): RetransmitDecision {
  throw notImplemented("shouldRetransmit");
}

/**
 * The retransmission timer's state after one event, by RFC 6298 (α = 1/8, β = 1/4,
 * K = 4, G = config.granularity):
 *  - { kind: "ack", retransmitted: true }: Karn's algorithm, no sample: return the
 *    state unchanged.
 *  - { kind: "ack", rtt: R, retransmitted: false } and no sample yet (srtt null):
 *    SRTT = R, RTTVAR = R / 2.
 *  - the same with earlier samples: RTTVAR = (1 − β)·RTTVAR + β·|SRTT − R| using the
 *    OLD SRTT, then SRTT = (1 − α)·SRTT + α·R.
 *    After a sample: RTO = SRTT + max(G, 4·RTTVAR), then raised to config.minRto
 *    or lowered to config.maxRto if it falls outside them.
 *  - { kind: "timeout" }: RTO doubles but never goes above config.maxRto; SRTT and
 *    RTTVAR stay as they are.
 *
 * Do not round: the grader compares numbers with a tolerance of a millionth of a
 * millisecond (or a billionth of the value, if larger). Return a new object; do not
 * change the arguments. The state before any event is
 * { srtt: null, rttvar: null, rto: config.initialRto }. You may assume
 * 0 < minRto <= initialRto <= maxRto and that state.rto is between minRto and
 * maxRto (every state this function returns is), so a timeout needs only
 * min(2·rto, maxRto).
 */
export function nextRto(state: RtoState, event: RtoEvent, config: RtoConfig): RtoState {
  throw notImplemented("nextRto");
}

/**
 * The timeline of one segment that is never acknowledged, sent at time 0.
 * The first timeout is config.initialRto; each timeout doubles the next one, but
 * no single wait is longer than config.maxRto. Return the times of the
 * config.retries retransmissions (`retransmitAt`, ascending) and the time the
 * sender gives up (`giveUpAt`: when the last retransmission's timer expires).
 *
 * Example (Linux's SYN before 6.5, or with tcp_syn_linear_timeouts=0): { initialRto: 1000, retries: 6, maxRto: 120000 } →
 * { retransmitAt: [1000, 3000, 7000, 15000, 31000, 63000], giveUpAt: 127000 }.
 * With retries 0: { retransmitAt: [], giveUpAt: initialRto }.
 * You may assume whole numbers with 0 < initialRto <= maxRto and retries >= 0.
 */
export function retransmitSchedule(config: ScheduleConfig): Schedule {
  throw notImplemented("retransmitSchedule");
}
