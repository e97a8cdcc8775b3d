/**
 * The grader's view of the connection state machine, shared by the specs of
 * lessons 03 (opening) and 04 (the complete machine):
 *
 * - situations: one typical TCB for every state (and the variants that behave
 *   differently), built from an ISN pair, and the events worth sending to each;
 * - the hand-off: exactly which events lesson 04's nextState hands to the
 *   learner's lesson-03 function (`handedToOpening`), which is exactly what
 *   lesson 03 grades, so a lesson-03 file that passes can never fail lesson 04
 *   on a case lesson 03 did not check;
 * - comparison: exact (every TCB field, every flag, seq, ack, dataLength of every
 *   segment sent), with the one place where the stubs allow two answers;
 * - conversations: two endpoints driven by a random script over a network that
 *   loses, copies and holds up segments, for model-based properties;
 * - printing and pictures of counterexamples.
 */
import fc from "fast-check";
import { closedTcb, eventText, FLAG_NAMES, flags, segmentText, SEQ_MODULUS, STATES, type FlagName, type Flags, type Segment, type State, type Tcb, type TcpEvent, type Transition } from "../../lib/tcp.ts";
import { awayFromAntipodes } from "../kit/arbitraries.ts";
import { drawSequenceDiagram, segmentsLabel, type DiagramRow } from "../kit/sequence-diagram.ts";

export type NextState = (tcb: Tcb, event: TcpEvent) => Transition;

// ── Numbers ─────────────────────────────────────────────────────────────────────

export function wrap(x: number): number {
  const r = x % SEQ_MODULUS;
  return r < 0 ? r + SEQ_MODULUS : r;
}

/** ISN pairs (ours, the peer's) that put every +1 across the wrap somewhere. */
export const ISN_PAIRS: readonly (readonly [number, number])[] = [
  [100, 300],
  [SEQ_MODULUS - 1, SEQ_MODULUS - 2],
  [2 ** 31 - 1, 0],
  [0, 2 ** 31],
  [SEQ_MODULUS - 2, 2 ** 31 - 1],
];

// ── Segments ────────────────────────────────────────────────────────────────────

export function seg(names: readonly FlagName[], seq: number, ack = 0, dataLength = 0): Segment {
  return { seq: wrap(seq), ack: names.includes("ACK") ? wrap(ack) : 0, flags: flags(...names), dataLength };
}

/**
 * A segment whose ack field holds `ack` even when the ACK bit is clear: the field
 * is then meaningless (lib/tcp.ts), and a correct nextState must not read it.
 */
function rawSeg(f: Flags, seq: number, ack: number, dataLength = 0): Segment {
  return { seq: wrap(seq), ack: wrap(ack), flags: f, dataLength };
}

function ackOf(tcb: Tcb): Segment {
  return seg(["ACK"], tcb.sndNxt, tcb.rcvNxt);
}

// ── Situations: one typical TCB per state ──────────────────────────────────────

export interface Situation {
  /** How the lesson would name it: "FIN-WAIT-1 (closed from SYN-RECEIVED)". */
  readonly name: string;
  readonly tcb: Tcb;
}

/**
 * A TCB for every state, as a correct endpoint with ISN `i` talking to a peer
 * with ISN `p` would have it. Numbers count the SYN and each FIN.
 */
export function situations(i: number, p: number): readonly Situation[] {
  return SITUATIONS.map((_, which) => situationAt(i, p, which));
}

/** A TCB in `state` with ISS `i` and the other numbers as given (wrapped). */
function tcbOf(state: State, passiveOpen: boolean, i: number, una: number, nxt: number, irs: number, rcv: number): Tcb {
  return { state, passiveOpen, iss: i, sndUna: wrap(una), sndNxt: wrap(nxt), irs: wrap(irs), rcvNxt: wrap(rcv) };
}

/** Each situation's name and TCB, for our ISN i and the peer's p. */
const SITUATIONS: readonly (readonly [string, (i: number, p: number) => Tcb])[] = [
  ["CLOSED", (i) => closedTcb(i)],
  ["LISTEN", (i) => tcbOf("LISTEN", true, i, i, i, 0, 0)],
  ["SYN-SENT", (i) => tcbOf("SYN-SENT", false, i, i, i + 1, 0, 0)],
  ["SYN-RECEIVED (from LISTEN)", (i, p) => tcbOf("SYN-RECEIVED", true, i, i, i + 1, p, p + 1)],
  ["SYN-RECEIVED (simultaneous open)", (i, p) => tcbOf("SYN-RECEIVED", false, i, i, i + 1, p, p + 1)],
  ["ESTABLISHED", (i, p) => tcbOf("ESTABLISHED", false, i, i + 1, i + 1, p, p + 1)],
  ["FIN-WAIT-1", (i, p) => tcbOf("FIN-WAIT-1", false, i, i + 1, i + 2, p, p + 1)],
  ["FIN-WAIT-1 (closed in SYN-RECEIVED)", (i, p) => tcbOf("FIN-WAIT-1", true, i, i, i + 2, p, p + 1)],
  ["FIN-WAIT-2", (i, p) => tcbOf("FIN-WAIT-2", false, i, i + 2, i + 2, p, p + 1)],
  ["CLOSE-WAIT", (i, p) => tcbOf("CLOSE-WAIT", true, i, i + 1, i + 1, p, p + 2)],
  ["CLOSING", (i, p) => tcbOf("CLOSING", false, i, i + 1, i + 2, p, p + 2)],
  ["LAST-ACK", (i, p) => tcbOf("LAST-ACK", true, i, i + 1, i + 2, p, p + 2)],
  ["TIME-WAIT", (i, p) => tcbOf("TIME-WAIT", false, i, i + 2, i + 2, p, p + 2)],
];

