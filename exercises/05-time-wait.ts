/**
 * Lesson 05: TIME-WAIT and 2MSL. Read content/05-time-wait.md first (`npm start`, then "Read").
 * Check your work with `npm run grade -- 05`.
 *
 * Every time here is a whole number of milliseconds. Sequence numbers are
 * unsigned 32-bit values: do your sums modulo 2^32 (lesson 02).
 */
import type { TimeWait, TimeWaitConfig, TimeWaitInput, TimeWaitResult } from "../lib/tcp.ts";
import { notImplemented } from "../lib/not-implemented.ts";

/**
 * When does a TIME-WAIT that began at `enteredAt` end? Return the deadline in
 * ms on the same clock: the entry time plus twice the MSL (`config.msl`).
 *
 * Examples: timeWaitDeadline(0, { msl: 120_000, rfc1337: false }) === 240_000 (the
 * RFC's 4 minutes); timeWaitDeadline(5_000, { msl: 30_000, rfc1337: false }) === 65_000
 * (Linux's fixed 60 s). (Section "Why twice the MSL".)
 */
export function timeWaitDeadline(enteredAt: number, config: TimeWaitConfig): number {
  throw notImplemented("timeWaitDeadline");
}

/**
 * One input reaches an endpoint in TIME-WAIT at time `now` (ms). Return whether it
 * stays in TIME-WAIT (and its deadline afterwards) or is now CLOSED, and the
 * segments it sends. The only segment TIME-WAIT ever sends is the ACK
 *   { seq: tw.sndNxt, ack: tw.rcvNxt, flags: flags("ACK"), dataLength: 0 }
 * (import `flags` from ../lib/tcp.ts). Apply the first rule that matches
 * (the lesson's section "What TIME-WAIT does with what still arrives" explains each):
 *
 *  1. now >= tw.deadline: the 2MSL timer has already fired. CLOSED, send nothing,
 *     whatever the input is.
 *  2. A "tick" (time passes, nothing arrives): stay, same deadline, send nothing.
 *  3. A segment with RST:
 *     - config.rfc1337 is true: ignore it (stay, same deadline, send nothing);
 *     - otherwise look only at SEG.SEQ: exactly tw.rcvNxt → CLOSED, send nothing;
 *       inside the window (rcvNxt < seq < rcvNxt + rcvWnd, modulo 2^32) → stay
 *       and send the ACK (a "challenge ACK"); anywhere else → stay, send nothing.
 *  4. A segment with SYN: stay, same deadline, send the ACK.
 *  5. The peer's FIN again (FIN set and seq + dataLength + 1 ≡ tw.rcvNxt mod 2^32):
 *     our last ACK was lost. Send the ACK and restart the timer: the new deadline
 *     is timeWaitDeadline(now, config).
 *  6. An acceptable "pure ACK": no SYN, FIN or RST, dataLength 0, and seq inside
 *     the window (seq === rcvNxt when rcvWnd is 0, else rcvNxt <= seq < rcvNxt +
 *     rcvWnd modulo 2^32). The ACK bit is NOT required: with or without it, such a
 *     segment gets: stay, same deadline, send nothing. Never ACK an ACK.
 *  7. Anything else: stay, same deadline, send the ACK.
 *
 * The ACK bit, SEG.ACK and the other flags (URG, PSH, ECE, CWR) play no part.
 * Return `{ state: "TIME-WAIT", deadline, send }` or `{ state: "CLOSED", send: [] }`.
 * Do not change the arguments.
 */
export function timeWaitStep(tw: TimeWait, input: TimeWaitInput, now: number, config: TimeWaitConfig): TimeWaitResult {
  throw notImplemented("timeWaitStep");
}
