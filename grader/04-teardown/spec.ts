/**
 * Hidden properties of lesson 04: the complete state machine (closing added to
 * lesson 03's opening), which ways data flows in each state, and scripted closes.
 *
 * nextState is compared exactly, with the one place where the stubs allow two
 * answers (machine.ts, `correctAnswers`). The events lesson 04 hands to the
 * learner's lesson-03 function are graded in a property of their own that names
 * that file, and every picture of such an event says so: lesson 03 grades exactly
 * those events (machine.ts, `handedToOpening`), so when lesson 03 passes, a
 * failure there is lesson 04's hand-off.
 */
import fc from "fast-check";
import { segmentText, STATES, type CloseOutcome, type CloseStep, type Directions, type Segment, type State, type Tcb, type TcpEvent } from "../../lib/tcp.ts";
import * as reference from "../../solutions/04-teardown.ts";
import {
  ALL_CASES,
  agreesWithSome,
  conversationOf,
  conversationPicture,
  converse,
  correctAnswers,
  disagreementLines,
  handedToOpening,
  firstDisagreement,
  firstOffDiagram,
  isDiagramEdge,
  isTransition,
  randomCase,
  scriptArb,
  showCase,
  showConversation,
  showScript,
  showTransition,
  stepPicture,
  wrap,
  type Action,
  type Case,
  type Conversation,
  type NextState,
  type Script,
} from "../03-handshake/machine.ts";
import { seqNumber } from "../kit/arbitraries.ts";
import { drawSequenceDiagram, type DiagramRow } from "../kit/sequence-diagram.ts";
import { every, specFor } from "../kit/spec.ts";

type Module = typeof import("../../solutions/04-teardown.ts");
const { property, spec } = specFor<Module>();

const referenceNext: NextState = reference.nextState;

// ── nextState: single steps ─────────────────────────────────────────────────────

const stepShow = {
  input: showCase,
  output: showTransition,
  picture: (c: Case, expected: ReturnType<NextState>, actual: unknown) => stepPicture(c.tcb, c.event, expected, actual, { handedNote: true }),
};

/** The exhaustive domain, split: the events lesson 04 answers itself, and those it hands to lesson 03's function. */
const OWN_CASES: readonly Case[] = ALL_CASES.filter((c) => !handedToOpening(c.tcb, c.event));
const HANDED_CASES: readonly Case[] = ALL_CASES.filter((c) => handedToOpening(c.tcb, c.event));

const stepHolds = (actual: unknown, c: Case, expected: ReturnType<NextState>) => agreesWithSome(actual, correctAnswers(c.tcb, c.event, expected));

// ── nextState: conversations ────────────────────────────────────────────────────

const converseAll = (m: Module, s: Script) => converse(m.nextState, s);
/**
 * The same for random scripts. The four properties on scriptArb({ closing: true })
 * are given the same scripts (one seed for all: the first 100 of the last one's 120
 * are the other three's), so each conversation is run once per module and judged
 * by each of them (machine.ts, conversationOf).
 */
const converseRandom = (m: Module, s: Script) => conversationOf(m.nextState, s);

function badStep(c: Conversation): number {
  if (c.malformed) return c.steps.length - 1;
  return firstDisagreement(c, referenceNext);
}

function pictureAt(c: Conversation, at: number, extra: readonly string[] = []): string {
  const step = at >= 0 ? c.steps[at] : undefined;
  const lines = step?.before && step.event ? disagreementLines(step, referenceNext, { handedNote: true }) : [];
  return conversationPicture(c, at >= 0 ? at : c.steps.length - 1, [...extra, ...lines]);
}

const conversationShow = (find: (c: Conversation) => number, extra: readonly string[] = []) => ({
  input: showScript,
  output: showConversation,
  picture: (_s: Script, expected: Conversation, actual?: Conversation) =>
    actual ? pictureAt(actual, find(actual), extra) : conversationPicture(expected, expected.steps.length - 1, ["(the RFC's conversation)"]),
});