/** situations(i, p)[which], without building the others (randomCase needs one per generated case). */
function situationAt(i: number, p: number, which: number): Situation {
  const [name, make] = SITUATIONS[which]!;
  return { name, tcb: make(i, p) };
}

export interface Case {
  readonly situation: string;
  /** The event in words: "the peer's FIN again (retransmitted)". */
  readonly what: string;
  readonly tcb: Tcb;
  readonly event: TcpEvent;
}

const SYNCHRONIZED: ReadonlySet<State> = new Set(["SYN-RECEIVED", "ESTABLISHED", "FIN-WAIT-1", "FIN-WAIT-2", "CLOSE-WAIT", "CLOSING", "LAST-ACK", "TIME-WAIT"]);
/** States in which the peer's FIN has arrived already. */
const PEER_FIN_IN: ReadonlySet<State> = new Set(["CLOSE-WAIT", "CLOSING", "LAST-ACK", "TIME-WAIT"]);

const USER_EVENTS: readonly (readonly [string, TcpEvent])[] = [
  ["passive OPEN (listen)", { kind: "open", mode: "passive" }],
  ["active OPEN (connect)", { kind: "open", mode: "active" }],
  ["CLOSE (close())", { kind: "close" }],
  ["ABORT", { kind: "abort" }],
  ["the 2MSL timer runs out", { kind: "time-wait-timeout" }],
];

/** Every event worth sending to an endpoint in this situation, named. */
export function eventsFor(s: Situation): readonly Case[] {
  const { tcb } = s;
  const i = tcb.iss;
  const out: Case[] = USER_EVENTS.map(([what, event]) => ({ situation: s.name, what, tcb, event }));
  const add = (what: string, segment: Segment) => out.push({ situation: s.name, what, tcb, event: { kind: "segment", segment } });

  if (!SYNCHRONIZED.has(tcb.state)) {
    // The peer's numbers are unknown here: use a peer ISN of our own choosing.
    const p = wrap(i + 200);
    add("a SYN", seg(["SYN"], p));
    add("a SYN,ACK acknowledging our SYN", seg(["SYN", "ACK"], p, i + 1));
    add("a SYN,ACK with ack = ISS (acknowledges nothing we sent)", seg(["SYN", "ACK"], p, i));
    add("a SYN,ACK with ack = ISS + 2 (beyond anything we sent)", seg(["SYN", "ACK"], p, i + 2));
    add("an ACK with ack = ISS + 1", seg(["ACK"], p, i + 1));
    add("an ACK of something never sent", seg(["ACK"], p, i + 7));
    add("a RST without ACK", seg(["RST"], p));
    add("a RST,ACK acknowledging our SYN", seg(["RST", "ACK"], p, i + 1));
    add("a RST,ACK with ack = ISS", seg(["RST", "ACK"], p, i));
    add("a FIN,ACK", seg(["FIN", "ACK"], p, i + 1));
    add("a FIN without ACK", seg(["FIN"], p));
    add("a segment with no flags at all", seg([], p));
    if (tcb.state === "CLOSED") add("10 bytes of data without ACK", seg([], p, 0, 10));
    return out;
  }

  const r = tcb.rcvNxt;
  const n = tcb.sndNxt;
  const u = tcb.sndUna;
  add("an ACK of everything we sent", seg(["ACK"], r, n));
  if (u !== n) add("an ACK that acknowledges nothing new (ack = SND.UNA)", seg(["ACK"], r, u));
  add("an ACK of something never sent (ack = SND.NXT + 1)", seg(["ACK"], r, n + 1));
  add("an old ACK from before SND.UNA (ack = SND.UNA - 1)", seg(["ACK"], r, u - 1));
  if (!PEER_FIN_IN.has(tcb.state)) {
    add("the peer's FIN, acknowledging all we sent", seg(["FIN", "ACK"], r, n));
    if (u !== n) add("the peer's FIN, not acknowledging our last segment", seg(["FIN", "ACK"], r, u));
    add("the peer's FIN, acknowledging something never sent (ack = SND.NXT + 1)", seg(["FIN", "ACK"], r, n + 1));
  }
  add(PEER_FIN_IN.has(tcb.state) ? "the peer's FIN again (retransmitted)" : "an old FIN (seq = RCV.NXT - 1)", seg(["FIN", "ACK"], r - 1, n));
  add("an ACK from beyond RCV.NXT (seq = RCV.NXT + 5)", seg(["ACK"], r + 5, n));
  add("an old ACK (seq = RCV.NXT - 1)", seg(["ACK"], r - 1, n));
  add("a RST exactly at RCV.NXT", seg(["RST"], r));
  add("a RST,ACK exactly at RCV.NXT", seg(["RST", "ACK"], r, n));
  add("a RST at RCV.NXT + 1 (not exact)", seg(["RST"], r + 1));
  add("a RST at RCV.NXT - 1 (not exact)", seg(["RST"], r - 1));
  add("a SYN at RCV.NXT", seg(["SYN"], r));
  add("the peer's SYN again (seq = IRS)", seg(["SYN"], tcb.irs));
  add("a SYN far from RCV.NXT", seg(["SYN"], r + 2 ** 20));
  if (tcb.state === "SYN-RECEIVED") {
    // After an active open this is the simultaneous-open SYN,ACK; after a passive one it fails the sequence check.
    add("a SYN,ACK repeating the peer's SYN (seq = IRS), acknowledging our SYN", seg(["SYN", "ACK"], tcb.irs, n));
    add("a SYN,ACK repeating the peer's SYN (seq = IRS), ack = SND.UNA", seg(["SYN", "ACK"], tcb.irs, u));
    add("a SYN,ACK repeating the peer's SYN (seq = IRS), ack = SND.NXT + 1", seg(["SYN", "ACK"], tcb.irs, n + 1));
  } else {
    add("an old SYN,ACK (the peer's handshake segment again)", seg(["SYN", "ACK"], tcb.irs, wrap(i + 1)));
  }
  add("a FIN without ACK at RCV.NXT", seg(["FIN"], r));
  add("a segment with no flags at RCV.NXT", seg([], r));
  return out;
}

