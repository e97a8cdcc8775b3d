/**
 * Is this a correct run of the scenario? Judged step by step, not by comparing
 * with the reference's run, because a correct nextState may choose between two
 * answers in one place (lessons 03 and 04 accept both: a challenge ACK or
 * silence for an inexact RST). One different but correct choice changes
 * everything after it, so a plain comparison of whole runs would fail a learner
 * whose lesson-04 code is right.
 *
 * So the checker replays the scenario itself, with the reference nextState at
 * both ends and the simulator's rules for the network, and at every step asks:
 * is what the learner's trace shows one of the correct answers
 * (grader/03-handshake/machine.ts: correctAnswers, agrees)? If it is, the
 * learner's own segments go on into the network, so the rest of the replay
 * follows the learner's choices. It also checks the step bound, the end of the
 * run, what is left in flight and the final TCBs.
 */
import { isDeepStrictEqual } from "node:util";
import {
  closedTcb,
  eventText,
  flags,
  segmentText,
  SIM_DEFAULT_MAX_STEPS,
  STATES,
  type End,
  type InFlight,
  type Scenario,
  type Segment,
  type SimAction,
  type SimStep,
  type State,
  type Tcb,
  type TcpEvent,
  type Transition,
} from "../../lib/tcp.ts";
import { nextState } from "../../solutions/04-teardown.ts";
import { agrees, correctAnswers, differences, showTcb } from "../03-handshake/machine.ts";

export type Verdict =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly step: number;
      readonly why: string;
      /** What a correct run has in flight just before the failing step, head first, each with the step that put it there. */
      readonly inFlight?: readonly string[];
    };

const WAITING_FOR_ACK: readonly State[] = ["SYN-SENT", "SYN-RECEIVED", "FIN-WAIT-1", "CLOSING", "LAST-ACK"];
const other = (e: End): End => (e === "client" ? "server" : "client");
const segments = (list: readonly Segment[]) => (list.length === 0 ? "nothing" : list.map(segmentText).join(" + "));

function isPureAck(s: Segment): boolean {
  return s.flags.ACK && !s.flags.SYN && !s.flags.FIN && !s.flags.RST && s.dataLength === 0;
}

/** The two-way thought experiment applied to one correct answer. */
function twoWay(before: Tcb, t: Transition): Transition {
  if (before.state === "LISTEN" && t.tcb.state === "SYN-RECEIVED") {
    return { tcb: { ...t.tcb, state: "ESTABLISHED", sndUna: t.tcb.sndNxt }, send: t.send };
  }
  return t;
}

/** Every correct answer of one end to one event, the reference's first. */
function answers(tcb: Tcb, event: TcpEvent, handshake: Scenario["handshake"]): readonly Transition[] {
  const all = correctAnswers(tcb, event, nextState(tcb, event));
  return handshake === "two-way" ? all.map((t) => twoWay(tcb, t)) : all;
}

function isSegmentLike(x: unknown): x is Segment {
  if (typeof x !== "object" || x === null) return false;
  const s = x as Segment;
  return typeof s.seq === "number" && typeof s.ack === "number" && typeof s.dataLength === "number" && typeof s.flags === "object" && s.flags !== null;
}

function isStepLike(x: unknown): x is SimStep {
  if (typeof x !== "object" || x === null) return false;
  const s = x as SimStep;
  return (
    typeof s.action === "string" &&
    (s.end === null || s.end === "client" || s.end === "server") &&
    (s.segment === null || isSegmentLike(s.segment)) &&
    Array.isArray(s.sent) &&
    s.sent.every(isSegmentLike) &&
    STATES.includes(s.client) &&
    STATES.includes(s.server)
  );
}

/** Where the replay stands: each end's TCB, its last SYN or FIN, and what is in flight (oldest first). */
interface Replay {
  readonly tcbs: Record<End, Tcb>;
  readonly last: Record<End, Segment | null>;
  /** Mutated in place: a queue, as in the simulator. */
  readonly network: InFlight[];
  /** Beside each entry of `network`: which steps put it where it is ("sent by the client at step 3, held up at step 5"). */
  readonly origins: string[];
}

/** The queue in words, head first, each segment with the steps that put it there. */
function describeQueue(replay: Replay): string[] {
  return replay.network.map((f, k) => `${k === 0 ? "head: " : ""}${segmentText(f.segment)} to the ${f.to} (${replay.origins[k]})`);
}

/** What one step of the check needs (one object per run, so no closure is made per step). */
interface StepCheck {
  readonly replay: Replay;
  readonly scenario: Scenario;
  readonly step: SimStep;
  readonly i: number;
}

const fail = (step: number, why: string): Verdict => ({ ok: false, step, why });

