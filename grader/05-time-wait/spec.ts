import fc from "fast-check";
import {
  FLAG_NAMES,
  flags,
  SEQ_MODULUS,
  setFlagNames,
  type FlagName,
  type Flags,
  type Segment,
  type TimeWait,
  type TimeWaitConfig,
  type TimeWaitInput,
  type TimeWaitResult,
} from "../../lib/tcp.ts";
import { seqNumber, segment as anySegment } from "../kit/arbitraries.ts";
import { every, specFor } from "../kit/spec.ts";

const { property, spec } = specFor<typeof import("../../solutions/05-time-wait.ts")>();

// ── helpers ──────────────────────────────────────────────────────────────────

const mod32 = (x: number) => ((x % SEQ_MODULUS) + SEQ_MODULUS) % SEQ_MODULUS;

/** Flags with the named bits set, plus ACK (every segment after the handshake carries it). */
const withAck = (...names: FlagName[]): Flags => flags("ACK", ...names);

const seg = (seq: number, f: Flags, dataLength = 0, ack = 0): Segment => ({ seq: mod32(seq), ack, flags: f, dataLength });

// ── printing ─────────────────────────────────────────────────────────────────

const ms = (t: number) => (typeof t === "number" ? `${t} ms` : String(t));
const showFlags = (f: Flags) => setFlagNames(f).join(",") || "no flags";
const showSegment = (s: Segment) =>
  `${showFlags(s.flags)} seq=${s.seq}${s.flags.ACK ? ` ack=${s.ack}` : ""}${s.dataLength ? ` (${s.dataLength} data bytes)` : ""}`;
const showTw = (tw: TimeWait) =>
  `TIME-WAIT with SND.NXT=${tw.sndNxt} RCV.NXT=${tw.rcvNxt} RCV.WND=${tw.rcvWnd}, deadline ${ms(tw.deadline)}`;
const showConfig = (c: TimeWaitConfig) => `MSL ${ms(c.msl)}, rfc1337 ${c.rfc1337 ? "on" : "off"}`;
const showInput = (i: TimeWaitInput) => (i.kind === "tick" ? "time passes (tick)" : `arrives: ${showSegment(i.segment)}`);

function showResult(r: TimeWaitResult): string {
  if (r === null || typeof r !== "object") return String(r);
  const sends = Array.isArray(r.send) && r.send.length > 0 ? `sends ${r.send.map(showSegment).join(" + ")}` : "sends nothing";
  return r.state === "TIME-WAIT" ? `stays in TIME-WAIT until ${ms(r.deadline)}, ${sends}` : `${String(r.state)}, ${sends}`;
}

interface StepCase {
  readonly tw: TimeWait;
  readonly input: TimeWaitInput;
  readonly now: number;
  readonly config: TimeWaitConfig;
}

const showCase = (c: StepCase) => `${showTw(c.tw)}; at ${ms(c.now)} ${showInput(c.input)}; ${showConfig(c.config)}`;
const stepShow = { input: showCase, output: showResult };

// ── comparing results ────────────────────────────────────────────────────────

function sameSegment(a: Segment, b: Segment): boolean {
  return (
    a !== null &&
    typeof a === "object" &&
    a.seq === b.seq &&
    a.ack === b.ack &&
    a.dataLength === b.dataLength &&
    a.flags !== null &&
    typeof a.flags === "object" &&
    FLAG_NAMES.every((n) => Boolean(a.flags[n]) === b.flags[n])
  );
}

/** Same state, same segments sent, and (while in TIME-WAIT) the same deadline. */
function sameResult(actual: TimeWaitResult, expected: TimeWaitResult): boolean {
  if (actual === null || typeof actual !== "object" || actual.state !== expected.state) return false;
  if (!Array.isArray(actual.send) || actual.send.length !== expected.send.length) return false;
  if (!actual.send.every((s, i) => sameSegment(s, expected.send[i]!))) return false;
  return expected.state === "CLOSED" || (actual.state === "TIME-WAIT" && actual.deadline === expected.deadline);
}

const agrees = (actual: TimeWaitResult, _input: unknown, expected: TimeWaitResult) => sameResult(actual, expected);

// ── generators ───────────────────────────────────────────────────────────────

