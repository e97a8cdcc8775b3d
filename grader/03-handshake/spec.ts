/**
 * Hidden properties of lesson 03: the opening half of the state machine, and the
 * three segments of the handshake.
 *
 * nextState is graded on exactly the events lesson 04's nextState hands to it
 * (machine.ts, `handedToOpening`): lesson 03's rows (tcp-facts §2 rows 1–5,
 * 12–20, 22–26), and "unchanged, nothing sent" for the opens and timeouts lesson
 * 04 passes on from later states. Nothing lesson 04 hands over goes ungraded here,
 * so a lesson-03 file that passes never fails lesson 04 on a case of its own.
 * Answers are compared exactly (machine.ts, `agrees`).
 */
import fc from "fast-check";
import { segmentText, setFlagNames, type FlagName, type Segment } from "../../lib/tcp.ts";
import * as reference from "../../solutions/03-handshake.ts";
import { EDGE_SEQS, seqNumber } from "../kit/arbitraries.ts";
import { drawSequenceDiagram, type DiagramRow } from "../kit/sequence-diagram.ts";
import { every, specFor } from "../kit/spec.ts";
import {
  ALL_CASES,
  agreesWithSome,
  conversationPicture,
  conversationOf,
  converse,
  correctAnswers,
  disagreementLines,
  firstDisagreement,
  firstOffDiagram,
  handedToOpening,
  isTransition,
  randomCase,
  scriptArb,
  seg,
  showCase,
  showConversation,
  showScript,
  showTransition,
  stepPicture,
  wrap,
  type Case,
  type Conversation,
  type NextState,
  type Script,
} from "./machine.ts";

type Module = typeof import("../../solutions/03-handshake.ts");
const { property, spec } = specFor<Module>();

const referenceNext: NextState = reference.nextState;

// ── nextState: inputs ───────────────────────────────────────────────────────────

const OPENING_CASES: readonly Case[] = ALL_CASES.filter((c) => handedToOpening(c.tcb, c.event));

const anyIsn = seqNumber;

/** A random segment aimed at an opening state (CLOSED, LISTEN, SYN-SENT, SYN-RECEIVED ×2), as lesson 04 would hand it over. */
const randomOpeningCase: fc.Arbitrary<Case> = randomCase(anyIsn, 4).filter((c) => handedToOpening(c.tcb, c.event));

function checkStep(next: NextState, c: Case) {
  return next(c.tcb, c.event);
}

const stepShow = {
  input: showCase,
  output: showTransition,
  picture: (c: Case, expected: ReturnType<NextState>, actual: unknown) => stepPicture(c.tcb, c.event, expected, actual),
};

const stepHolds = (actual: unknown, c: Case, expected: ReturnType<NextState>) => agreesWithSome(actual, correctAnswers(c.tcb, c.event, expected));

// ── nextState: conversations ────────────────────────────────────────────────────

const fixed = (clientIss: number, serverIss: number, kinds: readonly ("listen" | "connect" | "connect-server" | "deliver")[]): Script => ({
  clientIss,
  serverIss,
  actions: kinds.map((k) =>
    k === "listen"
      ? { kind: "open", end: "server", mode: "passive" }
      : k === "connect"
        ? { kind: "open", end: "client", mode: "active" }
        : k === "connect-server"
          ? { kind: "open", end: "server", mode: "active" }
          : { kind: "deliver" },
  ),
});

const isnPair = fc.tuple(anyIsn, anyIsn);

const converseOpening = (m: Module, s: Script) => converse(m.nextState, s, handedToOpening);
/**
 * The same for random scripts. The three properties on scriptArb({ closing: false })
 * are given the same scripts (one seed for all), so each conversation is run once
 * per module and judged by each of them (machine.ts, conversationOf).
 */
const converseRandomOpening = (m: Module, s: Script) => conversationOf(m.nextState, s, handedToOpening);

