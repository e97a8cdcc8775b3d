import fc from "fast-check";
import {
  SEQ_MODULUS,
  SIM_DEFAULT_MAX_STEPS,
  STATES,
  type End,
  type Scenario,
  type Segment,
  type SimAction,
  type SimResult,
  type SimStep,
} from "../../lib/tcp.ts";
import { awayFromAntipodes, seqNumber } from "../kit/arbitraries.ts";
import { every, specFor } from "../kit/spec.ts";
import { checkRun } from "./check-run.ts";
import { drawRun, drawPair } from "./picture.ts";
import { showResult, showScenario } from "./show.ts";

type Module = typeof import("../../solutions/08-faq.ts");
const { property, spec } = specFor<Module>();

// ── small vocabulary ─────────────────────────────────────────────────────────

const mod32 = (x: number) => ((x % SEQ_MODULUS) + SEQ_MODULUS) % SEQ_MODULUS;
const other = (e: End): End => (e === "client" ? "server" : "client");

const listen = (end: End): SimAction => ({ kind: "open", end, mode: "passive" });
const connect = (end: End): SimAction => ({ kind: "open", end, mode: "active" });
const close = (end: End): SimAction => ({ kind: "close", end });
const abort = (end: End): SimAction => ({ kind: "abort", end });
const timeout = (end: End): SimAction => ({ kind: "time-wait-timeout", end });
const retransmit = (end: End): SimAction => ({ kind: "retransmit", end });
const oldSyn = (to: End, seq: number): SimAction => ({ kind: "old-syn", to, seq });
const DELIVER: SimAction = { kind: "deliver" };
const DELIVER_THEN_CLOSE: SimAction = { kind: "deliver", thenClose: true };
const DROP: SimAction = { kind: "drop" };
const DUPLICATE: SimAction = { kind: "duplicate" };
const DELAY: SimAction = { kind: "delay" };

/** Server listens, client connects, the three segments of the handshake arrive. */
const HANDSHAKE: readonly SimAction[] = [listen("server"), connect("client"), DELIVER, DELIVER, DELIVER];

const stateOf = (step: SimStep, end: End) => (end === "client" ? step.client : step.server);
const has = (s: Segment, ...names: ("SYN" | "ACK" | "FIN" | "RST")[]) =>
  names.every((n) => s.flags[n]) && (["SYN", "ACK", "FIN", "RST"] as const).every((n) => names.includes(n) || !s.flags[n]);
/** Every segment that went onto the wire, with who sent it, in order. */
const wire = (r: SimResult) => r.trace.flatMap((step) => step.sent.map((segment) => ({ from: step.end!, segment })));
const anyRst = (r: SimResult) => wire(r).some((w) => w.segment.flags.RST);
/** A reset as lesson 03 prescribes it (`RST seq=SEG.ACK`): the RST flag alone, ack 0. */
const isReset = (s: Segment) => has(s, "RST") && s.ack === 0;

// ── generators ───────────────────────────────────────────────────────────────

const end = fc.constantFrom<End>("client", "server");

/** A story about closing: the ISNs (edges included) and which end closes first. */
const closeStory = fc.record({ clientIss: seqNumber, serverIss: seqNumber, closer: end });
type CloseStory = { clientIss: number; serverIss: number; closer: End };

const story = (s: CloseStory, script: readonly SimAction[]): Scenario => ({ clientIss: s.clientIss, serverIss: s.serverIss, script });

/** Open, the closer closes, its FIN and the ACK for it arrive. */
const halfClosed = (closer: End): SimAction[] => [...HANDSHAKE, close(closer), DELIVER, DELIVER];
/** ... then the other end closes and its FIN arrives: the closer is in TIME-WAIT, its last ACK in flight. */
const lastAckInFlight = (closer: End): SimAction[] => [...halfClosed(closer), close(other(closer)), DELIVER];

const scenarios = {
  fourSegmentClose: (s: CloseStory) => story(s, [...lastAckInFlight(s.closer), DELIVER]),
  threeSegmentClose: (s: CloseStory) => story(s, [...HANDSHAKE, close(s.closer), DELIVER_THEN_CLOSE]),
  lostLastAck: (s: CloseStory) =>
    story(s, [...lastAckInFlight(s.closer), DROP, retransmit(other(s.closer)), DELIVER, DELIVER, timeout(s.closer)]),
  noTimeWait: (s: CloseStory) =>
    story(s, [...lastAckInFlight(s.closer), DROP, timeout(s.closer), retransmit(other(s.closer)), DELIVER, DELIVER]),
};