const msl = fc.oneof(fc.constantFrom(120_000, 30_000, 60_000, 1), fc.integer({ min: 1, max: 300_000 }));
const config: fc.Arbitrary<TimeWaitConfig> = fc.record({ msl, rfc1337: fc.boolean() });
const rcvWnd = fc.oneof(fc.constantFrom(0, 1, 2, 65_535, 2 ** 30), fc.integer({ min: 0, max: 2 ** 16 }), fc.integer({ min: 0, max: 2 ** 30 }));

/** A TIME-WAIT record, the config, and a moment strictly before the deadline. */
const before = fc
  .record({
    sndNxt: seqNumber,
    rcvNxt: seqNumber,
    rcvWnd,
    enteredAt: fc.oneof(fc.constant(0), fc.nat({ max: 2 ** 40 })),
    config,
    // how far into the TIME-WAIT (0 = just entered, 1 = the last millisecond)
    fraction: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
  })
  .map(({ sndNxt, rcvNxt, rcvWnd, enteredAt, config, fraction }) => {
    const length = 2 * config.msl;
    const tw: TimeWait = { sndNxt, rcvNxt, rcvWnd, deadline: enteredAt + length };
    const now = enteredAt + Math.min(length - 1, Math.floor(fraction * length));
    return { tw, now, config };
  });

const dataLength = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1460 }));

/** The peer's FIN once more: its last sequence number is the one just before RCV.NXT. */
const retransmittedFin = (rcvNxt: number) =>
  fc.record({ data: dataLength, psh: fc.boolean() }).map(({ data, psh }) => seg(rcvNxt - 1 - data, psh ? withAck("FIN", "PSH") : withAck("FIN"), data));

/** Where an RST may land relative to RCV.NXT and the window. */
type RstSpot = "exact" | "in-window" | "window-edge" | "just-before" | "far";
const rstSeq = (tw: TimeWait, spot: RstSpot, pick: number): number => {
  switch (spot) {
    case "exact":
      return tw.rcvNxt;
    case "in-window": // 1 … wnd − 1 past RCV.NXT (falls back to exact when the window has no room)
      return tw.rcvWnd > 1 ? tw.rcvNxt + 1 + (pick % (tw.rcvWnd - 1)) : tw.rcvNxt;
    case "window-edge": // the first number past the window
      return tw.rcvNxt + Math.max(tw.rcvWnd, 1);
    case "just-before":
      return tw.rcvNxt - 1;
    case "far":
      return tw.rcvNxt + 2 ** 31;
  }
};
const rstSegment = (tw: TimeWait) =>
  fc
    .record({
      spot: fc.constantFrom<RstSpot>("exact", "in-window", "window-edge", "just-before", "far"),
      pick: fc.nat(),
      ack: fc.boolean(),
    })
    .map(({ spot, pick, ack }) => seg(rstSeq(tw, spot, pick), ack ? withAck("RST") : flags("RST")));

const synSegment = (tw: TimeWait) =>
  fc
    .record({ offset: fc.oneof(fc.constantFrom(0, -1, 1, 2 ** 31), fc.nat({ max: SEQ_MODULUS - 1 })), ack: fc.boolean() })
    .map(({ offset, ack }) => seg(tw.rcvNxt + offset, ack ? withAck("SYN") : flags("SYN")));

/** A pure ACK somewhere around the window (inside, at its edges, or far away). */
const bareAck = (tw: TimeWait) =>
  fc
    .oneof(
      fc.constantFrom(0, -1, Math.max(tw.rcvWnd, 1), tw.rcvWnd - 1, 2 ** 31),
      fc.nat({ max: Math.max(tw.rcvWnd - 1, 0) }),
      fc.nat({ max: SEQ_MODULUS - 1 }),
    )
    .map((offset) => seg(tw.rcvNxt + offset, withAck()));

/** Anything: a random segment, half the time moved to sit near RCV.NXT. */
const otherSegment = (tw: TimeWait) =>
  fc
    .record({ s: anySegment, near: fc.boolean(), offset: fc.integer({ min: -3, max: 3 }) })
    .map(({ s, near, offset }) => (near ? { ...s, seq: mod32(tw.rcvNxt + offset - s.dataLength) } : s));

