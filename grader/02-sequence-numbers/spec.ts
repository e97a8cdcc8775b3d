/**
 * Hidden properties of lesson 02: sequence-number arithmetic modulo 2^32.
 *
 * Conventions the stub's doc comments promise, and this spec keeps:
 * - seqAdd's n is any integer with |n| < 2^32, negative allowed.
 * - seqLt/seqLeq are only compared with the reference when the two numbers are not
 *   exactly 2^31 apart. At exactly 2^31 either answer is accepted, provided it
 *   does not depend on the order of the arguments (which translation invariance
 *   checks anyway).
 * - isAcceptableAck is asked only with SND.NXT less than 2^31 ahead of SND.UNA and
 *   SEG.ACK not exactly 2^31 from either; isSegmentAcceptable only with
 *   RCV.WND and SEG.LEN below 2^31.
 */
import fc from "fast-check";
import { SEQ_MODULUS } from "../../lib/tcp.ts";
import { EDGE_SEQS, seqDistance, seqNumber } from "../kit/arbitraries.ts";
import { every, specFor } from "../kit/spec.ts";
import {
  HALF,
  bool,
  forward,
  relative,
  seq,
  signedOffset,
  steps,
  whereIs,
  windowInput,
  windowPicture,
  wrap,
  type WindowCase,
} from "./show.ts";

const { property, spec } = specFor<typeof import("../../solutions/02-sequence-numbers.ts")>();

const M = SEQ_MODULUS;

// ── Inputs ──────────────────────────────────────────────────────────────────

/** Landmarks of the circle: the kit's edges plus the quarter points. */
const LANDMARKS: readonly number[] = [...EDGE_SEQS, 2 ** 30, 3 * 2 ** 30];

/** Step counts for seqAdd, including negative ones and the largest allowed. */
const EDGE_STEPS: readonly number[] = [0, 1, -1, 2, -2, 1460, -1460, HALF - 1, HALF, -HALF, M - 1, -(M - 1)];

const steps32: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...EDGE_STEPS),
  fc.integer({ min: -(M - 1), max: M - 1 }),
  fc.integer({ min: -2000, max: 2000 }),
);

interface Pair {
  readonly a: number;
  readonly b: number;
}

const isAntipodal = (x: number, y: number): boolean => forward(x, y) === HALF;

/** Two sequence numbers less than 2^31 apart (in either order, equal included). */
const nearPair: fc.Arbitrary<Pair> = fc
  .record({ a: seqNumber, d: seqDistance, backwards: fc.boolean() })
  .map(({ a, d, backwards }) => ({ a, b: wrap(backwards ? a - d : a + d) }));

/** Any two sequence numbers except those exactly 2^31 apart. */
const anyPair: fc.Arbitrary<Pair> = fc
  .record({ a: seqNumber, b: seqNumber })
  .filter(({ a, b }) => !isAntipodal(a, b));

/** Pairs where a comparison is meaningful: mostly close together, sometimes anywhere. */
const comparablePair: fc.Arbitrary<Pair> = fc.oneof({ weight: 3, arbitrary: nearPair }, { weight: 1, arbitrary: anyPair });

/** Every landmark against every small and large distance, both directions, antipodes left out. */
const edgePairs: readonly Pair[] = LANDMARKS.flatMap((a) =>
  [0, 1, 2, 3, HALF - 2, HALF - 1, HALF + 1, HALF + 2, M - 3, M - 2, M - 1].map((d) => ({ a, b: wrap(a + d) })),
);

interface Shifted extends Pair {
  readonly k: number;
}

/** Any pair (antipodes included, on purpose) and an amount to shift both by. */
const shiftedPair: fc.Arbitrary<Shifted> = fc.record({
  a: seqNumber,
  b: fc.oneof(seqNumber, seqNumber.map((x) => wrap(x + HALF))),
  k: fc.oneof(seqNumber, fc.constantFrom(1, HALF, M - 1)),
});

const pairInput = ({ a, b }: Pair): string => `a=${seq(a)}, b=${seq(b)}  (${whereIs("b", "a", a, b)})`;
const shiftedInput = ({ a, b, k }: Shifted): string =>
  `a=${seq(a)}, b=${seq(b)}, k=${seq(k)}  → a+k=${seq(wrap(a + k))}, b+k=${seq(wrap(b + k))}`;