/** The same segment, or null, as isDeepStrictEqual judges (the same object is equal to itself). */
function sameSegmentValue(a: Segment | null, b: Segment | null): boolean {
  return a === b || isDeepStrictEqual(a, b);
}

/** One end processes an event: the trace must show one of the correct answers. */
function processes(c: StepCheck, end: End, event: TcpEvent, received: Segment | null, candidates: readonly Transition[]): Verdict | undefined {
  const { step, i, replay } = c;
  const { tcbs } = replay;
  if (step.end !== end) return fail(i, `this step happens to the ${end}, the trace says ${step.end ?? "nobody"}`);
  if (!sameSegmentValue(step.segment, received)) {
    return fail(i, received === null ? "segment should be null for this step" : `the ${end} should receive ${segmentText(received)}, the trace says ${step.segment ? segmentText(step.segment) : "null"}`);
  }
  let chosen: Transition | undefined;
  for (const candidate of candidates) {
    if (agrees({ tcb: candidate.tcb, send: step.sent }, candidate) && step[end] === candidate.tcb.state) {
      chosen = candidate;
      break;
    }
  }
  if (chosen === undefined) {
    const ref = candidates[0]!;
    // When both print alike (a flag or an ack field the text does not show), say which field differs.
    const differs = step[end] === ref.tcb.state ? differences({ tcb: ref.tcb, send: step.sent }, ref).map((d) => `; differs: ${d}`).join("") : "";
    return fail(i, `the ${end}, in ${showTcb(tcbs[end])}, on ${eventText(event)}: a correct nextState goes to ${ref.tcb.state} and sends ${segments(ref.send)}; the trace shows ${step[end]}, sending ${segments(step.sent)}${differs}`);
  }
  const peer = other(end);
  if (step[peer] !== tcbs[peer].state) return fail(i, `the ${peer} takes no part in this step and should stay ${tcbs[peer].state}`);
  tcbs[end] = chosen.tcb;
  for (const s of step.sent) {
    if (s.flags.SYN || s.flags.FIN) replay.last[end] = s;
    replay.network.push({ to: peer, segment: s });
    replay.origins.push(`sent by the ${end} at step ${i + 1}`);
  }
  return undefined;
}

/** Nothing happens to either end. */
function quiet(c: StepCheck, end: End | null, segment: Segment | null): Verdict | undefined {
  const { step, i } = c;
  const { tcbs } = c.replay;
  if (step.end !== end) return fail(i, `"end" should be ${end ?? "null"} in this step, the trace says ${step.end ?? "null"}`);
  if (!sameSegmentValue(step.segment, segment)) return fail(i, `"segment" should be ${segment ? segmentText(segment) : "null"} in this step`);
  if (step.sent.length > 0) return fail(i, `nobody sends anything in this step, the trace says ${segments(step.sent)}`);
  if (step.client !== tcbs.client.state || step.server !== tcbs.server.state) return fail(i, "neither end changes state in this step");
  return undefined;
}

/** The candidates for a delivery the receiver follows with close() at once: the FIN carries the ACK. */
function deliverThenClose(onSegment: readonly Transition[], handshake: Scenario["handshake"]): Transition[] {
  const out: Transition[] = [];
  for (const a of onSegment) {
    for (const c of answers(a.tcb, { kind: "close" }, handshake)) {
      const piggybacked = c.send.some((s) => s.flags.ACK);
      out.push({ tcb: c.tcb, send: [...(piggybacked ? a.send.filter((s) => !isPureAck(s)) : a.send), ...c.send] });
    }
  }
  return out;
}