const caseWith = (makeSegment: (tw: TimeWait) => fc.Arbitrary<Segment>, configOverride?: Partial<TimeWaitConfig>) =>
  before.chain(({ tw, now, config }) =>
    makeSegment(tw).map(
      (segment): StepCase => ({ tw, now, config: { ...config, ...configOverride }, input: { kind: "segment", segment } }),
    ),
  );

// ── a worked set of cases around the wrap-around, one per rule ───────────────

const WRAP_TW: TimeWait = { sndNxt: SEQ_MODULUS - 1, rcvNxt: 0, rcvWnd: 1000, deadline: 240_000 };
const RFC: TimeWaitConfig = { msl: 120_000, rfc1337: false };
const RFC1337: TimeWaitConfig = { msl: 120_000, rfc1337: true };
const at = (now: number, input: TimeWaitInput, config = RFC, tw = WRAP_TW): StepCase => ({ tw, input, now, config });
const arrives = (segment: Segment): TimeWaitInput => ({ kind: "segment", segment });
const TICK: TimeWaitInput = { kind: "tick" };

const WORKED: readonly StepCase[] = [
  at(0, TICK),
  at(239_999, TICK),
  at(240_000, TICK),
  at(240_000, arrives(seg(-1, withAck("FIN")))),
  at(1_000, arrives(seg(-1, withAck("FIN")))), // the old FIN, seq 2^32 − 1: ACK, deadline 241 000
  at(239_999, arrives(seg(-1, withAck("FIN")))), // in the last millisecond: deadline 479 999
  at(1_000, arrives(seg(-101, withAck("FIN", "PSH"), 100))), // the old FIN with its last 100 data bytes
  at(1_000, arrives(seg(-1, withAck("FIN"))), { msl: 30_000, rfc1337: false }, { ...WRAP_TW, deadline: 60_000 }),
  at(5_000, arrives(seg(0, withAck("RST")))),
  at(5_000, arrives(seg(0, withAck("RST"))), RFC1337),
  at(5_000, arrives(seg(0, flags("RST")))),
  at(5_000, arrives(seg(999, withAck("RST")))), // last number in the window: challenge ACK
  at(5_000, arrives(seg(1000, withAck("RST")))), // first number past it: dropped
  at(5_000, arrives(seg(-1, withAck("RST")))), // just before RCV.NXT: dropped
  at(5_000, arrives(seg(500, withAck("RST"))), RFC1337),
  at(5_000, arrives(seg(500, flags("SYN")))),
  at(5_000, arrives(seg(-1, withAck("SYN", "FIN")))), // a SYN is answered before any FIN rule
  at(5_000, arrives(seg(0, withAck()))), // pure ACK at RCV.NXT: silence
  at(5_000, arrives(seg(999, withAck()))),
  at(5_000, arrives(seg(1000, withAck()))), // pure ACK past the window: ACK
  at(5_000, arrives(seg(-1, withAck()))), // an old pure ACK: ACK
  at(5_000, arrives(seg(0, withAck(), 10))), // new data after the FIN: ACK, no restart
  at(5_000, arrives(seg(0, withAck("FIN")))), // a FIN that is not the old one: ACK, no restart
  at(5_000, arrives(seg(0, withAck())), RFC, { ...WRAP_TW, rcvWnd: 0 }),
  at(5_000, arrives(seg(1, withAck())), RFC, { ...WRAP_TW, rcvWnd: 0 }),
  at(5_000, arrives(seg(1, withAck("RST"))), RFC, { ...WRAP_TW, rcvWnd: 0 }),
];

/**
 * Every flag combination (the ACK bit set or not, URG, PSH, ECE, CWR included) at
 * every place a rule looks (RCV.NXT, inside the window, its last number, just past
 * it, just before RCV.NXT, the old FIN's seq, far away), with and without rfc1337,
 * at the wrap-around: every rule is checked on every run, not only when a random
 * input happens to reach it. Also a zero window, where only RCV.NXT is inside.
 */