/**
 * Every one of the 256 flag combinations, each as a Flags value whose keys run in
 * the reverse of header order (FIN first): a nextState that reads the bits by
 * position instead of by name is caught on every run.
 */
const ALL_FLAG_SETS: readonly Flags[] = Array.from({ length: 256 }, (_, byte) => {
  const set = flags(...FLAG_NAMES.filter((_, k) => (byte & (0x80 >> k)) !== 0));
  return Object.fromEntries([...FLAG_NAMES].reverse().map((n) => [n, set[n]])) as Flags;
});

/**
 * Every flag combination the course can send, aimed where it matters most: at
 * RCV.NXT (or at the peer's ISN before a connection exists) and carrying an ack
 * that would be acceptable, even when the ACK bit is clear (a rule that reads
 * SEG.ACK without looking at the bit is caught). In CLOSED also with 10 bytes of
 * data, the one state where segments carry data.
 */
export function allFlagsFor(s: Situation): readonly Case[] {
  const t = s.tcb;
  const synchronized = SYNCHRONIZED.has(t.state);
  const ack = t.sndNxt === t.iss ? wrap(t.iss + 1) : t.sndNxt;
  // [seq, data length, how to say it]; in SYN-RECEIVED also at IRS, where the simultaneous-open SYN,ACK sits.
  const at: (readonly [number, number, string])[] = synchronized ? [[t.rcvNxt, 0, "at RCV.NXT"]] : [[wrap(t.iss + 200), 0, ""]];
  if (t.state === "SYN-RECEIVED") at.push([t.irs, 0, "at IRS"]);
  if (t.state === "CLOSED") at.push([wrap(t.iss + 200), 10, "with 10 bytes of data"]);
  return at.flatMap(([seq, len, where]) =>
    ALL_FLAG_SETS.map((f): Case => ({
      situation: s.name,
      what: `flags ${setFlagNamesText(f)}${where ? ` ${where}` : ""} (ack field ${ack}${f.ACK ? "" : ", ACK bit clear"})`,
      tcb: t,
      event: { kind: "segment", segment: rawSeg(f, seq, ack, len) },
    })),
  );
}

function setFlagNamesText(f: Flags): string {
  const names = FLAG_NAMES.filter((n) => f[n]);
  return names.length === 0 ? "(none)" : names.join(",");
}

/**
 * Every situation × every event, for every ISN pair (wrap-around included), and
 * every flag combination for the first, readable pair: the exhaustive domain.
 */
export const ALL_CASES: readonly Case[] = [
  ...ISN_PAIRS.flatMap(([i, p]) => situations(i, p).flatMap(eventsFor)),
  ...ISN_PAIRS.slice(0, 1).flatMap(([i, p]) => situations(i, p).flatMap(allFlagsFor)),
].filter((c) => isModelled(c.tcb, c.event));

/**
 * What the course never sends to nextState, as the stubs say: a segment with
 * both SYN and FIN (a real stack queues the FIN for later), data (dataLength > 0)
 * anywhere but in CLOSED, and a FIN at RCV.NXT after the peer's FIN is in (no
 * correct peer sends a second one).
 */
export function isModelled(tcb: Tcb, event: TcpEvent): boolean {
  if (event.kind !== "segment") return true;
  const s = event.segment;
  const f = s.flags;
  if (f.SYN && f.FIN) return false;
  if (s.dataLength !== 0 && tcb.state !== "CLOSED") return false;
  return !(f.FIN && !f.RST && PEER_FIN_IN.has(tcb.state) && s.seq === tcb.rcvNxt);
}

/**
 * A random segment for a random situation: flags from SYN, ACK, RST, FIN, PSH,
 * seq and ack picked near the numbers that matter (RCV.NXT, IRS, SND.NXT,
 * SND.UNA, ISS, one off each way) or anywhere, ISNs biased to the edges.
 */
export function randomCase(isn: fc.Arbitrary<number>, situationsUpTo: number): fc.Arbitrary<Case> {
  return fc
    .record({
      i: isn,
      p: isn,
      which: fc.nat({ max: situationsUpTo }),
      names: fc.subarray<FlagName>(["SYN", "ACK", "RST", "FIN", "PSH", "URG", "ECE", "CWR"]),
      order: fc.shuffledSubarray([...FLAG_NAMES], { minLength: FLAG_NAMES.length }),
      staleAck: fc.boolean(),
      seqPick: fc.nat({ max: 4 }),
      ackPick: fc.nat({ max: 5 }),
      anySeq: isn,
      anyAck: isn,
    })
    .map(({ i, p, which, names, order, staleAck, seqPick, ackPick, anySeq, anyAck }): Case => {
      const s = situationAt(i, p, which);
      const t = s.tcb;
      const seqs = [t.rcvNxt, wrap(t.rcvNxt + 1), wrap(t.rcvNxt - 1), p, anySeq];
      const acks = [t.sndNxt, t.sndUna, wrap(t.sndNxt + 1), t.iss, wrap(t.iss - 1), anyAck];
      // The bits in a random key order: a correct nextState reads them by name.
      const f = Object.fromEntries(order.map((n) => [n, names.includes(n)])) as Flags;
      // Without the ACK bit the ack field means nothing; sometimes it still holds a number.
      // Never exactly 2^31 from SND.UNA or SND.NXT, where lesson 02 allows either answer.
      const ack = names.includes("ACK") || staleAck ? awayFromAntipodes(acks[ackPick]!, [t.sndUna, t.sndNxt]) : 0;
      const segment = rawSeg(f, seqs[seqPick]!, ack);
      return { situation: s.name, what: "a generated segment", tcb: t, event: { kind: "segment", segment } };
    })
    .filter((c) => isModelled(c.tcb, c.event));
}

