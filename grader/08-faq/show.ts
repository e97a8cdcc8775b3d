/**
 * How lesson 08's counterexamples are printed: scenarios as the script a learner
 * would write in words, segments in the lesson's notation ("SYN,ACK seq=300
 * ack=101"), traces one step a line.
 */
import { segmentText, SIM_DEFAULT_MAX_STEPS, type Scenario, type SimAction, type SimResult, type SimStep } from "../../lib/tcp.ts";

export function showAction(a: SimAction): string {
  switch (a.kind) {
    case "open":
      return a.mode === "passive" ? `${a.end} listens` : `${a.end} connects`;
    case "close":
      return `${a.end} closes`;
    case "abort":
      return `${a.end} aborts`;
    case "time-wait-timeout":
      return `${a.end}'s 2MSL timer fires`;
    case "retransmit":
      return `${a.end} retransmits`;
    case "deliver":
      return a.thenClose ? "deliver (receiver closes at once)" : "deliver";
    case "drop":
      return "drop";
    case "duplicate":
      return "duplicate";
    case "delay":
      return "delay";
    case "old-syn":
      return `old SYN seq=${a.seq} reaches ${a.to}`;
  }
}

export function showScenario(s: Scenario): string {
  const options = [
    `client ISN ${s.clientIss}, server ISN ${s.serverIss}`,
    ...(s.handshake === "two-way" ? ["TWO-WAY handshake"] : []),
    `at most ${s.maxSteps ?? SIM_DEFAULT_MAX_STEPS} steps`,
  ];
  const script = s.script.length === 0 ? "  (empty script)" : s.script.map((a, i) => `  ${String(i + 1).padStart(2)}. ${showAction(a)}`).join("\n");
  return `${options.join("; ")}\nscript:\n${script}`;
}

export function showStep(step: SimStep, index: number): string {
  let what: string;
  if (step.end === null) what = `${step.action}: nothing in flight`;
  else if (step.segment === null) what = `${step.action}: ${step.end}`;
  else if (step.action === "deliver" || step.action === "old-syn") what = `${step.action}: ${step.end} gets ${segmentText(step.segment)}`;
  else what = `${step.action}: ${segmentText(step.segment)} (to ${step.end})`;
  const sent = step.sent.length > 0 ? `, sends ${step.sent.map(segmentText).join(" + ")}` : "";
  return `${String(index + 1).padStart(3)}. ${what}${sent}  [client ${step.client} | server ${step.server}]`;
}

export function showResult(r: SimResult): string {
  const lines = r.trace.map(showStep);
  lines.push(`stopped: ${r.stopped}; still in flight: ${r.inFlight.length === 0 ? "nothing" : r.inFlight.map((f) => `${segmentText(f.segment)} → ${f.to}`).join(", ")}`);
  lines.push(`final: client ${r.client.state}, server ${r.server.state}`);
  return lines.join("\n");
}