/** TIME-WAIT is left only by the 2MSL timeout, a RST or ABORT; the timeout closes nothing else. */
function firstTimeWaitEscape(c: Conversation): number {
  return c.steps.findIndex((s) => {
    if (!s.before || !s.event || !isTransition(s.result)) return false;
    const from = s.before.state;
    const to = s.result.tcb.state;
    if (s.event.kind === "time-wait-timeout" && from !== "TIME-WAIT" && to !== from) return true;
    if (from !== "TIME-WAIT" || to === "TIME-WAIT") return false;
    const allowed = s.event.kind === "time-wait-timeout" || s.event.kind === "abort" || (s.event.kind === "segment" && s.event.segment.flags.RST);
    return !allowed || to !== "CLOSED";
  });
}

/**
 * A FIN always consumes one sequence number: a FIN we send sits at SND.NXT and
 * moves SND.NXT on by one; a FIN we take in moves RCV.NXT to its seq + 1, and
 * our ACK says so.
 */
function firstFinMiscount(c: Conversation): number {
  return c.steps.findIndex((s) => {
    if (!s.before || !s.event || !isTransition(s.result)) return false;
    const after = s.result.tcb;
    const fin = s.result.send.find((x) => x.flags.FIN);
    if (fin && (fin.seq !== s.before.sndNxt || after.sndNxt !== wrap(fin.seq + 1))) return true;
    if (s.event.kind !== "segment") return false;
    const arrived = s.event.segment;
    // A FIN the RFC takes in (the reference moves RCV.NXT over it):
    const expected = referenceNext(s.before, s.event);
    const takenIn = arrived.flags.FIN && expected.tcb.rcvNxt === wrap(arrived.seq + 1) && s.before.rcvNxt !== expected.tcb.rcvNxt;
    if (!takenIn) return false;
    const ack = s.result.send.find((x) => x.flags.ACK && !x.flags.RST);
    return after.rcvNxt !== wrap(arrived.seq + 1) || ack === undefined || ack.ack !== wrap(arrived.seq + 1);
  });
}

type Who = "client" | "server";

const HANDSHAKE: readonly Action[] = [
  { kind: "open", end: "server", mode: "passive" },
  { kind: "open", end: "client", mode: "active" },
  { kind: "deliver" },
  { kind: "deliver" },
  { kind: "deliver" },
];

const D: Action = { kind: "deliver" };

/** One side closes, its FIN and the ACK travel, then the other side closes. */
function inTurn(first: Who, clientIss: number, serverIss: number): Script {
  const second: Who = first === "client" ? "server" : "client";
  return {
    clientIss,
    serverIss,
    actions: [...HANDSHAKE, { kind: "close", end: first }, D, D, { kind: "close", end: second }, D, D],
  };
}

/** Both close before either FIN arrives. */
function atOnce(clientIss: number, serverIss: number): Script {
  return {
    clientIss,
    serverIss,
    actions: [...HANDSHAKE, { kind: "close", end: "client" }, { kind: "close", end: "server" }, D, D, D, D],
  };
}

const isnPair = fc.tuple(seqNumber, seqNumber);

// ── directions ───────────────────────────────────────────────────────────────────

function showDirections(d: unknown): string {
  if (typeof d !== "object" || d === null) return String(d);
  const x = d as Directions;
  const way = (b: unknown) => (b === true ? "yes" : b === false ? "no" : String(b));
  return `can send: ${way(x.send)}, can receive: ${way(x.receive)}`;
}

const sameDirections = (a: unknown, e: Directions) =>
  typeof a === "object" && a !== null && (a as Directions).send === e.send && (a as Directions).receive === e.receive;

/** The diagram's arrows between states after the handshake: along them a closed direction stays closed. */
const CLOSING_EDGES: readonly (readonly [State, State])[] = STATES.flatMap((from) =>
  STATES.filter((to) => to !== from && isDiagramEdge(from, to)).map((to) => [from, to] as const),
).filter(([from]) => !["CLOSED", "LISTEN", "SYN-SENT", "SYN-RECEIVED"].includes(from));

// ── closeOutcome ─────────────────────────────────────────────────────────────────

const who: fc.Arbitrary<Who> = fc.constantFrom("client", "server");

const closeStep: fc.Arbitrary<CloseStep> = fc.oneof(
  { weight: 5, arbitrary: who.map((to): CloseStep => ({ kind: "deliver", to })) },
  { weight: 2, arbitrary: who.map((end): CloseStep => ({ kind: "close", end })) },
  { weight: 1, arbitrary: who.map((end): CloseStep => ({ kind: "time-wait-timeout", end })) },
);