/**
 * The events lesson 04's nextState hands to openingTransitions (the learner's
 * lesson-03 nextState), exactly as exercises/04-teardown.ts says, and so exactly
 * what lesson 03 grades:
 * - every open; close and abort in CLOSED, LISTEN and SYN-SENT; the 2MSL timeout
 *   anywhere but in TIME-WAIT;
 * - every segment in CLOSED, LISTEN and SYN-SENT;
 * - in SYN-RECEIVED, what passes lesson 04's two checks: a RST, a segment at
 *   RCV.NXT (a SYN there only from a passive open), and, from an active open, the
 *   simultaneous-open SYN,ACK (SEG.SEQ = IRS);
 * never what the course does not send (isModelled).
 */
export function handedToOpening(tcb: Tcb, event: TcpEvent): boolean {
  if (!isModelled(tcb, event)) return false;
  const opening = tcb.state === "CLOSED" || tcb.state === "LISTEN" || tcb.state === "SYN-SENT";
  switch (event.kind) {
    case "open":
      return true;
    case "close":
    case "abort":
      return opening;
    case "time-wait-timeout":
      return tcb.state !== "TIME-WAIT";
    case "segment": {
      if (opening) return true;
      if (tcb.state !== "SYN-RECEIVED") return false;
      const s = event.segment;
      const f = s.flags;
      if (f.RST) return true;
      if (isSimultaneousOpenSynAck(tcb, s)) return true;
      if (s.seq !== tcb.rcvNxt) return false;
      return !f.SYN || tcb.passiveOpen;
    }
  }
}

/** In SYN-RECEIVED from an active open: the peer's SYN,ACK repeating its SYN (SEG.SEQ = IRS). */
export function isSimultaneousOpenSynAck(tcb: Tcb, s: Segment): boolean {
  const f = s.flags;
  return tcb.state === "SYN-RECEIVED" && !tcb.passiveOpen && f.SYN && f.ACK && !f.RST && s.seq === tcb.irs;
}

// ── Comparison ─────────────────────────────────────────────────────────────────

type NumericField = "iss" | "sndUna" | "sndNxt" | "irs" | "rcvNxt";

/** Every field of a TCB: all are compared, in every state (the stubs say what each holds). */
const TCB_FIELDS: readonly (keyof Tcb)[] = ["state", "passiveOpen", "iss", "sndUna", "sndNxt", "irs", "rcvNxt"];

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null;
}

/** Does it look like a Transition at all (so that printing and drawing it are safe)? */
export function isTransition(x: unknown): x is Transition {
  if (!isObject(x) || !isObject(x.tcb) || !Array.isArray(x.send)) return false;
  if (!STATES.includes(x.tcb.state as State)) return false;
  return x.send.every((s: unknown) => isObject(s) && isObject(s.flags) && typeof s.seq === "number" && typeof s.ack === "number" && typeof s.dataLength === "number");
}

/** The same segment exactly: all eight flags, seq, ack (0 when the ACK bit is clear) and dataLength. */
function sameSegment(a: Segment, e: Segment): boolean {
  return FLAG_NAMES.every((n) => a.flags[n] === e.flags[n]) && a.seq === e.seq && a.ack === e.ack && a.dataLength === e.dataLength;
}

/** Exact agreement: every TCB field, and the same segments in the same order. */
export function agrees(actual: unknown, expected: Transition): boolean {
  if (!isTransition(actual)) return false;
  if (TCB_FIELDS.some((field) => actual.tcb[field] !== expected.tcb[field])) return false;
  if (actual.send.length !== expected.send.length) return false;
  return actual.send.every((s, k) => sameSegment(s, expected.send[k]!));
}

/**
 * Where exactly two answers differ, in words: "tcb.passiveOpen: true, yours
 * false". For the case where both print the same (a flag the picture does not
 * show, the ack field of a segment without ACK, a field of a CLOSED TCB).
 */
export function differences(actual: unknown, expected: Transition): string[] {
  if (!isTransition(actual)) return [];
  const out: string[] = [];
  for (const field of TCB_FIELDS) {
    if (actual.tcb[field] !== expected.tcb[field]) out.push(`tcb.${field}: the RFC ${JSON.stringify(expected.tcb[field])}, yours ${JSON.stringify(actual.tcb[field])}`);
  }
  if (actual.send.length !== expected.send.length) {
    out.push(`send: the RFC sends ${expected.send.length} segment(s), yours ${actual.send.length}`);
    return out;
  }
  actual.send.forEach((a, k) => {
    const e = expected.send[k]!;
    for (const n of FLAG_NAMES) if (a.flags[n] !== e.flags[n]) out.push(`send[${k}].flags.${n}: the RFC ${e.flags[n]}, yours ${String(a.flags[n])}`);
    for (const field of ["seq", "ack", "dataLength"] as const) {
      if (a[field] !== e[field]) out.push(`send[${k}].${field}: the RFC ${e[field]}, yours ${JSON.stringify(a[field])}${field === "ack" && !e.flags.ACK ? " (must be 0 when the ACK flag is clear)" : ""}`);
    }
  });
  return out;
}