/** The picture of a conversation that went wrong at step `at`. */
function pictureAt(c: Conversation, at: number, extra: readonly string[] = []): string {
  const lines = at >= 0 && c.steps[at] && c.steps[at]!.before ? disagreementLines(c.steps[at]!, referenceNext) : [];
  return conversationPicture(c, at >= 0 ? at : c.steps.length - 1, [...extra, ...lines]);
}

/** The step at which a conversation first breaks a rule, or -1. */
function firstBadStep(c: Conversation): number {
  if (c.malformed) return c.steps.length - 1;
  return firstDisagreement(c, referenceNext);
}

/** For the handshake: the step of the SYN,ACK's arrival at the client and of the ACK's at the server. */
function handshakeTimingOk(c: Conversation): boolean {
  if (firstBadStep(c) !== -1) return false;
  const states = c.steps.map((s) => `${s.client}/${s.server}`);
  // listen, connect, SYN arrives, SYN,ACK arrives, ACK arrives
  return (
    states[1] === "SYN-SENT/LISTEN" &&
    states[2] === "SYN-SENT/SYN-RECEIVED" &&
    states[3] === "ESTABLISHED/SYN-RECEIVED" &&
    states[4] === "ESTABLISHED/ESTABLISHED"
  );
}

/** Every SYN sent carries the sender's ISS, and the sender's SND.NXT is then ISS + 1; after a SYN arrives, RCV.NXT is its seq + 1. */
function firstSynMiscount(c: Conversation): number {
  return c.steps.findIndex((s) => {
    if (!isTransition(s.result) || s.before === undefined || s.skipped) return false;
    const after = s.result.tcb;
    const sentSyn = s.result.send.find((x) => x.flags.SYN && !x.flags.RST);
    if (sentSyn && (sentSyn.seq !== s.before.iss || after.sndNxt !== wrap(s.before.iss + 1))) return true;
    const arrived = s.event?.kind === "segment" ? s.event.segment : undefined;
    const tookSyn = arrived?.flags.SYN && (after.state === "SYN-RECEIVED" || after.state === "ESTABLISHED") && (s.before.state === "LISTEN" || s.before.state === "SYN-SENT");
    return tookSyn === true && after.rcvNxt !== wrap(arrived!.seq + 1);
  });
}

// ── handshakeSegments ───────────────────────────────────────────────────────────

type Three = readonly [Segment, Segment, Segment];

const CONTROL: readonly FlagName[] = ["SYN", "ACK", "RST", "FIN"];

/** The same handshake segment as far as it matters: the four control bits, seq, ack when ACK is set, no payload. */
function sameHandshakeSegment(a: Segment, e: Segment): boolean {
  if (typeof a !== "object" || a === null || typeof a.flags !== "object" || a.flags === null) return false;
  if (CONTROL.some((f) => a.flags[f] !== e.flags[f])) return false;
  if (a.seq !== e.seq || (a.dataLength ?? 0) !== 0) return false;
  return !e.flags.ACK || a.ack === e.ack;
}

function sameThree(actual: unknown, expected: Three): boolean {
  return Array.isArray(actual) && actual.length === 3 && expected.every((e, k) => sameHandshakeSegment(actual[k] as Segment, e));
}

function showThree(t: unknown): string {
  if (!Array.isArray(t)) return `not a list of segments: ${JSON.stringify(t)}`;
  return t.map((s) => (typeof s === "object" && s !== null && typeof (s as Segment).flags === "object" ? controlLabel(s as Segment) : JSON.stringify(s))).join("  ->  ");
}

/** A label with only the four control bits (the grader ignores the others here). */
function controlLabel(s: Segment): string {
  const names = setFlagNames(s.flags).filter((n) => CONTROL.includes(n));
  return segmentText({ ...s, flags: Object.fromEntries(Object.entries(s.flags).map(([k, v]) => [k, v && names.includes(k as FlagName)])) as Segment["flags"] });
}

