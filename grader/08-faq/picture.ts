/**
 * Pictures of lesson 08's counterexamples: a simulation run drawn as the
 * two-column sequence diagram of grader/kit/sequence-diagram.ts, client on the
 * left, server on the right, each end's state written beside its lifeline when
 * it changes.
 *
 * A segment that the very next step delivers (or drops) is drawn as one arrow
 * (or one arrow ending in X); one that waits in the network is drawn leaving
 * ("...") and, later, arriving.
 */
import { isDeepStrictEqual } from "node:util";
import { segmentText, type End, type Scenario, type Segment, type SimAction, type SimResult, type SimStep, type State } from "../../lib/tcp.ts";
import { checkRun } from "./check-run.ts";
import { drawSequenceDiagram, type ArrowStyle, type DiagramRow } from "../kit/sequence-diagram.ts";

/** Diagrams longer than this many steps are cut (a counterexample is rarely that long). */
const MAX_STEPS_DRAWN = 30;

const sideOf = (end: End): "left" | "right" => (end === "client" ? "left" : "right");
const other = (end: End): End => (end === "client" ? "server" : "client");
const stateOf = (step: SimStep, end: End): State => (end === "client" ? step.client : step.server);

/** Words for what an application or a timer did, from the script when we have it. */
function callWords(step: SimStep, action: SimAction | undefined): string {
  switch (action?.kind ?? step.action) {
    case "open":
      return action?.kind === "open" ? (action.mode === "passive" ? "listen()" : "connect()") : "open";
    case "close":
      return "close()";
    case "abort":
      return "abort";
    case "time-wait-timeout":
      return "2MSL timer fires";
    case "retransmit":
      return "retransmission timer fires";
    default:
      return step.action;
  }
}

function sameDelivery(next: SimStep | undefined, segment: Segment, to: End, kinds: readonly string[]): boolean {
  return next !== undefined && kinds.includes(next.action) && next.end === to && isDeepStrictEqual(next.segment, segment);
}

/** The rows of one run, at most `steps` steps of it. */
function rowsOf(scenario: Scenario, result: SimResult, steps: number): DiagramRow[] {
  const rows: DiagramRow[] = [];
  const shown: Record<End, State | undefined> = { client: "CLOSED", server: "CLOSED" };
  const label = (end: End, state: State) => {
    if (shown[end] === state) return undefined;
    shown[end] = state;
    return state;
  };
  const row = (states: Partial<Record<End, State>>, middle: DiagramRow["middle"]): DiagramRow => ({
    ...(states.client !== undefined ? { left: label("client", states.client) } : {}),
    ...(states.server !== undefined ? { right: label("server", states.server) } : {}),
    ...(middle ? { middle } : {}),
  });
  rows.push({ left: "CLOSED", right: "CLOSED" });

  const trace = result.trace.slice(0, steps);
  const drawnAlready = new Set<number>();
  trace.forEach((step, i) => {
    const action = i < scenario.script.length ? scenario.script[i] : undefined;
    const both = { client: step.client, server: step.server };
    if (!drawnAlready.has(i)) {
      if (step.end === null) {
        rows.push(row(both, { text: `${step.action}: nothing in flight` }));
      } else if (step.action === "deliver") {
        rows.push(row(both, { arrow: sideOf(other(step.end)), label: segmentText(step.segment!), style: "received" }));
      } else if (step.action === "old-syn") {
        rows.push(row(both, { arrow: sideOf(other(step.end)), label: `old ${segmentText(step.segment!)}`, style: "received" }));
      } else if (step.action === "drop" || step.action === "duplicate" || step.action === "delay") {
        const what = { drop: "lost", duplicate: "copied", delay: "held up" }[step.action];
        rows.push(row(both, { text: `network: ${segmentText(step.segment!)} ${what}` }));
      } else {
        rows.push(row(step.sent.length === 0 ? both : {}, { text: callWords(step, action), align: sideOf(step.end) }));
      }
    }
    if (action?.kind === "deliver" && action.thenClose && step.end !== null) {
      rows.push(row({}, { text: "close() at once", align: sideOf(step.end) }));
    }
    step.sent.forEach((segment, k) => {
      const from = step.end!;
      const next = trace[i + 1];
      const last = k === step.sent.length - 1;
      let style: ArrowStyle = "sent";
      let states: Partial<Record<End, State>> = { [from]: stateOf(step, from) };
      if (last && sameDelivery(next, segment, other(from), ["deliver"])) {
        style = "delivered";
        states = { client: next!.client, server: next!.server };
        drawnAlready.add(i + 1);
      } else if (last && sameDelivery(next, segment, other(from), ["drop"])) {
        style = "lost";
        drawnAlready.add(i + 1);
      }
      rows.push(row(states, { arrow: sideOf(from), label: segmentText(segment), style }));
    });
    // Whatever the rows did not show yet (a state changed without an arrow).
    const pending = { client: step.client, server: step.server };
    if (shown.client !== pending.client || shown.server !== pending.server) {
      if (!drawnAlready.has(i + 1)) rows.push(row(pending, undefined));
    }
  });
  return rows;
}