const ALL_FLAGS: readonly Flags[] = Array.from({ length: 256 }, (_, byte) => flags(...FLAG_NAMES.filter((_, k) => (byte & (0x80 >> k)) !== 0)));
const PLACES: readonly (readonly [number, number])[] = [
  [0, 0], // RCV.NXT
  [500, 0], // in the window
  [999, 0], // the window's last number
  [1000, 0], // just past it
  [-1, 0], // the old FIN's seq (and just before RCV.NXT)
  [-11, 10], // the old FIN with 10 data bytes before it
  [2 ** 31, 0], // far away
];
const EVERY_FLAG_CASE: readonly StepCase[] = [RFC, RFC1337].flatMap((config) =>
  [WRAP_TW, { ...WRAP_TW, rcvWnd: 0 }].flatMap((tw) =>
    PLACES.flatMap(([offset, len]) => ALL_FLAGS.map((f) => at(5_000, arrives(seg(offset, f, len, f.ACK ? 12345 : 0)), config, tw))),
  ),
);

// ── a random life in TIME-WAIT ───────────────────────────────────────────────

type Kind = "tick" | "fin" | "rst" | "syn" | "ack" | "other";
interface Life {
  readonly tw: TimeWait;
  readonly enteredAt: number;
  readonly config: TimeWaitConfig;
  readonly steps: readonly { readonly dt: number; readonly input: TimeWaitInput }[];
}

const life: fc.Arbitrary<Life> = fc
  .record({ sndNxt: seqNumber, rcvNxt: seqNumber, rcvWnd, enteredAt: fc.nat({ max: 2 ** 40 }), config })
  .chain(({ sndNxt, rcvNxt, rcvWnd, enteredAt, config }) => {
    const tw: TimeWait = { sndNxt, rcvNxt, rcvWnd, deadline: enteredAt + 2 * config.msl };
    const inputOf: Record<Kind, fc.Arbitrary<TimeWaitInput>> = {
      tick: fc.constant(TICK),
      fin: retransmittedFin(rcvNxt).map(arrives),
      rst: rstSegment(tw).map(arrives),
      syn: synSegment(tw).map(arrives),
      ack: bareAck(tw).map(arrives),
      other: otherSegment(tw).map(arrives),
    };
    const step = fc.record({
      dt: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: config.msl }), fc.integer({ min: 0, max: 3 * config.msl })),
      input: fc.oneof(
        { weight: 3, arbitrary: inputOf.tick },
        { weight: 4, arbitrary: inputOf.fin },
        { weight: 1, arbitrary: inputOf.rst },
        { weight: 1, arbitrary: inputOf.syn },
        { weight: 2, arbitrary: inputOf.ack },
        { weight: 2, arbitrary: inputOf.other },
      ),
    });
    return fc.array(step, { minLength: 1, maxLength: 8 }).map((steps): Life => ({ tw, enteredAt, config, steps }));
  });

interface LifeStep {
  readonly now: number;
  readonly deadlineBefore: number;
  readonly input: TimeWaitInput;
  readonly result: TimeWaitResult;
}

/** Feeds the steps to the module's timeWaitStep, carrying the deadline forward, until it closes. */
function live(m: typeof import("../../solutions/05-time-wait.ts"), l: Life): LifeStep[] {
  const trace: LifeStep[] = [];
  let tw = l.tw;
  let now = l.enteredAt;
  for (const { dt, input } of l.steps) {
    now += dt;
    const result = m.timeWaitStep(tw, input, now, l.config);
    trace.push({ now, deadlineBefore: tw.deadline, input, result });
    if (result?.state !== "TIME-WAIT") break;
    tw = { ...tw, deadline: result.deadline };
  }
  return trace;
}

const showLife = (l: Life) =>
  [
    `${showTw(l.tw)} (entered at ${ms(l.enteredAt)}); ${showConfig(l.config)}`,
    ...l.steps.map(({ dt, input }) => `  +${dt} ms: ${showInput(input)}`),
  ].join("\n");
const showTrace = (t: LifeStep[]) =>
  Array.isArray(t) ? t.map((s) => `at ${ms(s.now)}: ${showInput(s.input)} → ${showResult(s.result)}`).join("\n") : String(t);