/**
 * An old duplicate SYN reaches a listening server. Either the client is not
 * connecting at all, or it is and its own SYN is overtaken by the old one (RFC
 * 9293 §3.5, "Recovery from Old Duplicate SYN"). Without a connecting client,
 * the client's RST may be lost.
 */
const oldSynStory = fc
  .record({ clientIss: seqNumber, serverIss: seqNumber, oldSeq: seqNumber, clientConnects: fc.boolean(), rstLost: fc.boolean() })
  .filter((s) => s.oldSeq !== s.clientIss) // the old SYN is from another incarnation: a different ISN
  // Its SYN,ACK's ack (oldSeq + 1) is compared with the client's numbers: never exactly 2^31 away (lesson 02 allows either answer there).
  .map((s) => ({ ...s, oldSeq: awayFromAntipodes(s.oldSeq, [s.clientIss, s.serverIss]), rstLost: s.rstLost && !s.clientConnects }))
  .filter((s) => s.oldSeq !== s.clientIss);
type OldSynStory = { clientIss: number; serverIss: number; oldSeq: number; clientConnects: boolean; rstLost: boolean };

function oldSynScenario(s: OldSynStory, handshake: "three-way" | "two-way"): Scenario {
  const script: SimAction[] = s.clientConnects
    ? // network: [client SYN, SYN,ACK for the old one] → the SYN,ACK overtakes, the client's RST overtakes too
      [listen("server"), connect("client"), oldSyn("server", s.oldSeq), DELAY, DELIVER, DELAY, DELIVER]
    : [listen("server"), oldSyn("server", s.oldSeq), DELIVER, ...(s.rstLost ? [DROP] : [])];
  return { clientIss: s.clientIss, serverIss: s.serverIss, script, handshake };
}

const action: fc.Arbitrary<SimAction> = fc.oneof(
  { weight: 14, arbitrary: fc.constant(DELIVER) },
  { weight: 1, arbitrary: fc.constant(DELIVER_THEN_CLOSE) },
  { weight: 2, arbitrary: fc.constant(DROP) },
  { weight: 2, arbitrary: fc.constant(DUPLICATE) },
  { weight: 2, arbitrary: fc.constant(DELAY) },
  { weight: 3, arbitrary: end.map(close) },
  { weight: 1, arbitrary: fc.tuple(end, fc.boolean()).map(([e, passive]) => (passive ? listen(e) : connect(e))) },
  { weight: 1, arbitrary: end.map(abort) },
  { weight: 2, arbitrary: end.map(timeout) },
  { weight: 2, arbitrary: end.map(retransmit) },
  { weight: 1, arbitrary: fc.tuple(end, seqNumber).map(([e, seq]) => oldSyn(e, seq)) },
);

/**
 * A scenario with a misbehaving network: most begin with an open (or a whole
 * handshake, or a handshake and a close) so that the closing states are
 * reached too; then any mixture of application calls, timers and network
 * faults; sometimes two-way; sometimes a small step bound.
 */
const chaos: fc.Arbitrary<Scenario> = fc
  .record({
    clientIss: seqNumber,
    serverIss: seqNumber,
    start: fc.oneof(
      { weight: 1, arbitrary: fc.constant<readonly SimAction[]>([]) },
      { weight: 2, arbitrary: fc.constant<readonly SimAction[]>([listen("server"), connect("client")]) },
      { weight: 1, arbitrary: fc.constant<readonly SimAction[]>([connect("client"), connect("server")]) },
      { weight: 3, arbitrary: fc.constant(HANDSHAKE) },
      { weight: 3, arbitrary: end.map((e) => [...HANDSHAKE, close(e)]) },
      { weight: 2, arbitrary: end.map((e) => [...halfClosed(e), close(other(e))]) },
      { weight: 1, arbitrary: fc.constant<readonly SimAction[]>([...HANDSHAKE, close("client"), close("server")]) },
    ),
    script: fc.array(action, { maxLength: 30 }),
    handshake: fc.constantFrom<"three-way" | "two-way" | undefined>(undefined, undefined, "three-way", "two-way"),
    maxSteps: fc.oneof(
      { weight: 2, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.nat({ max: 12 }) },
      { weight: 2, arbitrary: fc.integer({ min: 13, max: 60 }) },
    ),
  })
  .map(({ start, script, handshake, maxSteps, ...isns }) => ({
    ...isns,
    // An old SYN's ack (seq + 1) never lands exactly 2^31 from either end's numbers (lesson 02 allows either answer there).
    script: [...start, ...script].map((a) => (a.kind === "old-syn" ? { ...a, seq: awayFromAntipodes(a.seq, [isns.clientIss, isns.serverIss]) } : a)),
    ...(handshake === undefined ? {} : { handshake }),
    ...(maxSteps === undefined ? {} : { maxSteps }),
  }));