const close = (end: Who): CloseStep => ({ kind: "close", end });
const to = (end: Who): CloseStep => ({ kind: "deliver", to: end });
const timeout = (end: Who): CloseStep => ({ kind: "time-wait-timeout", end });

/** Scripts the lesson talks about, each a story of its own. */
const NAMED_SCRIPTS: readonly (readonly CloseStep[])[] = [
  [],
  [close("client")],
  [close("client"), to("server")],
  [close("client"), to("server"), to("client")], // half-close: FIN-WAIT-2 / CLOSE-WAIT
  [close("client"), to("server"), to("client"), close("server")],
  [close("client"), to("server"), to("client"), close("server"), to("client")],
  [close("client"), to("server"), to("client"), close("server"), to("client"), to("server")],
  [close("client"), to("server"), to("client"), close("server"), to("client"), to("server"), timeout("client")],
  [close("server"), to("client"), to("server"), close("client"), to("server"), to("client")], // server closes first
  [close("server"), to("client"), to("server"), close("client"), to("server"), to("client"), timeout("server")],
  [close("client"), close("server"), to("server"), to("client"), to("server"), to("client")], // simultaneous
  [close("client"), close("server"), to("client"), to("server"), to("client"), to("server"), timeout("client"), timeout("server")],
  [close("client"), to("server"), close("server"), to("client"), to("client"), to("server")], // server closes before its ACK arrives
  [close("client"), to("server"), close("server"), to("server"), to("client"), to("client")],
  [close("client"), close("client"), to("server"), to("server"), to("client")], // close twice: one FIN
  [timeout("client"), timeout("server"), to("client"), to("server")], // nothing to do
  [close("client"), to("server"), to("client"), timeout("client"), close("server"), to("client"), to("server")],
];

function showSteps(steps: readonly CloseStep[]): string {
  if (steps.length === 0) return "(no steps: nobody closes)";
  return steps
    .map((s) => (s.kind === "close" ? `${s.end} closes` : s.kind === "deliver" ? `deliver to ${s.to}` : `${s.end}'s 2MSL timer runs out`))
    .join("; ");
}

function showOutcome(o: unknown): string {
  if (typeof o !== "object" || o === null) return String(o);
  const x = o as CloseOutcome;
  return `client ${String(x.client)}, server ${String(x.server)}`;
}

const sameOutcome = (a: unknown, e: CloseOutcome) =>
  typeof a === "object" && a !== null && (a as CloseOutcome).client === e.client && (a as CloseOutcome).server === e.server;

/** The script played by the reference, drawn, with the learner's final states underneath. */
function closePicture(steps: readonly CloseStep[], expected: CloseOutcome, actual: unknown): string {
  const established = (iss: number, irs: number): Tcb => ({
    state: "ESTABLISHED",
    passiveOpen: false,
    iss,
    sndUna: iss + 1,
    sndNxt: iss + 1,
    irs,
    rcvNxt: irs + 1,
  });
  const tcbs: Record<Who, Tcb> = { client: established(100, 300), server: established(300, 100) };
  const queues: Record<Who, Segment[]> = { client: [], server: [] };
  const side = (w: Who) => (w === "client" ? "left" : "right") as "left" | "right";
  const rows: DiagramRow[] = [{ left: "ESTABLISHED", right: "ESTABLISHED" }];
  const apply = (w: Who, event: TcpEvent): { changed: boolean } => {
    const t = referenceNext(tcbs[w], event);
    const changed = t.tcb.state !== tcbs[w].state;
    tcbs[w] = t.tcb;
    queues[w === "client" ? "server" : "client"].push(...t.send);
    return { changed };
  };
  for (const s of steps) {
    if (s.kind === "deliver") {
      const segment = queues[s.to].shift();
      if (!segment) {
        rows.push({ middle: { text: `deliver to ${s.to}: nothing in flight` } });
        continue;
      }
      apply(s.to, { kind: "segment", segment });
      rows.push({ [side(s.to)]: tcbs[s.to].state, middle: { arrow: side(s.to === "client" ? "server" : "client"), label: segmentText(segment) } });
    } else {
      const event: TcpEvent = s.kind === "close" ? { kind: "close" } : { kind: "time-wait-timeout" };
      apply(s.end, event);
      rows.push({ [side(s.end)]: tcbs[s.end].state, middle: { text: s.kind === "close" ? `${s.end} closes` : `${s.end}: 2MSL timeout`, align: side(s.end) } });
    }
  }
  return drawSequenceDiagram({
    left: "client (ISN 100)",
    right: "server (ISN 300)",
    rows,
    footer:
      showOutcome(expected) === showOutcome(actual)
        ? [`both end: ${showOutcome(expected)}; the difference is on the way there`]
        : [`the RFC ends: ${showOutcome(expected)}`, `yours ends:   ${showOutcome(actual)}`],
  });
}