/**
 * The answers a correct solution may give, the reference's first. The stubs of
 * lessons 03 and 04 allow a choice in one place: a RST in a synchronized state
 * whose SEG.SEQ is not exactly RCV.NXT is dropped, or answered with a challenge
 * ACK <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> (RFC 5961 §3.2: in the window it earns
 * one; with no window in this model both are right). The state and numbers stay.
 */
export function correctAnswers(tcb: Tcb, event: TcpEvent, expected: Transition): readonly Transition[] {
  if (event.kind !== "segment") return [expected];
  const s = event.segment;
  if (SYNCHRONIZED.has(tcb.state) && s.flags.RST && s.seq !== tcb.rcvNxt) return [expected, stay(tcb, []), stay(tcb, [ackOf(tcb)])];
  return [expected];
}

/** The same state and numbers, sending `send`. (A function of its own, not a closure: correctAnswers runs at every step.) */
function stay(tcb: Tcb, send: readonly Segment[]): Transition {
  return { tcb, send };
}

export function agreesWithSome(actual: unknown, answers: readonly Transition[]): boolean {
  return answers.some((e) => agrees(actual, e));
}

// ── Printing ─────────────────────────────────────────────────────────────────

export function showTcb(tcb: Tcb): string {
  const origin = tcb.state === "SYN-RECEIVED" ? (tcb.passiveOpen ? " from a passive OPEN" : " from an active OPEN") : "";
  const names: Record<NumericField, string> = { iss: "iss", sndUna: "snd.una", sndNxt: "snd.nxt", irs: "irs", rcvNxt: "rcv.nxt" };
  // CLOSED and LISTEN hold only the ISS; show any other number only when it is not what they hold.
  const bare: Tcb = tcb.state === "LISTEN" ? { ...closedTcb(tcb.iss), state: "LISTEN", passiveOpen: true } : closedTcb(tcb.iss);
  const all = Object.keys(names) as NumericField[];
  const shown = tcb.state === "CLOSED" || tcb.state === "LISTEN" ? all.filter((f) => f === "iss" || tcb[f] !== bare[f]) : all;
  return `${tcb.state}${origin} (${shown.map((f) => `${names[f]}=${tcb[f]}`).join(" ")})`;
}

export function showCase(c: Case): string {
  return `${showTcb(c.tcb)} + ${c.what}: ${eventText(c.event)}`;
}

export function showTransition(t: unknown): string {
  if (!isTransition(t)) return `not a Transition: ${JSON.stringify(t)}`;
  return `${showTcb(t.tcb)}, sends ${segmentsLabel(t.send)}`;
}

// ── Pictures ───────────────────────────────────────────────────────────────────

/** Rows for one event arriving at the left end ("you") from the right end ("peer"). */
function eventRows(event: TcpEvent): DiagramRow[] {
  if (event.kind === "segment") return [{ middle: { arrow: "right", label: segmentText(event.segment) } }];
  return [{ middle: { text: `your application: ${eventText(event)}`, align: "left" } }];
}

function outcomeRows(heading: string, t: Transition): DiagramRow[] {
  const rows: DiagramRow[] = [{ middle: { text: heading, align: "left" } }];
  if (t.send.length === 0) rows.push({ left: t.tcb.state, middle: { text: "(sends nothing)", align: "left" } });
  t.send.forEach((s, k) => rows.push({ left: k === 0 ? t.tcb.state : undefined, middle: { arrow: "left", label: segmentText(s) } }));
  return rows;
}

/**
 * Said under a lesson-04 failure on an event lesson 04 hands to the learner's
 * lesson-03 function: that file decides the answer, so that is where to look.
 */
export const HANDED_NOTE =
  "This event is answered by your lesson-03 nextState (exercises/03-handshake.ts): lesson 04's nextState hands it to openingTransitions unchanged. Run `npm run grade -- 03`; if lesson 03 passes, check that lesson 04 hands this event over as its stub says.";

/** One step drawn: the state, the event, what the RFC does and what your code did, and exactly where they differ. */
export function stepPicture(tcb: Tcb, event: TcpEvent, expected: Transition, actual: unknown, options: { handedNote?: boolean } = {}): string {
  const rows: DiagramRow[] = [{ left: tcb.state, middle: { text: showTcb(tcb).replace(`${tcb.state} `, ""), align: "left" } }];
  rows.push(...eventRows(event));
  rows.push(...outcomeRows("the RFC:", expected));
  if (isTransition(actual)) rows.push(...outcomeRows("yours:", actual));
  // Two identical end lines would send the learner hunting for a difference that is not there.
  const same = isTransition(actual) && showTcb(actual.tcb) === showTcb(expected.tcb);
  const footer = same ? [`both end in ${showTcb(expected.tcb)}: the difference is in what is sent`] : [`the RFC ends in ${showTcb(expected.tcb)}`];
  if (isTransition(actual)) {
    if (!same) footer.push(`yours ends in  ${showTcb(actual.tcb)}`);
    footer.push(...differences(actual, expected).map((d) => `differs: ${d}`));
  }
  if (options.handedNote && handedToOpening(tcb, event)) footer.push(HANDED_NOTE);
  return drawSequenceDiagram({ left: "you (nextState)", right: "peer", rows, footer });
}

// ── Conversations: two endpoints, a network, a script ─────────────────────────

export type End = "client" | "server";

/** What an attacker or an old segment can inject, relative to the receiver's numbers. */
export type Injection = "rst-exact" | "rst-off-by-one" | "old-syn";

