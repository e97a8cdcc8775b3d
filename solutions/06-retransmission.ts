/**
 * Lesson 06, reference solution: the retransmission timer.
 *
 * A sender keeps one timer per connection. When it runs out before the ACK
 * arrives, the sender sends the oldest unacknowledged segment again, doubles the
 * timeout, and after a fixed number of tries gives up. How long the timeout is
 * comes from measured round-trip times, smoothed as RFC 6298 prescribes.
 *
 * Every time is in milliseconds. RTO arithmetic uses fractions (R/2, α = 1/8,
 * β = 1/4) and is not rounded.
 */
import type { RetransmitDecision, RtoConfig, RtoEvent, RtoState, Schedule, ScheduleConfig } from "../lib/tcp.ts";

/** RFC 6298 §2.3: the gains of the two exponentially weighted moving averages. */
const ALPHA = 1 / 8;
const BETA = 1 / 4;
/** RFC 6298 §2.2–2.3: how many deviations of margin the RTO keeps above SRTT. */
const K = 4;

/**
 * Asked at time `now`, about a segment last sent at `lastSent` with timeout `rto`
 * and already retransmitted `tries` times, with at most `maxTries` retransmissions
 * allowed:
 *  - the timer has not run out yet (now − lastSent < rto): wait;
 *  - it has run out and a retransmission is still allowed (tries < maxTries): retransmit;
 *  - it has run out and all allowed retransmissions are spent: give up.
 * Giving up therefore waits for the last retransmission's own timeout: with 6
 * retries and RTO 1 s doubling, the 6th retransmission leaves at 63 s and the
 * sender gives up at 127 s, not at 63 s.
 */
export function shouldRetransmit(now: number, lastSent: number, rto: number, tries: number, maxTries: number): RetransmitDecision {
  const expired = now - lastSent >= rto;
  if (!expired) return "wait";
  return tries < maxTries ? "retransmit" : "give-up";
}

function clamp(x: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, x));
}

/** RFC 6298 §2.2–2.4: RTO = SRTT + max(G, K·RTTVAR), kept inside [minRto, maxRto]. */
function rtoFrom(srtt: number, rttvar: number, config: RtoConfig): number {
  return clamp(srtt + Math.max(config.granularity, K * rttvar), config.minRto, config.maxRto);
}

/**
 * The timer's state after one event (RFC 6298):
 *  - an ACK for a segment that was retransmitted gives no sample (Karn's
 *    algorithm, §3): we cannot tell which copy it answers, so nothing changes;
 *  - the first sample R: SRTT = R, RTTVAR = R/2 (§2.2);
 *  - later samples R: RTTVAR from the OLD SRTT first, then SRTT (§2.3);
 *  - a timeout doubles the RTO, never past maxRto (§5.5, §2.5), and leaves the
 *    averages alone.
 */
export function nextRto(state: RtoState, event: RtoEvent, config: RtoConfig): RtoState {
  if (event.kind === "timeout") {
    // state.rto is never below minRto (the stub's precondition), so neither is its double.
    return { srtt: state.srtt, rttvar: state.rttvar, rto: Math.min(2 * state.rto, config.maxRto) };
  }
  if (event.retransmitted) return { srtt: state.srtt, rttvar: state.rttvar, rto: state.rto };

  const r = event.rtt;
  if (state.srtt === null || state.rttvar === null) {
    const srtt = r;
    const rttvar = r / 2;
    return { srtt, rttvar, rto: rtoFrom(srtt, rttvar, config) };
  }
  // The order matters: the deviation is measured against the SRTT the sample is
  // being compared with, before the sample moves it.
  const rttvar = (1 - BETA) * state.rttvar + BETA * Math.abs(state.srtt - r);
  const srtt = (1 - ALPHA) * state.srtt + ALPHA * r;
  return { srtt, rttvar, rto: rtoFrom(srtt, rttvar, config) };
}

/**
 * The whole life of one unanswered segment sent at time 0: wait the RTO,
 * retransmit, double the RTO (never past maxRto), and so on for `retries`
 * retransmissions; then wait one more (doubled, capped) RTO and give up.
 * Linux's SYN before 6.5 (or with tcp_syn_linear_timeouts=0): { initialRto: 1000, retries: 6, maxRto: 120000 } → retransmits at
 * 1, 3, 7, 15, 31, 63 s and gives up at 127 s.
 */
export function retransmitSchedule(config: ScheduleConfig): Schedule {
  const retransmitAt: number[] = [];
  let clock = 0;
  let rto = Math.min(config.initialRto, config.maxRto);
  for (let i = 0; i < config.retries; i++) {
    clock += rto;
    retransmitAt.push(clock);
    rto = Math.min(2 * rto, config.maxRto);
  }
  return { retransmitAt, giveUpAt: clock + rto };
}