/** TIME-WAIT ends only when its deadline has come, or by an RST when rfc1337 is off; its deadline never moves back. */
function lifeIsLawful(trace: LifeStep[], l: Life): boolean {
  return trace.every(({ now, deadlineBefore, input, result }) => {
    if (result.state === "CLOSED") {
      const byTimer = now >= deadlineBefore;
      const byReset = input.kind === "segment" && input.segment.flags.RST && !l.config.rfc1337;
      return byTimer || byReset;
    }
    return result.state === "TIME-WAIT" && result.deadline >= deadlineBefore && now < deadlineBefore;
  });
}

// ── the spec ─────────────────────────────────────────────────────────────────

const deadlineCase = fc.record({ enteredAt: fc.oneof(fc.constant(0), fc.nat({ max: 2 ** 40 })), config });
const showDeadlineCase = ({ enteredAt, config }: { enteredAt: number; config: TimeWaitConfig }) =>
  `entered TIME-WAIT at ${ms(enteredAt)}, ${showConfig(config)}`;

export default spec({
  timeWaitDeadline: [
    property({
      name: "TIME-WAIT lasts twice the MSL: the RFC's 2 min MSL gives 4 min, an MSL of 30 s gives Linux's 60 s",
      input: every([
        { enteredAt: 0, config: { msl: 120_000, rfc1337: false } },
        { enteredAt: 0, config: { msl: 30_000, rfc1337: false } },
        { enteredAt: 10_000, config: { msl: 30_000, rfc1337: true } },
        { enteredAt: 7, config: { msl: 60_000, rfc1337: false } },
        { enteredAt: 1_000_000, config: { msl: 1, rfc1337: false } },
      ]),
      run: (m, { enteredAt, config }) => m.timeWaitDeadline(enteredAt, config),
      show: { input: showDeadlineCase, output: ms },
    }),
    property({
      name: "the deadline is the moment of entering plus 2 × MSL",
      input: deadlineCase,
      run: (m, { enteredAt, config }) => m.timeWaitDeadline(enteredAt, config),
      show: { input: showDeadlineCase, output: ms },
    }),
    property({
      name: "entering k ms later moves the deadline k ms later",
      input: fc.record({ enteredAt: fc.nat({ max: 2 ** 40 }), k: fc.nat({ max: 2 ** 30 }), config }),
      run: (m, { enteredAt, k, config }) => m.timeWaitDeadline(enteredAt + k, config) - m.timeWaitDeadline(enteredAt, config),
      show: { input: ({ enteredAt, k, config }) => `entered at ${ms(enteredAt)} and at ${ms(enteredAt + k)}, ${showConfig(config)}`, output: (d) => `deadlines ${ms(d)} apart` },
    }),
  ],
  timeWaitStep: [
    property({
      name: "one case per rule, around the wrap-around (RCV.NXT = 0, SND.NXT = 2^32 − 1)",
      input: every(WORKED),
      run: (m, c) => m.timeWaitStep(c.tw, c.input, c.now, c.config),
      holds: agrees,
      show: stepShow,
    }),
    property({
      name: "every flag combination, with and without the ACK bit, at every place a rule looks (RCV.NXT, in the window, its edges, the old FIN, far away), gets the rule the stub gives",
      input: every(EVERY_FLAG_CASE),
      run: (m, c) => m.timeWaitStep(c.tw, c.input, c.now, c.config),
      holds: agrees,
      show: stepShow,
    }),
    property({
      name: "a retransmitted FIN is acknowledged and restarts the 2MSL timer from now",
      input: caseWith((tw) => retransmittedFin(tw.rcvNxt)),
      run: (m, c) => m.timeWaitStep(c.tw, c.input, c.now, c.config),
      holds: agrees,
      numRuns: 100,
      show: stepShow,
    }),
    property({
      name: "once the deadline has come (now >= deadline), TIME-WAIT is CLOSED, whatever arrives",
      input: fc
        .record({
          c: caseWith(otherSegment),
          late: fc.oneof(fc.constant(0), fc.nat({ max: 10 ** 7 })),
          tick: fc.boolean(),
        })
        .map(({ c, late, tick }): StepCase => ({ ...c, now: c.tw.deadline + late, input: tick ? TICK : c.input })),
      run: (m, c) => m.timeWaitStep(c.tw, c.input, c.now, c.config),
      holds: agrees,
      show: stepShow,
    }),
    property({
      name: "before the deadline, time passing alone changes nothing",
      input: before.map((b): StepCase => ({ ...b, input: TICK })),
      run: (m, c) => m.timeWaitStep(c.tw, c.input, c.now, c.config),
      holds: agrees,
      show: stepShow,
    }),
    property({
      name: "with rfc1337 off, an RST exactly at RCV.NXT closes TIME-WAIT; elsewhere in the window it gets a challenge ACK; outside it is dropped",
      input: caseWith(rstSegment, { rfc1337: false }),
      run: (m, c) => m.timeWaitStep(c.tw, c.input, c.now, c.config),
      holds: agrees,
      numRuns: 100,
      show: stepShow,
    }),
    property({
      name: "with rfc1337 on, every RST is ignored: no reply, same deadline",
      input: caseWith(rstSegment, { rfc1337: true }),
      run: (m, c) => m.timeWaitStep(c.tw, c.input, c.now, c.config),
      holds: agrees,
      show: stepShow,
    }),
    property({
      name: "a SYN is answered with an ACK and does not restart the timer",
      input: caseWith(synSegment),
      run: (m, c) => m.timeWaitStep(c.tw, c.input, c.now, c.config),
      holds: agrees,
      show: stepShow,
    }),
    property({
      name: "a pure ACK inside the window gets no reply (never ACK an ACK); outside it gets an ACK",
      input: caseWith(bareAck),
      run: (m, c) => m.timeWaitStep(c.tw, c.input, c.now, c.config),
      holds: agrees,
      show: stepShow,
    }),
    property({
      name: "any segment at all (data, odd flags, old or new numbers) is handled by the first of the seven rules that matches",
      input: caseWith(otherSegment),
      run: (m, c) => m.timeWaitStep(c.tw, c.input, c.now, c.config),
      holds: agrees,
      numRuns: 100,
      show: stepShow,
    }),
    property({
      name: "moving every sequence number k further round the circle moves the reply by k too",
      input: fc
        .record({
          c: fc.oneof(caseWith((tw) => retransmittedFin(tw.rcvNxt)), caseWith(rstSegment), caseWith(bareAck), caseWith(otherSegment)),
          k: fc.oneof(fc.constantFrom(1, 2 ** 31, SEQ_MODULUS - 1), fc.nat({ max: SEQ_MODULUS - 1 })),
        })
        .filter(({ c }) => c.input.kind === "segment"),
      run: (m, { c, k }) => {
        const segment = (c.input as { segment: Segment }).segment;
        const shiftedTw = { ...c.tw, sndNxt: mod32(c.tw.sndNxt + k), rcvNxt: mod32(c.tw.rcvNxt + k) };
        const shiftedInput: TimeWaitInput = { kind: "segment", segment: { ...segment, seq: mod32(segment.seq + k), ack: mod32(segment.ack + k) } };
        return [m.timeWaitStep(c.tw, c.input, c.now, c.config), m.timeWaitStep(shiftedTw, shiftedInput, c.now, c.config)] as const;
      },
      holds: ([plain, shifted], { k }) => {
        const moved: TimeWaitResult = {
          ...plain,
          send: plain.send.map((s) => ({ ...s, seq: mod32(s.seq + k), ack: mod32(s.ack + k) })),
        };
        return sameResult(shifted, moved);
      },
      numRuns: 60,
      show: {
        input: ({ c, k }) => `${showCase(c)}; then the same with every sequence number + ${k} (mod 2^32)`,
        output: ([plain, shifted]) => `${showResult(plain)}\nshifted: ${showResult(shifted)}`,
      },
    }),
    property({
      name: "over a whole random TIME-WAIT, it ends only at its deadline or by an RST (rfc1337 off), and its deadline never moves back",
      input: life,
      run: (m, l) => live(m, l),
      holds: (trace, l) => lifeIsLawful(trace, l),
      numRuns: 60,
      show: { input: showLife, output: showTrace },
    }),
    property({
      name: "over a whole random TIME-WAIT, every step does what the rules say",
      input: life,
      run: (m, l) => live(m, l),
      holds: (actual, _l, expected) =>
        actual.length === expected.length && actual.every((s, i) => s.now === expected[i]!.now && sameResult(s.result, expected[i]!.result)),
      numRuns: 60,
      show: { input: showLife, output: showTrace },
    }),
  ],
});