/** Checks step i against the script's action; updates the replay when it is right. */
function checkStep(c: StepCheck, action: SimAction): Verdict | undefined {
  const { step, i, replay, scenario } = c;
  const { tcbs, network } = replay;
  switch (action.kind) {
    case "open":
    case "close":
    case "abort":
    case "time-wait-timeout": {
      const event: TcpEvent = action.kind === "open" ? { kind: "open", mode: action.mode } : { kind: action.kind };
      return processes(c, action.end, event, null, answers(tcbs[action.end], event, scenario.handshake));
    }
    case "retransmit": {
      // A copy of this end's own last SYN or FIN, if one is still unacknowledged.
      const e = action.end;
      const again = WAITING_FOR_ACK.includes(tcbs[e].state) ? replay.last[e] : null;
      if (step.end !== e || step.segment !== null) return fail(i, `this step happens to the ${e}, with segment null`);
      if (!isDeepStrictEqual(step.sent, again === null ? [] : [again])) {
        return again === null
          ? fail(i, `the ${e} is in ${tcbs[e].state} with no SYN or FIN waiting for an ACK: a retransmission sends nothing`)
          : fail(i, `the ${e} is in ${tcbs[e].state}, still waiting for the ACK of ${segmentText(again)}: it sends exactly that segment again`);
      }
      if (step.client !== tcbs.client.state || step.server !== tcbs.server.state) return fail(i, "a retransmission changes no state");
      if (again !== null) {
        network.push({ to: other(e), segment: again });
        replay.origins.push(`retransmitted by the ${e} at step ${i + 1}`);
      }
      return undefined;
    }
    case "old-syn": {
      const syn: Segment = { seq: action.seq, ack: 0, flags: flags("SYN"), dataLength: 0 };
      const event: TcpEvent = { kind: "segment", segment: syn };
      return processes(c, action.to, event, syn, answers(tcbs[action.to], event, scenario.handshake));
    }
    case "deliver": {
      const head = network.shift();
      replay.origins.shift();
      if (head === undefined) return quiet(c, null, null);
      const event: TcpEvent = { kind: "segment", segment: head.segment };
      const onSegment = answers(tcbs[head.to], event, scenario.handshake);
      return processes(c, head.to, event, head.segment, action.thenClose ? deliverThenClose(onSegment, scenario.handshake) : onSegment);
    }
    case "drop":
    case "duplicate":
    case "delay": {
      const head = network[0];
      if (head === undefined) return quiet(c, null, null);
      const problem = quiet(c, head.to, head.segment);
      const { origins } = replay;
      if (action.kind === "drop") {
        network.shift();
        origins.shift();
      } else if (action.kind === "duplicate") {
        network.unshift(head);
        origins.unshift(`a copy made at step ${i + 1} of the one ${origins[0]}`);
      } else {
        network.push(network.shift()!);
        origins.push(`${origins.shift()}, held up at step ${i + 1}`);
      }
      return problem;
    }
  }
}

const DRAIN: SimAction = { kind: "deliver" };

export function checkRun(scenario: Scenario, result: unknown): Verdict {
  const r = result as { trace?: unknown; client?: unknown; server?: unknown; inFlight?: unknown; stopped?: unknown };
  if (typeof r !== "object" || r === null || !Array.isArray(r.trace)) return { ok: false, step: 0, why: "the result has no trace array" };
  const trace = r.trace as unknown[];
  const limit = scenario.maxSteps ?? SIM_DEFAULT_MAX_STEPS;
  const script = scenario.script;

  const replay: Replay = { tcbs: { client: closedTcb(scenario.clientIss), server: closedTcb(scenario.serverIss) }, last: { client: null, server: null }, network: [], origins: [] };
  const { tcbs, network } = replay;

  let i = 0;
  for (; i < limit; i++) {
    const action: SimAction | undefined = i < script.length ? script[i] : network.length > 0 ? DRAIN : undefined;
    if (action === undefined) break;
    const step = trace[i];
    if (step === undefined) {
      return fail(i, i < script.length ? `the trace ends before script action ${i + 1}` : `the trace ends with ${network.length} segment(s) still in flight and steps left`);
    }
    if (!isStepLike(step)) return fail(i, "this trace entry is not a well-formed step");
    if (step.action !== action.kind) return fail(i, `this step should be a "${action.kind}", the trace says "${step.action}"`);
    const queued = describeQueue(replay);
    const problem = checkStep({ replay, scenario, step, i }, action);
    if (problem && !problem.ok) return { ...problem, inFlight: queued };
  }

  if (trace.length !== i) {
    return fail(i, i === limit ? `the step bound is ${limit}, but the trace has ${trace.length} steps` : `the run is over after ${i} steps (script done, nothing in flight), but the trace has ${trace.length}`);
  }
  const settled = i >= script.length && network.length === 0;
  if (r.stopped !== (settled ? "settled" : "step-limit")) return fail(i, `stopped should be "${settled ? "settled" : "step-limit"}", not ${JSON.stringify(r.stopped)}`);
  if (!isDeepStrictEqual(r.inFlight, network)) {
    return fail(i, `inFlight should be [${network.map((f) => `${segmentText(f.segment)} to ${f.to}`).join(", ")}]`);
  }
  for (const e of ["client", "server"] as const) {
    const final = r[e];
    if (!agrees({ tcb: final as Tcb, send: [] }, { tcb: tcbs[e], send: [] })) {
      const differs = differences({ tcb: final as Tcb, send: [] }, { tcb: tcbs[e], send: [] }).map((d) => `; differs: ${d}`).join("");
      return fail(i, `the final ${e} TCB should be ${showTcb(tcbs[e])}${differs}`);
    }
  }
  return { ok: true };
}
