import fc from "fast-check";
import type { RetransmitDecision, RtoConfig, RtoEvent, RtoState, Schedule, ScheduleConfig } from "../../lib/tcp.ts";
import { every, specFor } from "../kit/spec.ts";

type Module = typeof import("../../solutions/06-retransmission.ts");
const { property, spec } = specFor<Module>();

// ── printing ─────────────────────────────────────────────────────────────────

const num = (x: unknown) => (typeof x === "number" ? String(Math.round(x * 1e6) / 1e6) : String(x));
const ms = (x: unknown) => `${num(x)} ms`;
const seconds = (x: unknown) => (typeof x === "number" ? `${Math.round(x) / 1000} s` : String(x));

// ── shouldRetransmit ─────────────────────────────────────────────────────────

interface Ask {
  readonly now: number;
  readonly lastSent: number;
  readonly rto: number;
  readonly tries: number;
  readonly maxTries: number;
}
const showAsk = (a: Ask) =>
  `now=${a.now}, lastSent=${a.lastSent} (${a.now - a.lastSent} ms ago), rto=${a.rto}, tries=${a.tries}, maxTries=${a.maxTries}`;
const askShow = { input: showAsk, output: (d: RetransmitDecision) => JSON.stringify(d) };
const ask = (m: Module, a: Ask) => m.shouldRetransmit(a.now, a.lastSent, a.rto, a.tries, a.maxTries);

const rto = fc.oneof(fc.constantFrom(1, 200, 1000, 3000, 120_000), fc.integer({ min: 1, max: 200_000 }));
const tries = fc.oneof(fc.constantFrom(0, 1, 6, 15), fc.nat({ max: 20 }));

/** Any question, with the elapsed time often right at the edge of the timeout. */
const askArb: fc.Arbitrary<Ask> = fc
  .record({
    lastSent: fc.oneof(fc.constant(0), fc.nat({ max: 2 ** 40 })),
    rto,
    elapsedChoice: fc.oneof(fc.constantFrom("rto-1", "rto", "rto+1", "zero"), fc.nat({ max: 600_000 })),
    tries,
    maxChoice: fc.oneof(fc.constantFrom("same", "one-more", "one-less"), fc.nat({ max: 20 })),
  })
  .map(({ lastSent, rto, elapsedChoice, tries, maxChoice }) => {
    const elapsed =
      typeof elapsedChoice === "number"
        ? elapsedChoice
        : { "rto-1": rto - 1, rto, "rto+1": rto + 1, zero: 0 }[elapsedChoice];
    const maxTries =
      typeof maxChoice === "number" ? maxChoice : Math.max(0, tries + { same: 0, "one-more": 1, "one-less": -1 }[maxChoice]);
    return { now: lastSent + elapsed, lastSent, rto, tries, maxTries };
  });

interface Drive {
  readonly initialRto: number;
  readonly maxRto: number;
  readonly maxTries: number;
  /** How often the sender looks at its timer, in ms. */
  readonly step: number;
  readonly horizon: number;
}

/**
 * Drives one unanswered segment with the module's shouldRetransmit, looking every
 * `step` ms: on "retransmit" it resends, counts the try and doubles the RTO (capped).
 */
function drive(m: Module, d: Drive): { retransmitAt: number[]; giveUpAt: number | null } {
  const retransmitAt: number[] = [];
  let lastSent = 0;
  let rto = d.initialRto;
  let tries = 0;
  for (let now = d.step; now <= d.horizon; now += d.step) {
    const decision = m.shouldRetransmit(now, lastSent, rto, tries, d.maxTries);
    if (decision === "give-up") return { retransmitAt, giveUpAt: now };
    if (decision === "retransmit") {
      retransmitAt.push(now);
      lastSent = now;
      tries++;
      rto = Math.min(2 * rto, d.maxRto);
    }
  }
  return { retransmitAt, giveUpAt: null };
}
const showDrive = (d: Drive) =>
  `a segment sent at 0 and never acknowledged; initial RTO ${ms(d.initialRto)}, doubling up to ${ms(d.maxRto)}, ` +
  `maxTries ${d.maxTries}; the timer is looked at every ${ms(d.step)}`;