function footer(result: SimResult, drawnSteps: number): string[] {
  const lines: string[] = [];
  const hidden = result.trace.length - drawnSteps;
  if (hidden > 0) lines.push(`... ${hidden} more step${hidden === 1 ? "" : "s"} not drawn`);
  const inFlight = result.inFlight.map((f) => `${segmentText(f.segment)} (to ${f.to})`).join(", ");
  lines.push(`${result.trace.length} steps, stopped: ${result.stopped}; final client ${result.client.state}, server ${result.server.state}` + (inFlight ? `; in flight: ${inFlight}` : ""));
  return lines;
}

function draw(title: string, scenario: Scenario, result: SimResult, steps: number): string {
  const drawn = Math.min(steps, result.trace.length);
  return `${title}\n${drawSequenceDiagram({ left: "client", right: "server", rows: rowsOf(scenario, result, drawn), footer: footer(result, drawn) })}`;
}

function firstDifference(a: SimResult, b: SimResult): number {
  const n = Math.max(a.trace.length, b.trace.length);
  for (let i = 0; i < n; i++) if (!isDeepStrictEqual(a.trace[i], b.trace[i])) return i;
  return -1;
}

function isResult(x: unknown): x is SimResult {
  return typeof x === "object" && x !== null && Array.isArray((x as SimResult).trace);
}

/**
 * The expected run and the learner's, cut a few steps after the first step at
 * which the learner's run goes wrong, with the reason under them.
 */
export function drawRun(scenario: Scenario, expected: SimResult, actual: SimResult | undefined): string {
  if (!isResult(actual)) return draw("expected:", scenario, expected, MAX_STEPS_DRAWN);
  const verdict = checkRun(scenario, actual);
  const parted = verdict.ok ? firstDifference(expected, actual) : verdict.step;
  const steps = parted === -1 ? MAX_STEPS_DRAWN : Math.min(MAX_STEPS_DRAWN, parted + 3);
  const where = verdict.ok
    ? parted === -1
      ? "the steps agree; the final result differs"
      : `the runs part at step ${parted + 1}`
    : `step ${verdict.step + 1}: ${verdict.why}`;
  // The network as a correct run has it just before that step: which segment is at the head, and which step put each there.
  const queue = verdict.ok || !verdict.inFlight
    ? []
    : [`in flight before step ${verdict.step + 1} (head first):`, ...(verdict.inFlight.length > 0 ? verdict.inFlight.map((q) => `  ${q}`) : ["  nothing"])];
  return [draw("expected (the reference):", scenario, expected, steps), "", draw("yours:", scenario, actual, steps), "", where, ...queue].join("\n");
}

/** The same old SYN, once against TCP and once against the two-way thought experiment. */
export function drawPair(
  threeWay: Scenario,
  twoWay: Scenario,
  expected: { threeWay: SimResult; twoWay: SimResult },
  actual: { threeWay?: SimResult; twoWay?: SimResult } | undefined,
): string {
  const parts = [
    draw("three-way handshake (TCP), expected:", threeWay, expected.threeWay, MAX_STEPS_DRAWN),
    "",
    draw("two-way handshake (thought experiment), expected:", twoWay, expected.twoWay, MAX_STEPS_DRAWN),
  ];
  if (isResult(actual?.threeWay) && !isDeepStrictEqual(actual.threeWay, expected.threeWay)) {
    parts.push("", draw("three-way, yours:", threeWay, actual.threeWay, MAX_STEPS_DRAWN));
  }
  if (isResult(actual?.twoWay) && !isDeepStrictEqual(actual.twoWay, expected.twoWay)) {
    parts.push("", draw("two-way, yours:", twoWay, actual.twoWay, MAX_STEPS_DRAWN));
  }
  return parts.join("\n");
}