/**
 * Runs already simulated, per simulate function and scenario. The two properties
 * on `chaos` are given the same scenarios (fast-check is seeded the same for every
 * property: the first 100 of the last property's 120 are the other's 100), so each
 * scenario is simulated once per module and judged by both. What they check is
 * unchanged; only the repeated runs are saved.
 */
const SIMULATED = new WeakMap<object, Map<string, SimResult>>();
/** Past this many scenarios per function the memo starts again (it only saves time). */
const MEMO_LIMIT = 1000;
/** Each scenario's key, made once: the reference and the learner's code are given the same (frozen) scenario. */
const KEYS = new WeakMap<Scenario, string>();

function simulateChaos(m: Module, scenario: Scenario): SimResult {
  const simulate = m.simulate;
  if (typeof simulate !== "function") return m.simulate(scenario);
  let memo = SIMULATED.get(simulate);
  if (memo === undefined) SIMULATED.set(simulate, (memo = new Map()));
  let key = KEYS.get(scenario);
  if (key === undefined) KEYS.set(scenario, (key = JSON.stringify(scenario)));
  let result = memo.get(key);
  if (result === undefined) {
    result = m.simulate(scenario);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, result);
  }
  return result;
}

// ── printing ─────────────────────────────────────────────────────────────────

const showStory = (input: { scenario: Scenario; closer?: End }) =>
  `${input.closer ? `${input.closer} closes first\n` : ""}${showScenario(input.scenario)}`;
const runShow = { input: showScenario, output: showResult, picture: drawRun };

// ── the structural laws of any run (independent of nextState) ────────────────

/**
 * The network neither loses nor invents segments on its own: everything sent
 * and every copy made is either delivered, dropped, or still in flight.
 */
function conserved(r: SimResult): boolean {
  let inFlight = 0;
  for (const step of r.trace) {
    inFlight += step.sent.length;
    if (step.segment === null) continue;
    if (step.action === "duplicate") inFlight += 1;
    if (step.action === "drop" || step.action === "deliver") inFlight -= 1;
  }
  return inFlight === r.inFlight.length;
}

/**
 * A step changes at most the end it happens to; the network's own actions
 * (drop, duplicate, delay) and steps that found nothing change no state and
 * send nothing.
 */
function onlyItsEndMoves(step: SimStep, previous: SimStep | undefined): boolean {
  const before = { client: previous?.client ?? "CLOSED", server: previous?.server ?? "CLOSED" };
  const networkOnly = step.end === null || step.action === "drop" || step.action === "duplicate" || step.action === "delay";
  if (networkOnly) return step.sent.length === 0 && step.client === before.client && step.server === before.server;
  return stateOf(step, other(step.end!)) === before[other(step.end!)];
}

function wellFormed(r: SimResult, scenario: Scenario): boolean {
  const bound = scenario.maxSteps ?? SIM_DEFAULT_MAX_STEPS;
  const scripted = Math.min(bound, scenario.script.length);
  const last = r.trace.at(-1);
  const neverOpened = (e: End) => !scenario.script.some((a) => a.kind === "open" && a.end === e);
  return (
    r.trace.length <= bound &&
    r.trace.length >= scripted &&
    r.trace.every((step, i) => step.action === (i < scenario.script.length ? scenario.script[i]!.kind : "deliver")) &&
    r.trace.every((step) => STATES.includes(step.client) && STATES.includes(step.server)) &&
    (r.stopped === "settled"
      ? r.inFlight.length === 0 && r.trace.length >= scenario.script.length
      : r.stopped === "step-limit" && r.trace.length === bound) &&
    r.trace.every((step, i) => onlyItsEndMoves(step, i === 0 ? undefined : r.trace[i - 1])) &&
    r.client.state === (last?.client ?? "CLOSED") &&
    r.server.state === (last?.server ?? "CLOSED") &&
    (["client", "server"] as const).every((e) => !neverOpened(e) || r.trace.every((step) => stateOf(step, e) === "CLOSED"))
  );
}