const showTimeline = (t: { retransmitAt: number[]; giveUpAt: number | null }) =>
  `retransmits at [${t.retransmitAt.map(seconds).join(", ")}], ${t.giveUpAt === null ? "never gives up" : `gives up at ${seconds(t.giveUpAt)}`}`;

// ── nextRto ──────────────────────────────────────────────────────────────────

const RFC_RTO: RtoConfig = { initialRto: 1000, minRto: 1000, maxRto: 60_000, granularity: 1 };
const LINUX_RTO: RtoConfig = { initialRto: 1000, minRto: 200, maxRto: 120_000, granularity: 1 };

const rtoConfig: fc.Arbitrary<RtoConfig> = fc.oneof(
  fc.constantFrom(RFC_RTO, LINUX_RTO),
  fc
    .record({
      minRto: fc.oneof(fc.constantFrom(1, 200, 1000), fc.integer({ min: 1, max: 2000 })),
      span: fc.oneof(fc.constantFrom(0, 59_000, 119_800), fc.nat({ max: 200_000 })),
      granularity: fc.oneof(fc.constantFrom(0, 1, 10, 100, 500), fc.nat({ max: 1000 })),
    })
    .map(({ minRto, span, granularity }) => ({
      minRto,
      maxRto: minRto + span,
      granularity,
      initialRto: Math.min(Math.max(1000, minRto), minRto + span),
    })),
);

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The timer before any sample, possibly after some timeouts. */
const freshState = (c: RtoConfig, backoffs: number): RtoState => ({
  srtt: null,
  rttvar: null,
  rto: clamp(c.initialRto * 2 ** backoffs, c.minRto, c.maxRto),
});

/** Any timer state the RFC's rules can reach: fresh, or with averages (small variance included). */
const stateFor = (c: RtoConfig): fc.Arbitrary<RtoState> =>
  fc.oneof(
    fc.nat({ max: 8 }).map((k) => freshState(c, k)),
    fc
      .record({
        srtt: fc.oneof(fc.constantFrom(0, 1, 100), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 200_000 })),
        rttvar: fc.oneof(fc.constantFrom(0, 0.75, 2.5), fc.double({ min: 0, max: 50, noNaN: true }), fc.integer({ min: 0, max: 100_000 })),
        backoffs: fc.oneof(fc.constant(0), fc.nat({ max: 8 })),
      })
      .map(({ srtt, rttvar, backoffs }) => ({
        srtt,
        rttvar,
        rto: clamp((srtt + Math.max(c.granularity, 4 * rttvar)) * 2 ** backoffs, c.minRto, c.maxRto),
      })),
  );

/** An RTT sample, often close to the current SRTT (so the variance gets small). */
const rttNear = (s: RtoState): fc.Arbitrary<number> =>
  fc.oneof(
    fc.constantFrom(0, 1, Math.round(s.srtt ?? 100)),
    fc.integer({ min: -20, max: 20 }).map((d) => Math.max(0, Math.round(s.srtt ?? 100) + d)),
    fc.integer({ min: 0, max: 300_000 }),
  );

interface RtoCase {
  readonly state: RtoState;
  readonly event: RtoEvent;
  readonly config: RtoConfig;
}

const caseOf = (
  stateArb: (c: RtoConfig) => fc.Arbitrary<RtoState>,
  eventArb: (s: RtoState) => fc.Arbitrary<RtoEvent>,
): fc.Arbitrary<RtoCase> =>
  rtoConfig.chain((config) => stateArb(config).chain((state) => eventArb(state).map((event) => ({ state, event, config }))));