function threePicture(pair: readonly [number, number], expected: Three, actual: Three | undefined): string {
  const rows: DiagramRow[] = [{ left: "CLOSED", right: "LISTEN", middle: { text: "the RFC:", align: "left" } }];
  const states = [
    ["SYN-SENT", "SYN-RECEIVED"],
    ["ESTABLISHED", undefined],
    [undefined, "ESTABLISHED"],
  ] as const;
  expected.forEach((s, k) =>
    rows.push({ left: states[k]![0], right: states[k]![1], middle: { arrow: k === 1 ? "right" : "left", label: controlLabel(s) } }),
  );
  if (Array.isArray(actual)) {
    rows.push({ middle: { text: "yours:", align: "left" } });
    actual.slice(0, 3).forEach((s, k) => {
      const ok = typeof s === "object" && s !== null && typeof (s as Segment).flags === "object";
      rows.push({ middle: { arrow: k === 1 ? "right" : "left", label: ok ? controlLabel(s as Segment) : JSON.stringify(s) } });
    });
  }
  return drawSequenceDiagram({ left: `client (ISN ${pair[0]})`, right: `server (ISN ${pair[1]})`, rows });
}

const EDGE_PAIRS: readonly (readonly [number, number])[] = EDGE_SEQS.flatMap((a) => EDGE_SEQS.map((b) => [a, b] as const));

const showPair = ([x, y]: readonly [number, number]) => `handshakeSegments(${x}, ${y})`;

// ── The spec ───────────────────────────────────────────────────────────────────