export type Action =
  | { readonly kind: "open"; readonly end: End; readonly mode: "passive" | "active" }
  | { readonly kind: "close" | "abort" | "time-wait-timeout"; readonly end: End }
  | { readonly kind: "deliver" | "drop" | "duplicate" | "delay" }
  | { readonly kind: "inject"; readonly to: End; readonly what: Injection; readonly seq: number };

export interface Script {
  readonly clientIss: number;
  readonly serverIss: number;
  readonly actions: readonly Action[];
}

/** One thing that happened: an event processed by one end (or a network action). */
export interface Step {
  readonly action: Action;
  readonly end: End | null;
  /** The event the end processed, and its TCB before it (absent for network-only steps). */
  readonly event?: TcpEvent;
  readonly before?: Tcb;
  /** What the end's nextState returned. */
  readonly result?: Transition;
  /** The segment the network dropped, copied or held up. */
  readonly touched?: Segment;
  /** Set when the event was outside the lesson's part of the machine and was not fed to it. */
  readonly skipped?: boolean;
  readonly client: State;
  readonly server: State;
}

export interface Conversation {
  readonly steps: readonly Step[];
  /** nextState returned something that is not a Transition: the conversation stopped there. */
  readonly malformed: boolean;
}

interface InFlight {
  readonly to: End;
  readonly segment: Segment;
}

const other = (end: End): End => (end === "client" ? "server" : "client");

/** How many deliveries may follow the script, so every run ends. */
const DRAIN = 12;

/** Where a conversation stands: both TCBs, the network (a queue, oldest first) and the steps so far. */
interface Talk {
  readonly next: NextState;
  readonly inScope: ((tcb: Tcb, event: TcpEvent) => boolean) | undefined;
  readonly tcbs: Record<End, Tcb>;
  readonly network: InFlight[];
  readonly steps: Step[];
}

/** A delivery after the script, to drain the network. */
const DRAIN_DELIVERY: Action = Object.freeze({ kind: "deliver" });

/** One end processes an event; false when nextState returned something that is not a Transition. */
function feed(talk: Talk, action: Action, end: End, event: TcpEvent): boolean {
  const { tcbs, steps } = talk;
  const before = tcbs[end];
  if (talk.inScope && !talk.inScope(before, event)) {
    steps.push({ action, end, event, before, skipped: true, client: tcbs.client.state, server: tcbs.server.state });
    return true;
  }
  const result = talk.next(before, event);
  if (!isTransition(result)) {
    steps.push({ action, end, event, before, result, client: tcbs.client.state, server: tcbs.server.state });
    return false;
  }
  tcbs[end] = result.tcb;
  const to = other(end);
  for (const segment of result.send) talk.network.push({ to, segment });
  steps.push({ action, end, event, before, result, client: tcbs.client.state, server: tcbs.server.state });
  return true;
}

/**
 * Runs a script with `next` at both ends. Deliveries are in order from one queue
 * (the network); once the script is done, what is still in flight is delivered,
 * up to a bound. With `inScope`, events outside it are not fed to `next`: a
 * segment is then consumed without effect, and the step is marked `skipped`.
 */
export function converse(next: NextState, script: Script, inScope?: (tcb: Tcb, event: TcpEvent) => boolean): Conversation {
  const talk: Talk = { next, inScope, tcbs: { client: closedTcb(script.clientIss), server: closedTcb(script.serverIss) }, network: [], steps: [] };
  const { tcbs, network, steps } = talk;
  const scripted = script.actions.length;

  for (let index = 0; index < scripted + DRAIN; index++) {
    const draining = index >= scripted;
    const action = draining ? DRAIN_DELIVERY : script.actions[index]!;
    let ok = true;
    switch (action.kind) {
      case "open":
        ok = feed(talk, action, action.end, { kind: "open", mode: action.mode });
        break;
      case "close":
      case "abort":
      case "time-wait-timeout":
        ok = feed(talk, action, action.end, { kind: action.kind });
        break;
      case "inject": {
        const segment = injected(tcbs[action.to], action.what, action.seq);
        ok = feed(talk, action, action.to, { kind: "segment", segment });
        break;
      }
      case "deliver": {
        const head = network.shift();
        if (head !== undefined) ok = feed(talk, action, head.to, { kind: "segment", segment: head.segment });
        else if (!draining) steps.push({ action, end: null, client: tcbs.client.state, server: tcbs.server.state });
        break;
      }
      case "drop":
      case "duplicate":
      case "delay": {
        const head = network[0];
        if (head === undefined) {
          steps.push({ action, end: null, client: tcbs.client.state, server: tcbs.server.state });
          break;
        }
        if (action.kind === "drop") network.shift();
        else if (action.kind === "duplicate") network.unshift(head);
        else network.push(network.shift()!);
        steps.push({ action, end: head.to, touched: head.segment, client: tcbs.client.state, server: tcbs.server.state });
        break;
      }
    }
    if (!ok) return { steps, malformed: true };
    if (draining && network.length === 0) break;
  }
  return { steps, malformed: false };
}

/**
 * Conversations already run, per nextState, per scope and per script. Properties
 * that draw their scripts from the same generator are given the same scripts
 * (fast-check is seeded the same for every property), so without this each of
 * them would run the same conversations again, with the same function.
 */
const RUNS = new WeakMap<NextState, Map<unknown, Map<string, Conversation>>>();
/** Past this many scripts per function the memo starts again (it only saves time). */
const MEMO_LIMIT = 1000;
const NO_SCOPE = Symbol("no scope");
/** Each script's key, made once: the reference and the learner's code are given the same (frozen) script. */
const KEYS = new WeakMap<Script, string>();

