/**
 * Generators shared by the specs. Each reaches the edges a learner gets wrong:
 * sequence numbers near 0, 2^31 and 2^32 − 1 (wrap-around), every state, every flag.
 */
import fc from "fast-check";
import { FLAG_NAMES, SEQ_MODULUS, STATES, type Flags, type Segment, type State } from "../../lib/tcp.ts";

/** The sequence numbers where arithmetic goes wrong, and their neighbours. */
export const EDGE_SEQS: readonly number[] = [0, 1, 2, 2 ** 31 - 2, 2 ** 31 - 1, 2 ** 31, 2 ** 31 + 1, SEQ_MODULUS - 2, SEQ_MODULUS - 1];

/** An unsigned 32-bit sequence number, about half the time one of the edges. */
export const seqNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...EDGE_SEQS) },
  { weight: 1, arbitrary: fc.nat({ max: SEQ_MODULUS - 1 }) },
);

/** A distance between sequence numbers that keeps comparisons meaningful (under 2^31). */
export const seqDistance: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 1, 2, 2 ** 31 - 1),
  fc.nat({ max: 2 ** 31 - 1 }),
  fc.nat({ max: 1000 }),
);

export const state: fc.Arbitrary<State> = fc.constantFrom(...STATES);

export const flagSet: fc.Arbitrary<Flags> = fc.record(
  Object.fromEntries(FLAG_NAMES.map((name) => [name, fc.boolean()])) as Record<keyof Flags, fc.Arbitrary<boolean>>,
);

export const segment: fc.Arbitrary<Segment> = fc.record({
  seq: seqNumber,
  ack: seqNumber,
  flags: flagSet,
  dataLength: fc.oneof(fc.constant(0), fc.nat({ max: 1460 }), fc.constant(65535)),
});

/**
 * Lesson 02 lets either answer stand when two sequence numbers are exactly 2^31
 * apart (seqLt, seqLeq, isAcceptableAck). So a later lesson, whose learner builds
 * on their own lesson-02 functions, must never compare such a pair: a generated
 * number within 3 of the antipode of any of `refs` (the numbers it may be
 * compared with, or their neighbours) is moved on by 8 until it is clear of all.
 */
export function awayFromAntipodes(x: number, refs: readonly number[]): number {
  const near = (y: number) => refs.some((r) => Math.abs(((y - r + 2 * SEQ_MODULUS) % SEQ_MODULUS) - 2 ** 31) <= 3);
  let y = x;
  while (near(y)) y = (y + 8) % SEQ_MODULUS;
  return y;
}