// ── the exhaustive domain: every action from every stage of an open and a close

const WRAP_ISS = { clientIss: SEQ_MODULUS - 1, serverIss: 2 ** 31 - 1 };
const STAGES: readonly (readonly SimAction[])[] = [
  [],
  [listen("server")],
  [listen("server"), connect("client")],
  [listen("server"), connect("client"), DELIVER],
  [listen("server"), connect("client"), DELIVER, DELIVER],
  HANDSHAKE,
  [...HANDSHAKE, close("client")],
  [...HANDSHAKE, close("client"), DELIVER],
  halfClosed("client"),
  [...halfClosed("client"), close("server")],
  lastAckInFlight("client"),
  [...HANDSHAKE, close("client"), close("server")],
  [...HANDSHAKE, close("client"), close("server"), DELIVER],
  [connect("client"), connect("server")],
  [connect("client"), connect("server"), DELIVER],
  // Three segments in flight (both FINs, one copied), then one held up: where a
  // copy or a held-up segment goes is visible only with three or more.
  [...HANDSHAKE, close("client"), close("server"), DUPLICATE],
  [...HANDSHAKE, close("client"), close("server"), DUPLICATE, DELAY],
];
const ALL_ACTIONS: readonly SimAction[] = [
  DELIVER,
  DELIVER_THEN_CLOSE,
  DROP,
  DUPLICATE,
  DELAY,
  ...(["client", "server"] as const).flatMap((e) => [listen(e), connect(e), close(e), abort(e), timeout(e), retransmit(e), oldSyn(e, 7)]),
];
/** Runs the step bound cuts short: during the script, and while the network drains after it. */
const BOUNDED: readonly Scenario[] = [STAGES[2]!, [...HANDSHAKE, close("client"), close("server")]].flatMap((script) =>
  Array.from({ length: script.length + 4 }, (_, maxSteps) => ({ ...WRAP_ISS, script, maxSteps })),
);
const EXHAUSTIVE: readonly Scenario[] = [
  ...BOUNDED,
  ...STAGES.flatMap((stage) => ALL_ACTIONS.map((a) => ({ ...WRAP_ISS, script: [...stage, a] }))),
  ...STAGES.slice(1, 5).flatMap((stage) => ALL_ACTIONS.map((a) => ({ ...WRAP_ISS, handshake: "two-way" as const, script: [...stage, a] }))),
];

// ── the spec ─────────────────────────────────────────────────────────────────