export default spec({
  nextState: [
    property({
      name: "every opening row of the table, with every flag combination, gives exactly the RFC's answer (state, every TCB field, every segment sent), and every other event lesson 04 hands over changes nothing",
      input: every(OPENING_CASES),
      run: (m, c: Case) => checkStep(m.nextState, c),
      holds: stepHolds,
      show: stepShow,
    }),
    property({
      name: "the client is ESTABLISHED as soon as the SYN,ACK arrives; the server stays SYN-RECEIVED until the client's ACK arrives",
      input: isnPair,
      numRuns: 50,
      run: (m, [c, s]: [number, number]) => converseOpening(m, fixed(c, s, ["listen", "connect", "deliver", "deliver", "deliver"])),
      holds: (actual: Conversation) => handshakeTimingOk(actual),
      show: {
        input: ([c, s]: [number, number]) => `server listens, client (ISN ${c}) connects to server (ISN ${s}), three deliveries`,
        output: showConversation,
        picture: (_i: [number, number], expected: Conversation, actual?: Conversation) =>
          actual ? pictureAt(actual, firstBadStep(actual), ["expected: client ESTABLISHED when the SYN,ACK arrives, server ESTABLISHED when the ACK arrives"]) : conversationPicture(expected, expected.steps.length - 1, ["(the RFC's conversation)"]),
      },
    }),
    property({
      name: "simultaneous open: two ends that both connect exchange SYN and SYN,ACK and both reach ESTABLISHED",
      input: isnPair,
      numRuns: 50,
      run: (m, [c, s]: [number, number]) => converseOpening(m, fixed(c, s, ["connect", "connect-server", "deliver", "deliver", "deliver", "deliver"])),
      holds: (actual: Conversation) =>
        firstBadStep(actual) === -1 && actual.steps.at(-1)?.client === "ESTABLISHED" && actual.steps.at(-1)?.server === "ESTABLISHED",
      show: {
        input: ([c, s]: [number, number]) => `client (ISN ${c}) and server (ISN ${s}) both connect at once, four deliveries`,
        output: showConversation,
        picture: (_i: [number, number], expected: Conversation, actual?: Conversation) =>
          actual ? pictureAt(actual, firstBadStep(actual)) : conversationPicture(expected, expected.steps.length - 1, ["(the RFC's conversation)"]),
      },
    }),
    property({
      name: "a SYN always consumes one sequence number: it is sent at ISS, SND.NXT becomes ISS + 1, and whoever receives it expects SEG.SEQ + 1 next",
      input: scriptArb({ closing: false }),
      numRuns: 100,
      run: converseRandomOpening,
      holds: (actual: Conversation) => !actual.malformed && firstSynMiscount(actual) === -1,
      show: {
        input: showScript,
        output: showConversation,
        picture: (_s: Script, _e: Conversation, actual?: Conversation) => (actual ? pictureAt(actual, firstSynMiscount(actual)) : ""),
      },
    }),
    property({
      name: "every change of state follows an arrow of the RFC's state diagram",
      input: scriptArb({ closing: false }),
      numRuns: 100,
      run: converseRandomOpening,
      holds: (actual: Conversation) => !actual.malformed && firstOffDiagram(actual) === -1,
      show: {
        input: showScript,
        output: showConversation,
        picture: (_s: Script, _e: Conversation, actual?: Conversation) => (actual ? pictureAt(actual, firstOffDiagram(actual)) : ""),
      },
    }),
    property({
      name: "generated segments (any flags, numbers at and around the edges) get the RFC's answer in CLOSED, LISTEN, SYN-SENT and SYN-RECEIVED",
      input: randomOpeningCase,
      numRuns: 200,
      run: (m, c: Case) => checkStep(m.nextState, c),
      holds: stepHolds,
      show: stepShow,
    }),
    property({
      name: "each step of a random opening (lost, copied and delayed segments, old SYNs, forged resets) gets the RFC's answer",
      input: scriptArb({ closing: false }),
      numRuns: 100,
      run: converseRandomOpening,
      holds: (actual: Conversation) => firstBadStep(actual) === -1,
      show: {
        input: showScript,
        output: showConversation,
        picture: (_s: Script, _e: Conversation, actual?: Conversation) => (actual ? pictureAt(actual, firstBadStep(actual)) : ""),
      },
    }),
  ],
  handshakeSegments: [
    property({
      name: "with ISNs at the edges (0, 2^31, 2^32 - 1 ...) the three segments are SYN seq=x, SYN,ACK seq=y ack=x+1, ACK seq=x+1 ack=y+1, all mod 2^32",
      input: every(EDGE_PAIRS),
      run: (m, [x, y]: readonly [number, number]) => m.handshakeSegments(x, y),
      holds: (actual: Three, _i, expected: Three) => sameThree(actual, expected),
      show: { input: showPair, output: showThree, picture: threePicture },
    }),
    property({
      name: "each acknowledgment is the other side's sequence number plus one (a SYN consumes one number)",
      input: isnPair,
      run: (m, [x, y]: [number, number]) => m.handshakeSegments(x, y),
      holds: (actual: Three, _i, expected: Three) => sameThree(actual, expected),
      show: { input: showPair, output: showThree, picture: threePicture },
    }),
    property({
      name: "shifting both ISNs by k shifts every seq and ack by k (mod 2^32)",
      input: fc.tuple(anyIsn, anyIsn, anyIsn),
      run: (m, [x, y, k]: [number, number, number]) => [m.handshakeSegments(x, y), m.handshakeSegments(wrap(x + k), wrap(y + k))] as const,
      holds: (actual: unknown, [, , k]: [number, number, number]) => {
        if (!Array.isArray(actual)) return false;
        const [a, b] = actual as [Three, Three];
        if (!Array.isArray(a) || a.length !== 3) return false;
        const shifted = a.map((s) => ({ ...s, seq: wrap(s.seq + k), ack: s.flags.ACK ? wrap(s.ack + k) : s.ack })) as unknown as Three;
        return sameThree(b, shifted);
      },
      show: {
        input: ([x, y, k]: [number, number, number]) => `handshakeSegments(${x}, ${y}) and handshakeSegments(${wrap(x + k)}, ${wrap(y + k)}) (shifted by ${k})`,
        output: (o: unknown) => (Array.isArray(o) ? o.map(showThree).join("\n") : String(o)),
      },
    }),
  ],
});
