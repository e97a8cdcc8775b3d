/**
 * Is this a correct run of the scenario? Judged step by step, not by comparing
 * with the reference's run, because a correct nextState may choose among more
 * than one answer in a few places (lessons 03 and 04 accept them all: a
 * challenge ACK or silence for an inexact RST, an RST that also carries ACK,
 * numbers the RFC leaves undefined in CLOSED and LISTEN, ...). One different
 * but correct choice changes everything after it, so a plain comparison of
 * whole runs would fail a learner whose lesson-04 code is right.
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
  flags,
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
import { agrees, correctAnswers, showEvent, showTcb } from "../03-handshake/machine.ts";
import { showSegment } from "./show.ts";

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly step: number; readonly why: string };

const WAITING_FOR_ACK: readonly State[] = ["SYN-SENT", "SYN-RECEIVED", "FIN-WAIT-1", "CLOSING", "LAST-ACK"];
const other = (e: End): End => (e === "client" ? "server" : "client");
const segments = (list: readonly Segment[]) => (list.length === 0 ? "nothing" : list.map(showSegment).join(" + "));

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

export function checkRun(scenario: Scenario, result: unknown): Verdict {
  const r = result as { trace?: unknown; client?: unknown; server?: unknown; inFlight?: unknown; stopped?: unknown };
  if (typeof r !== "object" || r === null || !Array.isArray(r.trace)) return { ok: false, step: 0, why: "the result has no trace array" };
  const trace = r.trace as unknown[];

  const tcbs: Record<End, Tcb> = { client: closedTcb(scenario.clientIss), server: closedTcb(scenario.serverIss) };
  const last: Record<End, Segment | null> = { client: null, server: null };
  let network: InFlight[] = [];
  const limit = scenario.maxSteps ?? SIM_DEFAULT_MAX_STEPS;
  const fail = (step: number, why: string): Verdict => ({ ok: false, step, why });

  let i = 0;
  for (; i < limit; i++) {
    const action: SimAction | undefined = i < scenario.script.length ? scenario.script[i] : network.length > 0 ? { kind: "deliver" } : undefined;
    if (action === undefined) break;
    const step = trace[i];
    if (step === undefined) {
      return fail(i, i < scenario.script.length ? `the trace ends before script action ${i + 1}` : `the trace ends with ${network.length} segment(s) still in flight and steps left`);
    }
    if (!isStepLike(step)) return fail(i, "this trace entry is not a well-formed step");
    if (step.action !== action.kind) return fail(i, `this step should be a "${action.kind}", the trace says "${step.action}"`);

    // One end processes an event: the trace must show one of the correct answers.
    const processes = (end: End, event: TcpEvent, received: Segment | null, candidates: readonly Transition[]): Verdict | undefined => {
      if (step.end !== end) return fail(i, `this step happens to the ${end}, the trace says ${step.end ?? "nobody"}`);
      if (!isDeepStrictEqual(step.segment, received)) {
        return fail(i, received === null ? "segment should be null for this step" : `the ${end} should receive ${showSegment(received)}, the trace says ${step.segment ? showSegment(step.segment) : "null"}`);
      }
      const chosen = candidates.find((c) => agrees({ tcb: c.tcb, send: step.sent }, c) && step[end] === c.tcb.state);
      if (chosen === undefined) {
        const ref = candidates[0]!;
        return fail(i, `the ${end}, in ${showTcb(tcbs[end])}, on ${showEvent(event)}: a correct nextState goes to ${ref.tcb.state} and sends ${segments(ref.send)}; the trace shows ${step[end]}, sending ${segments(step.sent)}`);
      }
      if (step[other(end)] !== tcbs[other(end)].state) return fail(i, `the ${other(end)} takes no part in this step and should stay ${tcbs[other(end)].state}`);
      tcbs[end] = chosen.tcb;
      for (const s of step.sent) if (s.flags.SYN || s.flags.FIN) last[end] = s;
      network = [...network, ...step.sent.map((segment) => ({ to: other(end), segment }))];
      return undefined;
    };
    // Nothing happens to either end.
    const quiet = (end: End | null, segment: Segment | null): Verdict | undefined => {
      if (step.end !== end) return fail(i, `"end" should be ${end ?? "null"} in this step, the trace says ${step.end ?? "null"}`);
      if (!isDeepStrictEqual(step.segment, segment)) return fail(i, `"segment" should be ${segment ? showSegment(segment) : "null"} in this step`);
      if (step.sent.length > 0) return fail(i, `nobody sends anything in this step, the trace says ${segments(step.sent)}`);
      if (step.client !== tcbs.client.state || step.server !== tcbs.server.state) return fail(i, "neither end changes state in this step");
      return undefined;
    };

    let problem: Verdict | undefined;
    switch (action.kind) {
      case "open":
      case "close":
      case "abort":
      case "time-wait-timeout": {
        const event: TcpEvent = action.kind === "open" ? { kind: "open", mode: action.mode } : { kind: action.kind };
        problem = processes(action.end, event, null, answers(tcbs[action.end], event, scenario.handshake));
        break;
      }
      case "retransmit": {
        // A copy of this end's own last SYN or FIN, if one is still unacknowledged.
        const e = action.end;
        const again = WAITING_FOR_ACK.includes(tcbs[e].state) ? last[e] : null;
        if (step.end !== e || step.segment !== null) {
          problem = fail(i, `this step happens to the ${e}, with segment null`);
        } else if (!isDeepStrictEqual(step.sent, again === null ? [] : [again])) {
          problem = again === null
            ? fail(i, `the ${e} is in ${tcbs[e].state} with no SYN or FIN waiting for an ACK: a retransmission sends nothing`)
            : fail(i, `the ${e} is in ${tcbs[e].state}, still waiting for the ACK of ${showSegment(again)}: it sends exactly that segment again`);
        } else if (step.client !== tcbs.client.state || step.server !== tcbs.server.state) {
          problem = fail(i, "a retransmission changes no state");
        } else if (again !== null) {
          network = [...network, { to: other(e), segment: again }];
        }
        break;
      }
      case "old-syn": {
        const syn: Segment = { seq: action.seq, ack: 0, flags: flags("SYN"), dataLength: 0 };
        const event: TcpEvent = { kind: "segment", segment: syn };
        problem = processes(action.to, event, syn, answers(tcbs[action.to], event, scenario.handshake));
        break;
      }
      case "deliver": {
        const [head, ...rest] = network;
        if (head === undefined) {
          problem = quiet(null, null);
          break;
        }
        network = rest;
        const event: TcpEvent = { kind: "segment", segment: head.segment };
        const onSegment = answers(tcbs[head.to], event, scenario.handshake);
        const candidates = action.thenClose
          ? onSegment.flatMap((a) =>
              answers(a.tcb, { kind: "close" }, scenario.handshake).map((c): Transition => {
                const piggybacked = c.send.some((s) => s.flags.ACK);
                return { tcb: c.tcb, send: [...(piggybacked ? a.send.filter((s) => !isPureAck(s)) : a.send), ...c.send] };
              }),
            )
          : onSegment;
        problem = processes(head.to, event, head.segment, candidates);
        break;
      }
      case "drop":
      case "duplicate":
      case "delay": {
        const [head, ...rest] = network;
        if (head === undefined) {
          problem = quiet(null, null);
          break;
        }
        problem = quiet(head.to, head.segment);
        network = action.kind === "drop" ? rest : action.kind === "duplicate" ? [head, head, ...rest] : [...rest, head];
        break;
      }
    }
    if (problem) return problem;
  }

  if (trace.length !== i) {
    return fail(i, i === limit ? `the step bound is ${limit}, but the trace has ${trace.length} steps` : `the run is over after ${i} steps (script done, nothing in flight), but the trace has ${trace.length}`);
  }
  const settled = i >= scenario.script.length && network.length === 0;
  if (r.stopped !== (settled ? "settled" : "step-limit")) return fail(i, `stopped should be "${settled ? "settled" : "step-limit"}", not ${JSON.stringify(r.stopped)}`);
  if (!isDeepStrictEqual(r.inFlight, network)) {
    return fail(i, `inFlight should be [${network.map((f) => `${showSegment(f.segment)} to ${f.to}`).join(", ")}]`);
  }
  for (const e of ["client", "server"] as const) {
    const final = r[e];
    if (!agrees({ tcb: final as Tcb, send: [] }, { tcb: tcbs[e], send: [] })) return fail(i, `the final ${e} TCB should be ${showTcb(tcbs[e])}`);
  }
  return { ok: true };
}