export default spec({
  simulate: [
    property({
      name: "opening takes three segments: SYN, SYN,ACK, ACK, and leaves both ends ESTABLISHED",
      input: fc.record({ clientIss: seqNumber, serverIss: seqNumber }),
      run: (m, s) => m.simulate({ ...s, script: [listen("server"), connect("client")] }),
      holds: (r, s) => {
        const w = wire(r);
        return (
          w.length === 3 &&
          w[0]!.from === "client" && has(w[0]!.segment, "SYN") && w[0]!.segment.seq === s.clientIss &&
          w[1]!.from === "server" && has(w[1]!.segment, "SYN", "ACK") && w[1]!.segment.seq === s.serverIss && w[1]!.segment.ack === mod32(s.clientIss + 1) &&
          w[2]!.from === "client" && has(w[2]!.segment, "ACK") && w[2]!.segment.seq === mod32(s.clientIss + 1) && w[2]!.segment.ack === mod32(s.serverIss + 1) &&
          r.trace.length === 5 && r.client.state === "ESTABLISHED" && r.server.state === "ESTABLISHED" && r.stopped === "settled"
        );
      },
      numRuns: 25,
      show: {
        input: (s) => `client ISN ${s.clientIss}, server ISN ${s.serverIss}; server listens, client connects, then the network delivers`,
        output: showResult,
        picture: (s, expected, actual) => drawRun({ ...s, script: [listen("server"), connect("client")] }, expected, actual),
      },
    }),
    property({
      name: "closing takes four segments, and TIME-WAIT is on the end that closed first (client or server)",
      input: closeStory.map((s) => ({ closer: s.closer, scenario: scenarios.fourSegmentClose(s) })),
      run: (m, { scenario }) => m.simulate(scenario),
      holds: (r, { closer }) => {
        const teardown = wire(r).slice(3);
        const passive = other(closer);
        return (
          teardown.length === 4 &&
          teardown.map((w) => w.from).join() === [closer, passive, passive, closer].join() &&
          has(teardown[0]!.segment, "FIN", "ACK") && has(teardown[1]!.segment, "ACK") &&
          has(teardown[2]!.segment, "FIN", "ACK") && has(teardown[3]!.segment, "ACK") &&
          teardown[1]!.segment.ack === mod32(teardown[0]!.segment.seq + 1) && // +1: the FIN takes a sequence number
          teardown[3]!.segment.ack === mod32(teardown[2]!.segment.seq + 1) &&
          r.trace.some((step) => stateOf(step, closer) === "FIN-WAIT-2") &&
          r.trace.some((step) => stateOf(step, passive) === "CLOSE-WAIT") &&
          stateOf(r.trace.at(-1)!, closer) === "TIME-WAIT" && stateOf(r.trace.at(-1)!, passive) === "CLOSED"
        );
      },
      numRuns: 25,
      show: { input: showStory, output: showResult, picture: (i, e, a) => drawRun(i.scenario, e, a) },
    }),
    property({
      name: "FIN and ACK can ride together: when the receiver closes at once, the close takes three segments",
      input: closeStory.map((s) => ({ closer: s.closer, scenario: scenarios.threeSegmentClose(s) })),
      run: (m, { scenario }) => m.simulate(scenario),
      holds: (r, { closer }) => {
        const teardown = wire(r).slice(3);
        return (
          teardown.length === 3 &&
          teardown.map((w) => w.from).join() === [closer, other(closer), closer].join() &&
          has(teardown[0]!.segment, "FIN", "ACK") &&
          has(teardown[1]!.segment, "FIN", "ACK") && teardown[1]!.segment.ack === mod32(teardown[0]!.segment.seq + 1) &&
          has(teardown[2]!.segment, "ACK") && teardown[2]!.segment.ack === mod32(teardown[1]!.segment.seq + 1) &&
          r.trace.every((step) => stateOf(step, closer) !== "FIN-WAIT-2") && // FIN-WAIT-1 straight to TIME-WAIT
          stateOf(r.trace.at(-1)!, closer) === "TIME-WAIT" && stateOf(r.trace.at(-1)!, other(closer)) === "CLOSED"
        );
      },
      numRuns: 25,
      show: { input: showStory, output: showResult, picture: (i, e, a) => drawRun(i.scenario, e, a) },
    }),
    property({
      name: "when the last ACK is lost, the resent FIN reaches TIME-WAIT, is ACKed again, and both ends close cleanly",
      input: closeStory.map((s) => ({ closer: s.closer, scenario: scenarios.lostLastAck(s) })),
      run: (m, { scenario }) => m.simulate(scenario),
      holds: (r, { closer }) => {
        const reAck = r.trace.find(
          (step, i) =>
            i > 0 && step.end === closer && step.action === "deliver" && step.segment?.flags.FIN === true &&
            stateOf(r.trace[i - 1]!, closer) === "TIME-WAIT" && stateOf(step, closer) === "TIME-WAIT",
        );
        return (
          reAck !== undefined &&
          reAck.sent.length === 1 && has(reAck.sent[0]!, "ACK") && reAck.sent[0]!.ack === mod32(reAck.segment!.seq + 1) &&
          !anyRst(r) &&
          r.client.state === "CLOSED" && r.server.state === "CLOSED" && r.stopped === "settled"
        );
      },
      numRuns: 25,
      show: { input: showStory, output: showResult, picture: (i, e, a) => drawRun(i.scenario, e, a) },
    }),
    property({
      name: "without TIME-WAIT (the 2MSL timer cut short), the resent FIN finds CLOSED and is answered with RST",
      input: closeStory.map((s) => ({ closer: s.closer, scenario: scenarios.noTimeWait(s) })),
      run: (m, { scenario }) => m.simulate(scenario),
      holds: (r, { closer }) => {
        const answer = r.trace.find((step) => step.end === closer && step.action === "deliver" && step.segment?.flags.FIN === true && stateOf(step, closer) === "CLOSED");
        const passive = other(closer);
        const reset = r.trace.find((step) => step.end === passive && step.segment?.flags.RST === true && step.action === "deliver");
        return (
          answer !== undefined && answer.sent.length === 1 && isReset(answer.sent[0]!) && answer.sent[0]!.seq === answer.segment!.ack &&
          reset !== undefined && stateOf(reset, passive) === "CLOSED" &&
          r.client.state === "CLOSED" && r.server.state === "CLOSED"
        );
      },
      numRuns: 25,
      show: { input: showStory, output: showResult, picture: (i, e, a) => drawRun(i.scenario, e, a) },
    }),
    property({
      name: "an old duplicate SYN never opens a three-way connection: its SYN,ACK gets an RST and the server goes back to LISTEN",
      input: oldSynStory,
      run: (m, s) => m.simulate(oldSynScenario(s, "three-way")),
      holds: (r, s) => {
        const staleAck = mod32(s.oldSeq + 1);
        // The server may become ESTABLISHED only after the client's real SYN has reached it.
        const realSynAt = r.trace.findIndex((step) => step.end === "server" && step.action === "deliver" && step.segment?.flags.SYN === true && step.segment.seq === s.clientIss);
        const firstEstablished = r.trace.findIndex((step) => step.server === "ESTABLISHED");
        const rstFromClient = r.trace.find((step) => step.end === "client" && step.segment?.flags.SYN === true && step.segment.ack === staleAck);
        const rstArrives = r.trace.findIndex((step) => step.end === "server" && step.action === "deliver" && step.segment?.flags.RST === true);
        return (
          (firstEstablished === -1 || (realSynAt !== -1 && firstEstablished > realSynAt)) &&
          rstFromClient !== undefined && rstFromClient.sent.length === 1 && isReset(rstFromClient.sent[0]!) && rstFromClient.sent[0]!.seq === staleAck &&
          (s.rstLost ? r.server.state === "SYN-RECEIVED" : rstArrives !== -1 && r.trace[rstArrives]!.server === "LISTEN") &&
          (s.clientConnects
            ? r.client.state === "ESTABLISHED" && r.server.state === "ESTABLISHED" && r.server.irs === s.clientIss
            : r.client.state === "CLOSED" && (s.rstLost || r.server.state === "LISTEN"))
        );
      },
      numRuns: 40,
      show: {
        input: (s) => showScenario(oldSynScenario(s, "three-way")),
        output: showResult,
        picture: (s, e, a) => drawRun(oldSynScenario(s, "three-way"), e, a),
      },
    }),
    property({
      name: "the same old SYN fools a two-way handshake: that server is ESTABLISHED at once, the three-way one only SYN-RECEIVED",
      input: oldSynStory,
      run: (m, s) => ({ threeWay: m.simulate(oldSynScenario(s, "three-way")), twoWay: m.simulate(oldSynScenario(s, "two-way")) }),
      holds: (r) => {
        const atOldSyn = (x: SimResult) => x.trace.find((step) => step.action === "old-syn");
        return atOldSyn(r.threeWay)?.server === "SYN-RECEIVED" && atOldSyn(r.twoWay)?.server === "ESTABLISHED";
      },
      numRuns: 25,
      show: {
        input: (s) => showScenario(oldSynScenario(s, "three-way")) + "\n(run once three-way and once two-way)",
        output: (r) => `three-way:\n${showResult(r.threeWay)}\n\ntwo-way:\n${showResult(r.twoWay)}`,
        picture: (s, e, a) => drawPair(oldSynScenario(s, "three-way"), oldSynScenario(s, "two-way"), e, a),
      },
    }),
    property({
      name: "every run stops within the step bound, runs the script in order, and the network only loses what it is told to",
      input: chaos,
      run: simulateChaos,
      holds: (r, scenario) => wellFormed(r, scenario) && conserved(r),
      numRuns: 100,
      show: runShow,
    }),
    property({
      name: "from every stage of an open and a close, every single action does what a correct simulator does, and no run outlasts its step bound",
      input: every(EXHAUSTIVE),
      run: (m, scenario) => m.simulate(scenario),
      holds: (actual, scenario) => checkRun(scenario, actual).ok,
      show: runShow,
    }),
    property({
      name: "every step of a run with a misbehaving network is what a correct simulator does",
      input: chaos,
      run: simulateChaos,
      holds: (actual, scenario) => checkRun(scenario, actual).ok,
      numRuns: 120,
      show: runShow,
    }),
  ],
});