// Inputs of isAcceptableAck.

interface AckCase {
  readonly una: number;
  readonly ack: number;
  readonly nxt: number;
}

/** Sequence numbers outstanding (SND.NXT − SND.UNA): small, typical and the largest allowed. */
const outstanding: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 1, 2, 1460, HALF - 1),
  fc.nat({ max: 65535 }),
  fc.nat({ max: HALF - 1 }),
);

const ackAllowed = ({ una, ack, nxt }: AckCase): boolean => !isAntipodal(una, ack) && !isAntipodal(nxt, ack);

/** SND.UNA anywhere, SND.NXT a little ahead, SEG.ACK mostly around the interesting points. */
const ackCase: fc.Arbitrary<AckCase> = fc
  .record({ una: seqNumber, out: outstanding, pick: fc.nat({ max: 7 }), jitter: fc.integer({ min: -3, max: 3 }), far: seqNumber })
  .map(({ una, out, pick, jitter, far }) => {
    const nxt = wrap(una + out);
    const around = [una, nxt, wrap(una + 1), wrap(nxt + 1), wrap(una - 1), wrap(una + Math.floor(out / 2))];
    const ack = pick < around.length ? wrap(around[pick]! + jitter) : far;
    return { una, ack, nxt };
  })
  .filter(ackAllowed);

const ackInput = ({ una, ack, nxt }: AckCase): string =>
  `SND.UNA=${seq(una)} SEG.ACK=${seq(ack)} SND.NXT=${seq(nxt)}`;

const ackPicture = ({ una, ack, nxt }: AckCase): string => {
  const out = forward(una, nxt);
  return [
    `${steps(out).replace("step", "sequence number")} outstanding: SND.NXT = ${relative("SND.UNA", out)}`,
    `SEG.ACK = ${relative("SND.UNA", signedOffset(una, ack))}` +
      ` = ${relative("SND.NXT", signedOffset(nxt, ack))}`,
    `acceptable means SND.UNA < SEG.ACK =< SND.NXT`,
  ].join("\n");
};

/** Every small case near the landmarks, one by one: 11 × 4 × 9 inputs. */
const smallAckCases: readonly AckCase[] = LANDMARKS.flatMap((una) =>
  [0, 1, 2, 3].flatMap((out) =>
    [-3, -2, -1, 0, 1, 2, 3, 4, 5].map((off) => ({ una, ack: wrap(una + off), nxt: wrap(una + out) })),
  ),
);

// Inputs of isSegmentAcceptable.

const windowSize: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 1, 2, 65535, 2 ** 30, HALF - 1),
  fc.nat({ max: 65535 }),
  fc.nat({ max: HALF - 1 }),
);

const segmentLength: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 1, 2, 1460, 65535),
  fc.nat({ max: 3000 }),
  fc.nat({ max: HALF - 1 }),
);

/** RCV.NXT anywhere; SEG.SEQ mostly near the window's edges (and the segment's end near them too). */
const windowCase: fc.Arbitrary<WindowCase> = fc
  .record({
    rcvNxt: seqNumber,
    rcvWnd: windowSize,
    len: segmentLength,
    pick: fc.nat({ max: 6 }),
    jitter: fc.integer({ min: -2, max: 2 }),
    far: seqNumber,
  })
  .map(({ rcvNxt, rcvWnd, len, pick, jitter, far }) => {
    // Offsets from RCV.NXT where the answer changes: segment starting at the window's
    // start or end, or ending (last byte) at either.
    const offsets = [0, rcvWnd, -len + 1, rcvWnd - len + 1, -len, Math.floor(rcvWnd / 2)];
    const s = pick < offsets.length ? wrap(rcvNxt + offsets[pick]! + jitter) : far;
    return { rcvNxt, rcvWnd, seq: s, len };
  });

/** Every small window and segment around four landmarks, one by one: 4 × 4 × 4 × 12 inputs. */
const smallWindowCases: readonly WindowCase[] = [0, HALF - 1, M - 3, M - 1].flatMap((rcvNxt) =>
  [0, 1, 2, 3].flatMap((rcvWnd) =>
    [0, 1, 2, 3].flatMap((len) =>
      [-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6].map((off) => ({ rcvNxt, rcvWnd, seq: wrap(rcvNxt + off), len })),
    ),
  ),
);

