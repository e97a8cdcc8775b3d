/**
 * Lesson 02: sequence numbers (content/02-sequence-numbers.md).
 *
 * Every sequence number here is an unsigned 32-bit value held in a `number`:
 * an integer from 0 to 2^32 − 1 (4294967295). Arithmetic and comparisons are
 * modulo 2^32 (RFC 9293 §3.4): after 4294967295 comes 0 again.
 * `SEQ_MODULUS` in lib/tcp.ts is 2^32 if you want a name for it.
 *
 * Replace each `throw notImplemented(...)` line with your code. Do not change the
 * function names or parameters: the grader calls them.
 */
import { notImplemented } from "../lib/not-implemented.ts";

/**
 * a + n on the sequence circle ("The sequence space wraps around", in the lesson).
 *
 * - `a`: a sequence number, 0 … 2^32 − 1.
 * - `n`: an integer with −2^32 < n < 2^32. It may be NEGATIVE: seqAdd(a, -1) is
 *   the sequence number just before a, and seqAdd(0, -1) is 4294967295.
 * - Returns the sequence number n steps forward from a (backward when n < 0),
 *   always an integer from 0 to 2^32 − 1.
 *
 * Examples: seqAdd(100, 1) = 101; seqAdd(4294967295, 1) = 0;
 * seqAdd(0, -1) = 4294967295; seqAdd(5, 4294967295) = 4.
 *
 * Careful: in JavaScript, `-1 % 4294967296` is -1, not 4294967295.
 */
export function seqAdd(a: number, n: number): number {
  throw notImplemented("seqAdd");
}

/**
 * Is sequence number a before sequence number b? ("Before and after on a circle".)
 *
 * True when b lies 1 … 2^31 − 1 steps forward from a, going round the circle:
 * seqLt(1, 2) is true, and so is seqLt(4294967295, 0) (0 comes right after the
 * wrap). False when a === b, and false when b is behind a.
 *
 * This is Linux's `before(a, b)`, which computes `(s32)(a - b) < 0`: subtract,
 * read the 32 result bits as a signed number, and check the sign.
 *
 * Exactly 2^31 apart (say 0 and 2147483648) neither number is meaningfully
 * before the other. Linux answers true both ways; RFC 1982 leaves it undefined.
 * The grader accepts true or false there, but your answer must not depend on
 * the order: seqLt(a, b) must equal seqLt(b, a) for such a pair.
 */
export function seqLt(a: number, b: number): boolean {
  throw notImplemented("seqLt");
}

/**
 * Is a before b or equal to it? Exactly `seqLt(a, b) || a === b`, so seqLeq(a, a)
 * is true and seqLeq(4294967295, 0) is true.
 *
 * Exactly 2^31 apart the grader again accepts either answer, as long as
 * seqLeq(a, b) equals seqLeq(b, a).
 */
export function seqLeq(a: number, b: number): boolean {
  throw notImplemented("seqLeq");
}

/**
 * Does an incoming ACK acknowledge something new that we actually sent?
 * ("Which ACKs count", in the lesson.)
 *
 * RFC 9293 §3.4: SND.UNA < SEG.ACK =< SND.NXT, all modulo 2^32.
 * - `una`: SND.UNA, the oldest sequence number we sent that is not yet acknowledged.
 * - `ack`: SEG.ACK, the acknowledgment number of the arriving segment.
 * - `nxt`: SND.NXT, the next sequence number we will send.
 *
 * The grader only uses inputs where nxt is less than 2^31 ahead of una (every real
 * connection is like that) and ack is not exactly 2^31 away from una or from nxt.
 *
 * Example: after sending SYN seq=100, una = 100 and nxt = 101; only ack = 101 is
 * acceptable. ack = 100 acknowledges nothing new; ack = 102 acknowledges a byte
 * we never sent.
 */
export function isAcceptableAck(una: number, ack: number, nxt: number): boolean {
  throw notImplemented("isAcceptableAck");
}

/**
 * Is an arriving segment acceptable, i.e. does it fall (partly) inside the
 * receive window? RFC 9293 §3.4, Table 5, all four cases, modulo 2^32
 * ("Is this segment inside my window?", in the lesson):
 *
 *   len = 0, rcvWnd = 0:  acceptable only when seq = rcvNxt
 *   len = 0, rcvWnd > 0:  rcvNxt =< seq < rcvNxt + rcvWnd
 *   len > 0, rcvWnd = 0:  never acceptable
 *   len > 0, rcvWnd > 0:  rcvNxt =< seq < rcvNxt + rcvWnd
 *                         OR rcvNxt =< seq + len − 1 < rcvNxt + rcvWnd
 *                         (the first or the last sequence number of the segment
 *                         is inside the window)
 *
 * - `rcvNxt`: RCV.NXT, the next sequence number we expect, 0 … 2^32 − 1.
 * - `rcvWnd`: RCV.WND, the receive window, an integer 0 … 2^31 − 1.
 * - `seq`: SEG.SEQ, the segment's first sequence number, 0 … 2^32 − 1.
 * - `len`: SEG.LEN, data bytes + 1 for SYN + 1 for FIN, an integer 0 … 2^31 − 1.
 */
export function isSegmentAcceptable(rcvNxt: number, rcvWnd: number, seq: number, len: number): boolean {
  throw notImplemented("isSegmentAcceptable");
}