const sample = (s: RtoState) => rttNear(s).map((rtt): RtoEvent => ({ kind: "ack", rtt, retransmitted: false }));
const karnAck = (s: RtoState) => rttNear(s).map((rtt): RtoEvent => ({ kind: "ack", rtt, retransmitted: true }));
const timeout = (): fc.Arbitrary<RtoEvent> => fc.constant({ kind: "timeout" });
const anyEvent = (s: RtoState) => fc.oneof(sample(s), karnAck(s), timeout());
const sampled = (c: RtoConfig) => stateFor(c).filter((s) => s.srtt !== null);
const fresh = (c: RtoConfig) => fc.nat({ max: 8 }).map((k) => freshState(c, k));

const showState = (s: RtoState) =>
  s === null || typeof s !== "object" ? String(s) : `{ srtt: ${num(s.srtt)}, rttvar: ${num(s.rttvar)}, rto: ${num(s.rto)} }`;
const showEvent = (e: RtoEvent) =>
  e.kind === "timeout" ? "the timer expires" : `an ACK with RTT ${ms(e.rtt)}${e.retransmitted ? " for a RETRANSMITTED segment" : ""}`;
const showRtoConfig = (c: RtoConfig) =>
  `minRto ${num(c.minRto)}, maxRto ${num(c.maxRto)}, G ${num(c.granularity)}, initialRto ${num(c.initialRto)}`;
const showRtoCase = (c: RtoCase) => `state ${showState(c.state)}, then ${showEvent(c.event)}; config: ${showRtoConfig(c.config)}`;
const rtoShow = { input: showRtoCase, output: showState };

/** Equal up to a millionth of a millisecond, or a billionth of the value when that is larger. */
const close = (a: unknown, b: number) => typeof a === "number" && Math.abs(a - b) <= Math.max(1e-6, 1e-9 * Math.abs(b));
const closeOrNull = (a: unknown, b: number | null) => (b === null ? a === null : close(a, b));
function sameState(actual: RtoState, expected: RtoState): boolean {
  return (
    actual !== null &&
    typeof actual === "object" &&
    closeOrNull(actual.srtt, expected.srtt) &&
    closeOrNull(actual.rttvar, expected.rttvar) &&
    close(actual.rto, expected.rto)
  );
}
const statesAgree = (actual: RtoState, _input: unknown, expected: RtoState) => sameState(actual, expected);
const runCase = (m: Module, c: RtoCase) => m.nextRto(c.state, c.event, c.config);

/** A random history of the timer, from its first state. */
interface History {
  readonly config: RtoConfig;
  readonly events: readonly RtoEvent[];
}
const history: fc.Arbitrary<History> = fc.record({
  config: rtoConfig,
  events: fc.array(
    fc.oneof(
      { weight: 3, arbitrary: fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 300_000 }), fc.constantFrom(0, 100)).map((rtt): RtoEvent => ({ kind: "ack", rtt, retransmitted: false })) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 300_000 }).map((rtt): RtoEvent => ({ kind: "ack", rtt, retransmitted: true })) },
      { weight: 2, arbitrary: fc.constant<RtoEvent>({ kind: "timeout" }) },
    ),
    { minLength: 1, maxLength: 25 },
  ),
});
function replay(m: Module, h: History): RtoState[] {
  const states: RtoState[] = [];
  let state: RtoState = { srtt: null, rttvar: null, rto: h.config.initialRto };
  for (const event of h.events) {
    state = m.nextRto(state, event, h.config);
    states.push(state);
  }
  return states;
}
const showHistory = (h: History) =>
  `config: ${showRtoConfig(h.config)}; starting from { srtt: null, rttvar: null, rto: ${h.config.initialRto} }:\n` +
  h.events.map((e, i) => `  ${i + 1}. ${showEvent(e)}`).join("\n");
const showStates = (ss: RtoState[]) => (Array.isArray(ss) ? ss.map((s, i) => `  after ${i + 1}: ${showState(s)}`).join("\n") : String(ss));