const callWindow = (m: { isSegmentAcceptable: (a: number, b: number, c: number, d: number) => boolean }, c: WindowCase) =>
  m.isSegmentAcceptable(c.rcvNxt, c.rcvWnd, c.seq, c.len);

const windowShow = { input: windowInput, output: bool, picture: (c: WindowCase) => windowPicture(c) };

const inRange = (x: unknown): boolean => typeof x === "number" && Number.isInteger(x) && x >= 0 && x < M;

/** For the antipode properties: either answer is fine, as long as both orders agree. */
const sameBothWays = (x: unknown, y: unknown): string =>
  x === y ? `  (the same both ways: fine; ${x ? "false" : "true"} both ways would be fine too)` : "  (these differ)";

// ── The spec ────────────────────────────────────────────────────────────────

export default spec({
  seqAdd: [
    property({
      name: "the result is always a whole number from 0 to 2^32 − 1",
      input: fc.record({ a: seqNumber, n: steps32 }),
      run: (m, { a, n }) => m.seqAdd(a, n),
      holds: (actual) => inRange(actual),
      numRuns: 200,
      show: { input: ({ a, n }) => `a=${seq(a)}, n=${n}`, output: seq },
    }),
    property({
      name: "adding at the edges wraps past 2^32 − 1 back to 0 (and below 0 back to 2^32 − 1)",
      input: every(LANDMARKS.flatMap((a) => EDGE_STEPS.map((n) => ({ a, n })))),
      run: (m, { a, n }) => m.seqAdd(a, n),
      show: { input: ({ a, n }) => `a=${seq(a)}, n=${n}`, output: seq },
    }),
    property({
      name: "seqAdd(a, n) is a + n modulo 2^32 for any a and n",
      input: fc.record({ a: seqNumber, n: steps32 }),
      run: (m, { a, n }) => m.seqAdd(a, n),
      numRuns: 200,
      show: { input: ({ a, n }) => `a=${seq(a)}, n=${n}`, output: seq },
    }),
    property({
      name: "adding 0 leaves a sequence number unchanged",
      input: seqNumber,
      run: (m, a) => m.seqAdd(a, 0),
      show: { input: (a) => `a=${seq(a)}, n=0`, output: seq },
    }),
    property({
      name: "going n steps forward and then n steps back returns to where you started",
      input: fc.record({ a: seqNumber, n: steps32 }),
      run: (m, { a, n }) => m.seqAdd(m.seqAdd(a, n), -n),
      holds: (actual, { a }) => actual === a,
      show: { input: ({ a, n }) => `seqAdd(seqAdd(${a}, ${n}), ${-n}), should be ${seq(a)}`, output: seq },
    }),
    property({
      name: "m steps and then n steps land where m + n steps land",
      input: fc.record({
        a: seqNumber,
        m: fc.integer({ min: -(HALF - 1), max: HALF - 1 }),
        n: fc.integer({ min: -(HALF - 1), max: HALF - 1 }),
      }),
      run: (mod, { a, m, n }) => [mod.seqAdd(mod.seqAdd(a, m), n), mod.seqAdd(a, m + n)] as const,
      holds: ([twoSteps, oneStep]) => twoSteps === oneStep && inRange(oneStep),
      show: {
        input: ({ a, m, n }) => `a=${seq(a)}, m=${m}, n=${n}`,
        output: ([x, y]) => `seqAdd(seqAdd(a, m), n) = ${seq(x)}, seqAdd(a, m + n) = ${seq(y)}`,
      },
    }),
  ],

  seqLt: [
    property({
      name: "a is before b exactly when b is 1 to 2^31 − 1 steps ahead of a",
      input: comparablePair,
      run: (m, { a, b }) => m.seqLt(a, b),
      numRuns: 200,
      show: { input: pairInput, output: bool },
    }),
    property({
      name: "comparisons at the edges 0, 2^31 and 2^32 − 1 are right, one case at a time",
      input: every(edgePairs.flatMap(({ a, b }) => [{ a, b }, { a: b, b: a }])),
      run: (m, { a, b }) => m.seqLt(a, b),
      show: { input: pairInput, output: bool },
    }),
    property({
      name: "no sequence number is before itself",
      input: seqNumber,
      run: (m, a) => m.seqLt(a, a),
      show: { input: (a) => `a=b=${seq(a)}`, output: bool },
    }),
    property({
      name: "of two different numbers less than 2^31 apart, exactly one is before the other",
      input: nearPair.filter(({ a, b }) => a !== b),
      run: (m, { a, b }) => [m.seqLt(a, b), m.seqLt(b, a)] as const,
      holds: ([ab, ba]) => typeof ab === "boolean" && typeof ba === "boolean" && ab !== ba,
      show: { input: pairInput, output: ([ab, ba]) => `seqLt(a, b) = ${bool(ab)}, seqLt(b, a) = ${bool(ba)}` },
    }),
    property({
      name: "exactly 2^31 apart, the answer does not depend on which number comes first",
      input: seqNumber,
      run: (m, a) => [m.seqLt(a, wrap(a + HALF)), m.seqLt(wrap(a + HALF), a)] as const,
      holds: ([x, y]) => typeof x === "boolean" && x === y,
      show: {
        input: (a) => `a=${seq(a)}, b=${seq(wrap(a + HALF))}  (exactly 2^31 apart)`,
        output: ([x, y]) => `seqLt(a, b) = ${bool(x)}, seqLt(b, a) = ${bool(y)}` + sameBothWays(x, y),
      },
    }),
    property({
      name: "adding the same k to both numbers never changes which comes first",
      input: shiftedPair,
      run: (m, { a, b, k }) => [m.seqLt(a, b), m.seqLt(wrap(a + k), wrap(b + k))] as const,
      holds: ([before, after]) => typeof before === "boolean" && before === after,
      numRuns: 200,
      show: {
        input: shiftedInput,
        output: ([x, y]) => `seqLt(a, b) = ${bool(x)}, seqLt(a+k, b+k) = ${bool(y)}`,
      },
    }),
  ],

  seqLeq: [
    property({
      name: "a =< b exactly when a equals b or b is 1 to 2^31 − 1 steps ahead of a",
      input: comparablePair,
      run: (m, { a, b }) => m.seqLeq(a, b),
      numRuns: 200,
      show: { input: pairInput, output: bool },
    }),
    property({
      name: "comparisons at the edges 0, 2^31 and 2^32 − 1 are right, one case at a time",
      input: every(edgePairs.flatMap(({ a, b }) => [{ a, b }, { a: b, b: a }])),
      run: (m, { a, b }) => m.seqLeq(a, b),
      show: { input: pairInput, output: bool },
    }),
    property({
      name: "every sequence number is =< itself",
      input: seqNumber,
      run: (m, a) => m.seqLeq(a, a),
      show: { input: (a) => `a=b=${seq(a)}`, output: bool },
    }),
    property({
      name: "of two numbers less than 2^31 apart, at least one is =< the other, and both only when they are equal",
      input: nearPair,
      run: (m, { a, b }) => [m.seqLeq(a, b), m.seqLeq(b, a)] as const,
      holds: ([ab, ba], { a, b }) =>
        typeof ab === "boolean" && typeof ba === "boolean" && (ab || ba) && (ab && ba) === (a === b),
      show: { input: pairInput, output: ([ab, ba]) => `seqLeq(a, b) = ${bool(ab)}, seqLeq(b, a) = ${bool(ba)}` },
    }),
    property({
      name: "exactly 2^31 apart, the answer does not depend on which number comes first",
      input: seqNumber,
      run: (m, a) => [m.seqLeq(a, wrap(a + HALF)), m.seqLeq(wrap(a + HALF), a)] as const,
      holds: ([x, y]) => typeof x === "boolean" && x === y,
      show: {
        input: (a) => `a=${seq(a)}, b=${seq(wrap(a + HALF))}  (exactly 2^31 apart)`,
        output: ([x, y]) => `seqLeq(a, b) = ${bool(x)}, seqLeq(b, a) = ${bool(y)}` + sameBothWays(x, y),
      },
    }),
    property({
      name: "adding the same k to both numbers never changes the answer",
      input: shiftedPair,
      run: (m, { a, b, k }) => [m.seqLeq(a, b), m.seqLeq(wrap(a + k), wrap(b + k))] as const,
      holds: ([before, after]) => typeof before === "boolean" && before === after,
      numRuns: 200,
      show: {
        input: shiftedInput,
        output: ([x, y]) => `seqLeq(a, b) = ${bool(x)}, seqLeq(a+k, b+k) = ${bool(y)}`,
      },
    }),
  ],

  isAcceptableAck: [
    property({
      name: "after sending SYN seq=x, only ack=x+1 acknowledges it",
      input: every(
        LANDMARKS.flatMap((iss) =>
          [-2, -1, 0, 1, 2, 3].map((off) => ({ una: iss, ack: wrap(iss + off), nxt: wrap(iss + 1) })),
        ),
      ),
      run: (m, c) => m.isAcceptableAck(c.una, c.ack, c.nxt),
      show: {
        input: ({ una, ack, nxt }) => `sent SYN seq=${seq(una)}: ${ackInput({ una, ack, nxt })}`,
        output: bool,
        picture: ackPicture,
      },
    }),
    property({
      name: "an ACK counts exactly when SND.UNA < SEG.ACK =< SND.NXT, modulo 2^32",
      input: ackCase,
      run: (m, c) => m.isAcceptableAck(c.una, c.ack, c.nxt),
      numRuns: 200,
      show: { input: ackInput, output: bool, picture: ackPicture },
    }),
    property({
      name: "every small case around the edges, one at a time",
      input: every(smallAckCases),
      run: (m, c) => m.isAcceptableAck(c.una, c.ack, c.nxt),
      show: { input: ackInput, output: bool, picture: ackPicture },
    }),
    property({
      name: "a duplicate ACK (SEG.ACK = SND.UNA) never counts: it acknowledges nothing new",
      input: fc.record({ una: seqNumber, out: outstanding }).map(({ una, out }) => ({ una, ack: una, nxt: wrap(una + out) })),
      run: (m, c) => m.isAcceptableAck(c.una, c.ack, c.nxt),
      show: { input: ackInput, output: bool, picture: ackPicture },
    }),
    property({
      name: "an ACK of everything sent (SEG.ACK = SND.NXT) counts whenever something is outstanding",
      input: fc
        .record({ una: seqNumber, out: outstanding.filter((o) => o > 0) })
        .map(({ una, out }) => ({ una, ack: wrap(una + out), nxt: wrap(una + out) })),
      run: (m, c) => m.isAcceptableAck(c.una, c.ack, c.nxt),
      show: { input: ackInput, output: bool, picture: ackPicture },
    }),
    property({
      name: "an ACK beyond SND.NXT (for data never sent) never counts",
      input: fc
        .record({ una: seqNumber, out: outstanding, beyond: fc.oneof(fc.constantFrom(1, 2), fc.integer({ min: 1, max: 65536 })) })
        .map(({ una, out, beyond }) => ({ una, ack: wrap(una + out + beyond), nxt: wrap(una + out) }))
        .filter(ackAllowed),
      run: (m, c) => m.isAcceptableAck(c.una, c.ack, c.nxt),
      show: { input: ackInput, output: bool, picture: ackPicture },
    }),
    property({
      name: "shifting SND.UNA, SEG.ACK and SND.NXT by the same k never changes the answer",
      input: fc.record({ c: ackCase, k: fc.oneof(seqNumber, fc.constantFrom(1, HALF, M - 1)) }),
      run: (m, { c, k }) =>
        [m.isAcceptableAck(c.una, c.ack, c.nxt), m.isAcceptableAck(wrap(c.una + k), wrap(c.ack + k), wrap(c.nxt + k))] as const,
      holds: ([x, y]) => typeof x === "boolean" && x === y,
      show: {
        input: ({ c, k }) => `${ackInput(c)}, k=${seq(k)}`,
        output: ([x, y]) => `unshifted: ${bool(x)}, shifted by k: ${bool(y)}`,
      },
    }),
  ],

  isSegmentAcceptable: [
    property({
      name: "with a closed window, an empty segment exactly at RCV.NXT is still accepted (that is how ACKs get through)",
      input: seqNumber.map((rcvNxt): WindowCase => ({ rcvNxt, rcvWnd: 0, seq: rcvNxt, len: 0 })),
      run: callWindow,
      show: windowShow,
    }),
    property({
      name: "with a closed window, a segment that occupies sequence space is never accepted",
      input: fc
        .record({ rcvNxt: seqNumber, len: segmentLength.filter((l) => l > 0), off: fc.oneof(fc.constant(0), fc.integer({ min: -3, max: 3 }), seqNumber) })
        .map(({ rcvNxt, len, off }): WindowCase => ({ rcvNxt, rcvWnd: 0, seq: wrap(rcvNxt + off), len })),
      run: callWindow,
      show: windowShow,
    }),
    property({
      name: "a segment that starts before RCV.NXT but ends inside the window is accepted",
      input: fc
        .record({
          rcvNxt: seqNumber,
          early: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 100_000 })),
          lastAt: fc.oneof(fc.constant(0), fc.nat({ max: 65_535 })),
          spare: fc.oneof(fc.constant(0), fc.nat({ max: 65_535 })),
        })
        .map(({ rcvNxt, early, lastAt, spare }): WindowCase => ({
          rcvNxt,
          rcvWnd: lastAt + 1 + spare,
          seq: wrap(rcvNxt - early),
          len: early + lastAt + 1,
        })),
      run: callWindow,
      show: windowShow,
    }),
    property({
      name: "a segment that lies wholly before RCV.NXT (an old duplicate) is not accepted",
      input: fc
        .record({
          rcvNxt: seqNumber,
          rcvWnd: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 2 ** 30 })),
          len: fc.oneof(fc.constantFrom(0, 1, 2), fc.nat({ max: 100_000 })),
          gap: fc.oneof(fc.constant(0), fc.nat({ max: 100_000 })),
        })
        .map(({ rcvNxt, rcvWnd, len, gap }): WindowCase => ({
          rcvNxt,
          rcvWnd,
          // The last sequence number occupied sits `gap` before RCV.NXT − 1; an empty
          // segment must sit at least one before RCV.NXT to be "before" it.
          seq: wrap(rcvNxt - len - Math.max(gap, len === 0 ? 1 : 0)),
          len,
        })),
      run: callWindow,
      show: windowShow,
    }),
    property({
      name: "a segment that starts at or beyond RCV.NXT+RCV.WND is not accepted",
      input: fc
        .record({
          rcvNxt: seqNumber,
          rcvWnd: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 2 ** 30 })),
          len: fc.oneof(fc.constantFrom(0, 1, 2), fc.nat({ max: 2 ** 30 })),
          gap: fc.oneof(fc.constant(0), fc.nat({ max: 100_000 })),
        })
        .map(({ rcvNxt, rcvWnd, len, gap }): WindowCase => ({ rcvNxt, rcvWnd, seq: wrap(rcvNxt + rcvWnd + gap), len })),
      run: callWindow,
      show: windowShow,
    }),
    property({
      name: "every small window and segment, one at a time, including across the wrap",
      input: every(smallWindowCases),
      run: callWindow,
      show: windowShow,
    }),
    property({
      name: "a segment is acceptable exactly as RFC 9293 Table 5 says",
      input: windowCase,
      run: callWindow,
      numRuns: 200,
      show: windowShow,
    }),
    property({
      name: "shifting RCV.NXT and SEG.SEQ by the same k never changes the answer",
      input: fc.record({ c: windowCase, k: fc.oneof(seqNumber, fc.constantFrom(1, HALF, M - 1)) }),
      run: (m, { c, k }) =>
        [callWindow(m, c), callWindow(m, { ...c, rcvNxt: wrap(c.rcvNxt + k), seq: wrap(c.seq + k) })] as const,
      holds: ([x, y]) => typeof x === "boolean" && x === y,
      show: {
        input: ({ c, k }) => `${windowInput(c)}, k=${seq(k)}`,
        output: ([x, y]) => `unshifted: ${bool(x)}, shifted by k: ${bool(y)}`,
        picture: ({ c }) => windowPicture(c),
      },
    }),
  ],
});
