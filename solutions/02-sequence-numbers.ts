/**
 * Lesson 02, reference solution: sequence-number arithmetic modulo 2^32.
 *
 * Every sequence number is an unsigned 32-bit value kept in a JavaScript number
 * (an integer 0 … 2^32 − 1). Sums and comparisons happen on a circle of 2^32
 * points (RFC 9293 §3.4), so the ordinary `+` and `<` are the wrong tools:
 * `+` runs off the end of the circle and `<` does not know the circle has no end.
 *
 * The one idea everything below rests on is the forward distance from a to b:
 * how many steps you walk forward from a to reach b, between 0 and 2^32 − 1.
 * "Is b after a?", "is this ACK inside what we sent?", "is this segment inside
 * the window?" are all questions about forward distances.
 */
import { SEQ_MODULUS } from "../lib/tcp.ts";

/** Half the circle, 2^31: the largest distance at which "before" still means something. */
const HALF = SEQ_MODULUS / 2;

/**
 * x reduced into 0 … 2^32 − 1. JavaScript's `%` keeps the sign of the dividend
 * (-1 % 2^32 is -1), so a negative x needs one more turn of the circle.
 * (`x >>> 0` does the same for integers of this size; this spelling shows why.)
 */
function mod32(x: number): number {
  const r = x % SEQ_MODULUS;
  return r < 0 ? r + SEQ_MODULUS : r;
}

/** How many steps forward from `from` to reach `to`, in 0 … 2^32 − 1. */
function forwardDistance(from: number, to: number): number {
  return mod32(to - from);
}

/**
 * a + n on the sequence circle. `a` is a sequence number; `n` is an integer with
 * |n| < 2^32 and may be negative (seqAdd(a, -1) is the number just before a).
 * Both operands are below 2^32 in size, so `a + n` is an exact double and one
 * reduction gives the exact answer.
 */
export function seqAdd(a: number, n: number): number {
  return mod32(a + n);
}

/**
 * Is a before b? True when b lies 1 … 2^31 steps forward from a. This is exactly
 * Linux's `before(a, b) = (s32)(a - b) < 0` (include/net/tcp.h), written as a
 * distance: the signed 32-bit cast of a − b is negative exactly when the forward
 * distance from a to b is between 1 and 2^31.
 *
 * At exactly 2^31 apart the two halves of the circle are equally long and the
 * question has no real answer (RFC 1982 §3.2 leaves it undefined). Linux answers
 * "before" in both directions, and so does this function; the grader accepts
 * either answer there as long as it does not depend on the order of a and b.
 */
export function seqLt(a: number, b: number): boolean {
  const d = forwardDistance(a, b);
  return d >= 1 && d <= HALF;
}

/** Is a before b or equal to it? (Same convention as seqLt at exactly 2^31 apart.) */
export function seqLeq(a: number, b: number): boolean {
  return a === b || seqLt(a, b);
}

/**
 * SND.UNA < SEG.ACK =< SND.NXT, modulo 2^32 (RFC 9293 §3.4, §3.10.7.4).
 *
 * An ACK is new and believable when it acknowledges at least one byte we have not
 * seen acknowledged yet (ack > una) and nothing we have not sent (ack =< nxt).
 * Measured forward from una, that is: 0 < distance(una, ack) =< distance(una, nxt).
 * Counting from una instead of chaining two seqLt calls keeps the answer exact
 * however the three numbers sit around the wrap.
 */
export function isAcceptableAck(una: number, ack: number, nxt: number): boolean {
  const acked = forwardDistance(una, ack);
  const outstanding = forwardDistance(una, nxt);
  return acked > 0 && acked <= outstanding;
}

/**
 * The four cases of RFC 9293 §3.4, Table 5 ("segment acceptability tests").
 *
 * | SEG.LEN | RCV.WND | acceptable when                                           |
 * |---------|---------|-----------------------------------------------------------|
 * | 0       | 0       | SEG.SEQ = RCV.NXT                                         |
 * | 0       | > 0     | RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND                      |
 * | > 0     | 0       | never                                                     |
 * | > 0     | > 0     | the first (SEG.SEQ) or the last (SEG.SEQ+SEG.LEN−1)       |
 * |         |         | sequence number of the segment lies in the window         |
 *
 * `len` is SEG.LEN (data + SYN + FIN, lesson 01). `rcvWnd` is below 2^31, as every
 * real window is (RFC 7323 caps a scaled window below 2^30), so "in the window" is
 * a plain forward-distance test.
 */
export function isSegmentAcceptable(rcvNxt: number, rcvWnd: number, seq: number, len: number): boolean {
  const inWindow = (s: number): boolean => forwardDistance(rcvNxt, s) < rcvWnd;

  if (rcvWnd === 0) {
    // A closed window still lets through a segment that occupies no sequence
    // space and sits exactly at RCV.NXT: that is how ACKs, window updates and
    // RSTs keep arriving while the receiver's buffer is full.
    return len === 0 && seq === rcvNxt;
  }
  if (len === 0) return inWindow(seq);

  const last = seqAdd(seq, len - 1);
  // "Start or end in the window": a retransmission that is partly old data (it
  // starts before RCV.NXT) is still accepted because its end is new.
  return inWindow(seq) || inWindow(last);
}