/** Worked examples a learner can follow by hand in the lesson. */
const WORKED: readonly RtoCase[] = [
  { state: { srtt: null, rttvar: null, rto: 1000 }, event: { kind: "ack", rtt: 100, retransmitted: false }, config: RFC_RTO },
  { state: { srtt: null, rttvar: null, rto: 1000 }, event: { kind: "ack", rtt: 100, retransmitted: false }, config: LINUX_RTO },
  { state: { srtt: 100, rttvar: 50, rto: 300 }, event: { kind: "ack", rtt: 120, retransmitted: false }, config: LINUX_RTO },
  { state: { srtt: 100, rttvar: 0, rto: 200 }, event: { kind: "ack", rtt: 100, retransmitted: false }, config: { ...LINUX_RTO, granularity: 50, minRto: 1 } },
  { state: { srtt: 2000, rttvar: 0, rto: 2001 }, event: { kind: "ack", rtt: 2000, retransmitted: false }, config: { ...RFC_RTO, granularity: 10 } },
  { state: { srtt: null, rttvar: null, rto: 1000 }, event: { kind: "ack", rtt: 40_000, retransmitted: false }, config: RFC_RTO },
  { state: { srtt: null, rttvar: null, rto: 1000 }, event: { kind: "timeout" }, config: RFC_RTO },
  { state: { srtt: null, rttvar: null, rto: 32_000 }, event: { kind: "timeout" }, config: RFC_RTO },
  { state: { srtt: null, rttvar: null, rto: 64_000 }, event: { kind: "timeout" }, config: LINUX_RTO },
  { state: { srtt: null, rttvar: null, rto: 120_000 }, event: { kind: "timeout" }, config: LINUX_RTO },
  { state: { srtt: 100, rttvar: 50, rto: 2000 }, event: { kind: "ack", rtt: 3000, retransmitted: true }, config: RFC_RTO },
  { state: { srtt: null, rttvar: null, rto: 4000 }, event: { kind: "ack", rtt: 3500, retransmitted: true }, config: RFC_RTO },
];

// ── retransmitSchedule ───────────────────────────────────────────────────────

const scheduleConfig: fc.Arbitrary<ScheduleConfig> = fc
  .record({
    initialRto: fc.oneof(fc.constantFrom(1, 200, 1000, 3000), fc.integer({ min: 1, max: 5000 })),
    extra: fc.oneof(fc.constantFrom(0, 1, 119_000), fc.nat({ max: 200_000 })),
    retries: fc.oneof(fc.constantFrom(0, 1, 5, 6, 15), fc.nat({ max: 20 })),
  })
  .map(({ initialRto, extra, retries }) => ({ initialRto, maxRto: initialRto + extra, retries }));

const showScheduleConfig = (c: ScheduleConfig) =>
  `initialRto ${ms(c.initialRto)}, retries ${c.retries}, maxRto ${ms(c.maxRto)}`;
const showSchedule = (s: Schedule) =>
  s === null || typeof s !== "object" || !Array.isArray(s.retransmitAt)
    ? String(s)
    : `retransmits at [${s.retransmitAt.map(seconds).join(", ")}], gives up at ${seconds(s.giveUpAt)}`;

/** Same retransmission times and the same give-up time (extra fields do not matter). */
const sameSchedule = (actual: Schedule, _c: unknown, expected: Schedule) =>
  Array.isArray(actual?.retransmitAt) &&
  actual.retransmitAt.length === expected.retransmitAt.length &&
  actual.retransmitAt.every((t, i) => t === expected.retransmitAt[i]) &&
  actual.giveUpAt === expected.giveUpAt;

/** The gaps between 0, each retransmission and the give-up time. */
const waits = (s: Schedule) => {
  const times = [0, ...s.retransmitAt, s.giveUpAt];
  return times.slice(1).map((t, i) => t - times[i]!);
};

// ── the spec ─────────────────────────────────────────────────────────────────