const swapEnd = (w: Who): Who => (w === "client" ? "server" : "client");
const swapStep = (s: CloseStep): CloseStep =>
  s.kind === "deliver" ? { kind: "deliver", to: swapEnd(s.to) } : { ...s, end: swapEnd(s.end) };

// ── The spec ───────────────────────────────────────────────────────────────────

export default spec({
  nextState: [
    property({
      name: "every state × every kind of event lesson 04 answers itself (user calls, the 2MSL timer, ACKs, FINs, RSTs, SYNs at and around RCV.NXT, every flag combination) gives exactly the RFC's answer",
      input: every(OWN_CASES),
      run: (m, c: Case) => m.nextState(c.tcb, c.event),
      holds: stepHolds,
      show: stepShow,
    }),
    property({
      name: "every event lesson 04 hands to openingTransitions (your lesson-03 nextState, exercises/03-handshake.ts) gets lesson 03's answer: if lesson 03 passes and this fails, lesson 04 does not hand it over as its stub says",
      input: every(HANDED_CASES),
      run: (m, c: Case) => m.nextState(c.tcb, c.event),
      holds: stepHolds,
      show: stepShow,
    }),
    property({
      name: "closing in turn: whoever closes first ends in TIME-WAIT (client or server alike), the other end in CLOSED",
      input: fc.tuple(seqNumber, seqNumber, fc.constantFrom<Who>("client", "server")),
      numRuns: 60,
      run: (m, [c, s, first]: [number, number, Who]) => converseAll(m, inTurn(first, c, s)),
      holds: (actual: Conversation, [, , first]: [number, number, Who]) => {
        const last = actual.steps.at(-1);
        const second = first === "client" ? "server" : "client";
        return badStep(actual) === -1 && last?.[first] === "TIME-WAIT" && last?.[second] === "CLOSED";
      },
      show: {
        input: ([c, s, first]: [number, number, Who]) => `${showScript(inTurn(first, c, s))}`,
        output: showConversation,
        picture: (_i: [number, number, Who], expected: Conversation, actual?: Conversation) =>
          actual ? pictureAt(actual, badStep(actual), ["expected: the first to close ends in TIME-WAIT, the other in CLOSED"]) : conversationPicture(expected, expected.steps.length - 1, []),
      },
    }),
    property({
      name: "simultaneous close: both FINs cross, both ends go through CLOSING and both end in TIME-WAIT",
      input: isnPair,
      numRuns: 60,
      run: (m, [c, s]: [number, number]) => converseAll(m, atOnce(c, s)),
      holds: (actual: Conversation) => {
        const last = actual.steps.at(-1);
        const sawClosing = (w: Who) => actual.steps.some((st) => st[w] === "CLOSING");
        return badStep(actual) === -1 && last?.client === "TIME-WAIT" && last?.server === "TIME-WAIT" && sawClosing("client") && sawClosing("server");
      },
      show: {
        input: ([c, s]: [number, number]) => showScript(atOnce(c, s)),
        output: showConversation,
        picture: (_i: [number, number], expected: Conversation, actual?: Conversation) =>
          actual ? pictureAt(actual, badStep(actual), ["expected: FIN-WAIT-1 -> CLOSING -> TIME-WAIT at both ends"]) : conversationPicture(expected, expected.steps.length - 1, []),
      },
    }),
    property({
      name: "TIME-WAIT is left only by the 2MSL timeout, a RST or ABORT (and the timeout closes nothing else)",
      input: scriptArb({ closing: true }),
      numRuns: 100,
      run: converseRandom,
      holds: (actual: Conversation) => !actual.malformed && firstTimeWaitEscape(actual) === -1,
      show: conversationShow(firstTimeWaitEscape),
    }),
    property({
      name: "a FIN always consumes one sequence number: it is sent at SND.NXT, SND.NXT moves on by one, and the receiver acknowledges its seq + 1",
      input: scriptArb({ closing: true }),
      numRuns: 100,
      run: converseRandom,
      holds: (actual: Conversation) => !actual.malformed && firstFinMiscount(actual) === -1,
      show: conversationShow(firstFinMiscount),
    }),
    property({
      name: "every change of state follows an arrow of the RFC's state diagram",
      input: scriptArb({ closing: true }),
      numRuns: 100,
      run: converseRandom,
      holds: (actual: Conversation) => !actual.malformed && firstOffDiagram(actual) === -1,
      show: conversationShow(firstOffDiagram),
    }),
    property({
      name: "generated segments (any flags, numbers at and around the edges) get the RFC's answer in every state",
      input: randomCase(seqNumber, 12),
      numRuns: 200,
      run: (m, c: Case) => m.nextState(c.tcb, c.event),
      holds: stepHolds,
      show: stepShow,
    }),
    property({
      name: "each step of a random conversation (opening, closing, lost, copied and delayed segments, timeouts, aborts, old SYNs, forged resets) gets the RFC's answer",
      input: scriptArb({ closing: true }),
      numRuns: 120,
      run: converseRandom,
      holds: (actual: Conversation) => badStep(actual) === -1,
      show: conversationShow(badStep),
    }),
  ],
  directions: [
    property({
      name: "in every state, data may flow exactly the ways the lesson says (ESTABLISHED both, FIN-WAIT-1/2 only in, CLOSE-WAIT only out, otherwise none)",
      input: every(STATES),
      run: (m, s: State) => m.directions(s),
      holds: (actual: unknown, _s: State, expected: Directions) => sameDirections(actual, expected),
      show: { input: (s: State) => `directions("${s}")`, output: showDirections },
    }),
    property({
      name: "a closed direction never opens again: along every arrow of the diagram after the handshake, what could not be sent or received still cannot",
      input: every(CLOSING_EDGES),
      run: (m, [from, to]: readonly [State, State]) => [m.directions(from), m.directions(to)] as const,
      holds: (actual: readonly [Directions, Directions]) => {
        const [a, b] = actual;
        return (a.send || !b.send) && (a.receive || !b.receive);
      },
      show: {
        input: ([from, to]: readonly [State, State]) => `directions("${from}") then directions("${to}")`,
        output: (o: readonly [Directions, Directions]) => (Array.isArray(o) ? o.map(showDirections).join("  then  ") : String(o)),
      },
    }),
  ],
  closeOutcome: [
    property({
      name: "the closes the lesson walks through (in turn, server first, simultaneous, half-close, timeouts, closing twice) end in the RFC's states",
      input: every(NAMED_SCRIPTS),
      run: (m, steps: readonly CloseStep[]) => m.closeOutcome(steps),
      holds: (actual: unknown, _s: readonly CloseStep[], expected: CloseOutcome) => sameOutcome(actual, expected),
      show: { input: showSteps, output: showOutcome, picture: closePicture },
    }),
    property({
      name: "random close scripts end in the RFC's states",
      input: fc.array(closeStep, { maxLength: 12 }),
      numRuns: 200,
      run: (m, steps: readonly CloseStep[]) => m.closeOutcome(steps),
      holds: (actual: unknown, _s: readonly CloseStep[], expected: CloseOutcome) => sameOutcome(actual, expected),
      show: { input: showSteps, output: showOutcome, picture: closePicture },
    }),
    property({
      name: "swapping client and server in a script swaps their final states (TIME-WAIT belongs to the first closer, not to 'the client')",
      input: fc.array(closeStep, { maxLength: 10 }),
      numRuns: 100,
      run: (m, steps: readonly CloseStep[]) => [m.closeOutcome(steps), m.closeOutcome(steps.map(swapStep))] as const,
      holds: (actual: readonly [CloseOutcome, CloseOutcome]) => actual[0].client === actual[1].server && actual[0].server === actual[1].client,
      show: {
        input: (steps: readonly CloseStep[]) => `${showSteps(steps)}\n  and swapped: ${showSteps(steps.map(swapStep))}`,
        output: (o: readonly [CloseOutcome, CloseOutcome]) => (Array.isArray(o) ? `${showOutcome(o[0])}  /  swapped: ${showOutcome(o[1])}` : String(o)),
      },
    }),
  ],
});