function keyOf(script: Script): string {
  let key = KEYS.get(script);
  if (key === undefined) KEYS.set(script, (key = JSON.stringify(script)));
  return key;
}

/**
 * converse(next, script, inScope), run once per function, scope and script: the
 * same script asked again (by another property) gives the conversation already
 * run. What the properties check is unchanged; only the repeated runs are saved.
 */
export function conversationOf(next: NextState, script: Script, inScope?: (tcb: Tcb, event: TcpEvent) => boolean): Conversation {
  if (typeof next !== "function") return converse(next, script, inScope);
  let byScope = RUNS.get(next);
  if (byScope === undefined) RUNS.set(next, (byScope = new Map()));
  const scope = inScope ?? NO_SCOPE;
  let memo = byScope.get(scope);
  if (memo === undefined) byScope.set(scope, (memo = new Map()));
  const key = keyOf(script);
  let conversation = memo.get(key);
  if (conversation === undefined) {
    conversation = converse(next, script, inScope);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, conversation);
  }
  return conversation;
}

function injected(target: Tcb, what: Injection, seq: number): Segment {
  switch (what) {
    case "rst-exact":
      return seg(["RST"], target.rcvNxt);
    case "rst-off-by-one":
      return seg(["RST"], target.rcvNxt + 1);
    case "old-syn":
      return seg(["SYN"], seq);
  }
}

const end: fc.Arbitrary<End> = fc.constantFrom("client", "server");

const isn: fc.Arbitrary<number> = fc.oneof(fc.constantFrom(0, 100, 300, 2 ** 31 - 1, 2 ** 31, SEQ_MODULUS - 2, SEQ_MODULUS - 1), fc.nat({ max: SEQ_MODULUS - 1 }));

/**
 * Random scripts. Most begin as a real connection does (the server listens, the
 * client connects); then deliveries dominate, with closes, losses, copies,
 * delays, timeouts, aborts and the odd injected segment in between.
 */
export function scriptArb(options: { closing: boolean }): fc.Arbitrary<Script> {
  const weights = options.closing
    ? { deliver: 10, close: 3, timeout: 2, abort: 1, net: 1, inject: 1, open: 1 }
    : { deliver: 8, close: 1, timeout: 0, abort: 1, net: 2, inject: 2, open: 2 };
  const actionArb: fc.Arbitrary<Action> = fc.oneof(
    { weight: weights.deliver, arbitrary: fc.constant<Action>({ kind: "deliver" }) },
    { weight: weights.close, arbitrary: end.map((e): Action => ({ kind: "close", end: e })) },
    { weight: Math.max(weights.timeout, 1), arbitrary: end.map((e): Action => ({ kind: "time-wait-timeout", end: e })) },
    { weight: weights.abort, arbitrary: end.map((e): Action => ({ kind: "abort", end: e })) },
    { weight: weights.net, arbitrary: fc.constantFrom<Action>({ kind: "drop" }, { kind: "duplicate" }, { kind: "delay" }) },
    {
      weight: weights.inject,
      arbitrary: fc
        .record({ to: end, what: fc.constantFrom<Injection>("rst-exact", "rst-off-by-one", "old-syn"), seq: isn })
        .map((r): Action => ({ kind: "inject", ...r })),
    },
    {
      weight: weights.open,
      arbitrary: fc.record({ e: end, mode: fc.constantFrom<"passive" | "active">("passive", "active") }).map((r): Action => ({ kind: "open", end: r.e, mode: r.mode })),
    },
  );
  const usualStart: readonly Action[] = [
    { kind: "open", end: "server", mode: "passive" },
    { kind: "open", end: "client", mode: "active" },
  ];
  const simultaneousStart: readonly Action[] = [
    { kind: "open", end: "server", mode: "active" },
    { kind: "open", end: "client", mode: "active" },
  ];
  const start = fc.oneof(
    { weight: 6, arbitrary: fc.constant(usualStart) },
    { weight: 2, arbitrary: fc.constant(simultaneousStart) },
    { weight: 1, arbitrary: fc.constant<readonly Action[]>([]) },
  );
  return fc
    .record({ clientIss: isn, serverIss: isn, start, rest: fc.array(actionArb, { maxLength: options.closing ? 24 : 14 }) })
    .map(({ clientIss, serverIss, start: s, rest }) => ({
      clientIss,
      serverIss,
      // An old SYN is answered with ack = its seq + 1, which the other end compares
      // with its own numbers: never exactly 2^31 away (lesson 02 allows either answer there).
      actions: [...s, ...rest].map((a) => (a.kind === "inject" ? { ...a, seq: awayFromAntipodes(a.seq, [clientIss, serverIss]) } : a)),
    }));
}

export function showAction(a: Action): string {
  switch (a.kind) {
    case "open":
      return `${a.end}: ${a.mode} OPEN`;
    case "close":
    case "abort":
      return `${a.end}: ${a.kind.toUpperCase()}`;
    case "time-wait-timeout":
      return `${a.end}: 2MSL timeout`;
    case "inject":
      return `to ${a.to}: ${a.what === "old-syn" ? `an old SYN seq=${a.seq}` : a.what === "rst-exact" ? "a RST at its RCV.NXT" : "a RST at its RCV.NXT + 1"}`;
    default:
      return `network: ${a.kind}`;
  }
}

export function showScript(s: Script): string {
  return `client ISN ${s.clientIss}, server ISN ${s.serverIss}; ${s.actions.map(showAction).join("; ")}`;
}