export default spec({
  shouldRetransmit: [
    property({
      name: "the timer expires exactly when now − lastSent reaches rto; then retransmit while tries < maxTries, else give up",
      input: every<Ask>(
        [0, 1, 2, 6].flatMap((maxTries) =>
          [0, 1, 5, 6, 7].flatMap((tries) =>
            [999, 1000, 1001].map((elapsed) => ({ now: 5000 + elapsed, lastSent: 5000, rto: 1000, tries, maxTries })),
          ),
        ),
      ),
      run: ask,
      show: askShow,
    }),
    property({
      name: "before the timer runs out the answer is always wait, even when no tries are left",
      input: askArb.map((a) => ({ ...a, now: a.lastSent + Math.min(a.now - a.lastSent, a.rto - 1) })),
      run: ask,
      show: askShow,
    }),
    property({
      name: "once the timer has run out: retransmit while fewer than maxTries retransmissions were made, then give up",
      input: askArb.map((a) => ({ ...a, now: a.lastSent + Math.max(a.now - a.lastSent, a.rto) })),
      run: ask,
      show: askShow,
    }),
    property({
      name: "only the time since the last send matters, not what the clock reads",
      input: fc.record({ a: askArb, k: fc.oneof(fc.constant(1), fc.nat({ max: 2 ** 40 })) }),
      run: (m, { a, k }) => [ask(m, a), ask(m, { ...a, now: a.now + k, lastSent: a.lastSent + k })] as const,
      holds: ([here, there]) => here === there && ["wait", "retransmit", "give-up"].includes(here),
      show: {
        input: ({ a, k }) => `${showAsk(a)}; and the same ${k} ms later on the clock`,
        output: ([here, there]) => `${JSON.stringify(here)} then ${JSON.stringify(there)}`,
      },
    }),
    property({
      name: "driving a segment with it: Linux's classic SYN schedule (before 6.5) retransmits at 1, 3, 7, 15, 31, 63 s and gives up at 127 s",
      input: every<Drive>([
        { initialRto: 1000, maxRto: 120_000, maxTries: 6, step: 1000, horizon: 300_000 }, // tcp_syn_retries = 6
        { initialRto: 1000, maxRto: 120_000, maxTries: 5, step: 1000, horizon: 300_000 }, // tcp_synack_retries = 5
        { initialRto: 1000, maxRto: 120_000, maxTries: 0, step: 500, horizon: 10_000 },
        { initialRto: 200, maxRto: 120_000, maxTries: 15, step: 200, horizon: 1_000_000 }, // tcp_retries2 = 15
        { initialRto: 1000, maxRto: 60_000, maxTries: 8, step: 1000, horizon: 600_000 },
      ]),
      run: drive,
      show: { input: showDrive, output: showTimeline },
    }),
  ],
  nextRto: [
    property({
      name: "worked examples: first sample, smoothing, the clock granularity G, clamping, doubling, Karn",
      input: every(WORKED),
      run: runCase,
      holds: statesAgree,
      show: rtoShow,
    }),
    property({
      name: "the first RTT sample R gives SRTT = R and RTTVAR = R/2",
      input: caseOf(fresh, sample),
      run: runCase,
      holds: statesAgree,
      show: rtoShow,
    }),
    property({
      name: "a later sample updates RTTVAR first, from the OLD SRTT, then SRTT (α = 1/8, β = 1/4); RTO = SRTT + max(G, 4·RTTVAR) within [minRto, maxRto]",
      input: caseOf(sampled, sample),
      run: runCase,
      holds: statesAgree,
      numRuns: 100,
      show: rtoShow,
    }),
    property({
      name: "a timeout doubles the RTO, but never beyond maxRto, and leaves SRTT and RTTVAR alone",
      input: caseOf(stateFor, timeout),
      run: runCase,
      holds: statesAgree,
      show: rtoShow,
    }),
    property({
      name: "an ACK for a retransmitted segment gives no RTT sample (Karn's algorithm): nothing changes",
      input: caseOf(stateFor, karnAck),
      run: runCase,
      holds: statesAgree,
      show: rtoShow,
    }),
    property({
      name: "whatever happens, the RTO stays between minRto and maxRto",
      input: caseOf(stateFor, anyEvent),
      run: runCase,
      holds: (actual, c) => typeof actual?.rto === "number" && actual.rto >= c.config.minRto - 1e-9 && actual.rto <= c.config.maxRto + 1e-9,
      show: rtoShow,
    }),
    property({
      name: "over a random history of samples, Karn ACKs and timeouts, every state is right",
      input: history,
      run: replay,
      holds: (actual, _h, expected) => Array.isArray(actual) && actual.length === expected.length && actual.every((s, i) => sameState(s, expected[i]!)),
      show: { input: showHistory, output: showStates },
    }),
  ],
  retransmitSchedule: [
    property({
      name: "real timelines: Linux's classic SYN schedule gives up at 127 s, SYN-ACK at 63 s, data (tcp_retries2 = 15) at 924.6 s",
      input: every<ScheduleConfig>([
        { initialRto: 1000, retries: 6, maxRto: 120_000 },
        { initialRto: 1000, retries: 5, maxRto: 120_000 },
        { initialRto: 200, retries: 15, maxRto: 120_000 },
        { initialRto: 1000, retries: 0, maxRto: 120_000 },
        { initialRto: 3000, retries: 4, maxRto: 60_000 },
        { initialRto: 1000, retries: 12, maxRto: 64_000 },
        { initialRto: 5000, retries: 3, maxRto: 5000 },
        // Many retries: initialRto × 2^k passes 2^31 (where a 32-bit shift overflows) and 2^53, and must still stop at maxRto.
        { initialRto: 1000, retries: 22, maxRto: 120_000 },
        { initialRto: 1000, retries: 40, maxRto: 2 ** 40 },
        { initialRto: 1, retries: 64, maxRto: 120_000 },
        { initialRto: 3000, retries: 100, maxRto: 64_000 },
      ]),
      run: (m, c) => m.retransmitSchedule(c),
      holds: sameSchedule,
      show: { input: showScheduleConfig, output: showSchedule },
    }),
    property({
      name: "there are exactly `retries` retransmissions, each later than the one before, all before giving up",
      input: scheduleConfig,
      run: (m, c) => m.retransmitSchedule(c),
      holds: (s, c) => {
        const times = [0, ...s.retransmitAt, s.giveUpAt];
        return s.retransmitAt.length === c.retries && times.every((t, i) => i === 0 || t > times[i - 1]!);
      },
      show: { input: showScheduleConfig, output: showSchedule },
    }),
    property({
      name: "each wait is twice the one before, until it reaches maxRto; no wait is ever longer than maxRto",
      input: scheduleConfig,
      run: (m, c) => m.retransmitSchedule(c),
      holds: (s, c) => waits(s).every((w, i) => w === Math.min(c.initialRto * 2 ** i, c.maxRto)),
      show: { input: showScheduleConfig, output: showSchedule },
    }),
    property({
      name: "one more retry gives the same timeline plus one retransmission, sent when the shorter one gave up",
      input: scheduleConfig,
      run: (m, c) => [m.retransmitSchedule(c), m.retransmitSchedule({ ...c, retries: c.retries + 1 })] as const,
      holds: ([shorter, longer]) =>
        longer.retransmitAt.length === shorter.retransmitAt.length + 1 &&
        shorter.retransmitAt.every((t, i) => longer.retransmitAt[i] === t) &&
        longer.retransmitAt[shorter.retransmitAt.length] === shorter.giveUpAt,
      show: {
        input: (c) => `${showScheduleConfig(c)}, and the same with retries ${c.retries + 1}`,
        output: ([a, b]) => `${showSchedule(a)}\nwith one more retry: ${showSchedule(b)}`,
      },
    }),
    property({
      name: "the timeline matches the reference for any settings",
      input: scheduleConfig,
      run: (m, c) => m.retransmitSchedule(c),
      holds: sameSchedule,
      show: { input: showScheduleConfig, output: showSchedule },
    }),
  ],
});