/** A short account of a conversation: both states after each step (the last 16 steps of a long one). */
export function showConversation(c: Conversation): string {
  if (c.steps.length === 0) return "no steps";
  const shown = c.steps.slice(-16).map((s) => `${s.client}/${s.server}`);
  const skipped = c.steps.length - shown.length;
  const tail = c.malformed ? " (stopped: nextState returned something that is not a Transition)" : "";
  return `client/server after each step: ${skipped > 0 ? `(${skipped} earlier) ` : ""}${shown.join(", ")}${tail}`;
}

/**
 * A conversation drawn as a sequence diagram, the client on the left, up to and
 * including step `upTo`, with optional footer lines.
 */
export function conversationPicture(c: Conversation, upTo: number, footer: readonly string[]): string {
  const rows: DiagramRow[] = [{ left: "CLOSED", right: "CLOSED" }];
  const side = (e: End) => (e === "client" ? "left" : "right") as "left" | "right";
  const shown = c.steps.slice(0, upTo + 1);
  // Keep pictures short: a long run shows only its last 24 steps.
  const first = Math.max(0, shown.length - 24);
  if (first > 0) rows.push({ middle: { text: `(${first} earlier steps not shown)` } });
  shown.slice(first).forEach((step, k) => {
    const index = first + k;
    const mark = index === upTo ? " <-- here" : "";
    // Show an end's state when it changed, and after its own application's calls.
    const previous = index === 0 ? { client: "CLOSED", server: "CLOSED" } : c.steps[index - 1]!;
    const shows = (e: End) => step[e] !== previous[e] || (step.end === e && step.event !== undefined && step.event.kind !== "segment");
    const states = { left: shows("client") ? step.client : undefined, right: shows("server") ? step.server : undefined };
    if (step.end === null) {
      rows.push({ middle: { text: `${showAction(step.action)} (nothing in flight)` } });
      return;
    }
    if (step.touched) {
      const style = step.action.kind === "drop" ? "lost" : "sent";
      rows.push({ middle: { arrow: side(other(step.end)), label: `${segmentText(step.touched)} (${step.action.kind})`, style } });
      return;
    }
    const event = step.event!;
    const skipped = step.skipped ? " (lesson 04)" : "";
    if (event.kind === "segment") {
      rows.push({ ...states, middle: { arrow: side(other(step.end)), label: `${segmentText(event.segment)}${skipped}${mark}` } });
    } else {
      rows.push({ ...states, middle: { text: `${step.end}: ${eventText(event)}${skipped}${mark}`, align: side(step.end) } });
    }
  });
  return drawSequenceDiagram({ left: "client", right: "server", rows, footer });
}

/**
 * The first step at which `next` does not give one of the RFC's answers, judged
 * by the reference from the same TCB and event. -1 when every step agrees.
 */
export function firstDisagreement(c: Conversation, reference: NextState): number {
  return c.steps.findIndex((step) => {
    if (step.before === undefined || step.event === undefined || step.skipped) return false;
    const expected = reference(step.before, step.event);
    return !agreesWithSome(step.result, correctAnswers(step.before, step.event, expected));
  });
}

/** Footer lines describing the RFC's answer and the learner's at one step. */
export function disagreementLines(step: Step, reference: NextState, options: { handedNote?: boolean } = {}): string[] {
  const expected = reference(step.before!, step.event!);
  return [
    `at the ${step.end}, in ${showTcb(step.before!)}, on ${eventText(step.event!)}:`,
    `  the RFC: ${showTransition(expected)}`,
    `  yours:   ${showTransition(step.result)}`,
    ...differences(step.result, expected).map((d) => `  differs: ${d}`),
    ...(options.handedNote && handedToOpening(step.before!, step.event!) ? [HANDED_NOTE] : []),
  ];
}

// ── The RFC's state diagram (RFC 9293 Figure 5, with the rows of tcp-facts §2) ──

const EDGES: ReadonlySet<string> = new Set(
  [
    "CLOSED>LISTEN",
    "CLOSED>SYN-SENT",
    "LISTEN>SYN-SENT",
    "LISTEN>SYN-RECEIVED",
    "LISTEN>CLOSED",
    "SYN-SENT>CLOSED",
    "SYN-SENT>SYN-RECEIVED",
    "SYN-SENT>ESTABLISHED",
    "SYN-RECEIVED>LISTEN",
    "SYN-RECEIVED>CLOSED",
    "SYN-RECEIVED>ESTABLISHED",
    "SYN-RECEIVED>FIN-WAIT-1",
    "SYN-RECEIVED>CLOSE-WAIT", // the ACK completes the handshake and carries a FIN
    "ESTABLISHED>FIN-WAIT-1",
    "ESTABLISHED>CLOSE-WAIT",
    "ESTABLISHED>CLOSED",
    "FIN-WAIT-1>FIN-WAIT-2",
    "FIN-WAIT-1>CLOSING",
    "FIN-WAIT-1>TIME-WAIT",
    "FIN-WAIT-1>CLOSED",
    "FIN-WAIT-2>TIME-WAIT",
    "FIN-WAIT-2>CLOSED",
    "CLOSE-WAIT>LAST-ACK",
    "CLOSE-WAIT>CLOSED",
    "CLOSING>TIME-WAIT",
    "CLOSING>CLOSED",
    "LAST-ACK>CLOSED",
    "TIME-WAIT>CLOSED",
  ],
);

/** Is from -> to an arrow of the diagram (or no change at all)? */
export function isDiagramEdge(from: State, to: State): boolean {
  return from === to || EDGES.has(`${from}>${to}`);
}

/** The first step whose state change is not an arrow of the diagram; -1 if none. */
export function firstOffDiagram(c: Conversation): number {
  return c.steps.findIndex((s) => s.before !== undefined && isTransition(s.result) && !isDiagramEdge(s.before.state, s.result.tcb.state));
}
