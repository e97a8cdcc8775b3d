/**
 * Turns scenario results into text for a terminal: for each step the kernel's
 * state of each end next to the RFC model's prediction, disagreements marked
 * and explained, real timers, the model's segments, and ss's own lines.
 * Pure: returns strings.
 */
import pc from "picocolors";
import type { End } from "../../lib/tcp.ts";
import type { KernelSocket, SocketTimer } from "./kernel-socket.ts";
import { formatEvent, formatSegment, type Prediction, type TraceEntry } from "./model.ts";
import type { PredictionSet } from "./predictor.ts";
import type { StepResult } from "./runner.ts";
import type { Scenario } from "./scenario.ts";

export type Colors = ReturnType<typeof pc.createColors>;

export interface RenderOptions {
  readonly colors: Colors;
  /** Line width for wrapped prose. */
  readonly width: number;
  /** The command a learner can type to see the same sockets. */
  readonly command: (ports: readonly number[]) => string;
}

const ENDS: readonly End[] = ["client", "server"];

/**
 * Wraps prose to `width`: the first line starts with `indent`, the others with
 * `hanging` (the same as `indent` unless given).
 */
export function wrap(text: string, width: number, indent = "", hanging = indent): string {
  const lines: string[] = [];
  let line = "";
  const prefix = () => (lines.length === 0 ? indent : hanging);
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== "" && prefix().length + line.length + 1 + word.length > width) {
      lines.push(prefix() + line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(prefix() + line);
  return lines.join("\n");
}

/** 59 000 → "59.0 s", 2 216 → "2.216 s", 204 → "0.204 s". */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms >= 10_000 ? 1 : 3)} s`;
}

/** What a timer on a socket in this state means, in words, with the real time left. */
export function describeTimer(socket: KernelSocket, timer: SocketTimer): string {
  const left = formatSeconds(timer.ms);
  switch (timer.name) {
    case "timewait":
      if (socket.state === "FIN-WAIT-2") {
        return `orphaned FIN-WAIT-2 (its program closed the socket): Linux drops it in ${left} (net.ipv4.tcp_fin_timeout); the RFC has no such timer`;
      }
      return `TIME-WAIT ends in ${left}: Linux uses a fixed 60 s (TCP_TIMEWAIT_LEN); RFC 9293 says 2 × MSL = 4 min`;
    case "on":
      return socket.state === "SYN-SENT"
        ? `next SYN retransmission in ${left}; ${timer.count} retransmitted so far`
        : `retransmission timer: ${left} left; ${timer.count} retransmissions so far`;
    case "keepalive":
      return `next keepalive probe in ${left}; ${timer.count} probes unanswered`;
    case "persist":
      return `zero-window probe in ${left}: the peer's receive window is full`;
    default:
      return `timer ${timer.name}: ${left}`;
  }
}

function kernelCell(socket: KernelSocket | undefined): string {
  if (!socket) return "CLOSED (no socket)";
  const rfc = socket.state ?? "?";
  return socket.kernelState === rfc ? rfc : `${rfc} (${socket.kernelState})`;
}

function traceLine(entry: TraceEntry): string {
  switch (entry.kind) {
    case "call": {
      const sent = entry.sent.length > 0 ? `, sends ${entry.sent.map(formatSegment).join(" + ")}` : "";
      return `${entry.end} ${formatEvent(entry.event)}: ${entry.before} → ${entry.after}${sent}`;
    }
    case "deliver": {
      const sent = entry.sent.length > 0 ? `, answers ${entry.sent.map(formatSegment).join(" + ")}` : "";
      const move = entry.before === entry.after ? `stays ${entry.after}` : `${entry.before} → ${entry.after}`;
      return `${entry.to} gets ${formatSegment(entry.segment)}: ${move}${sent}`;
    }
    case "drop":
      return `${entry.from}'s ${formatSegment(entry.segment)} is dropped on the way`;
    case "retransmit":
      return `${entry.from} retransmits ${formatSegment(entry.segment)}`;
  }
}

/** The lines shown before the first step. */
export function renderHeader(
  scenario: Scenario,
  env: { readonly system: string; readonly tool: string; readonly predictions: PredictionSet },
  options: RenderOptions,
): string {
  const c = options.colors;
  return [
    c.bold(`TCP live lab · ${scenario.name}: ${scenario.title}`),
    c.dim(`${env.system} · read with ${env.tool} · every socket on 127.0.0.1`),
    wrap(env.predictions.summary, options.width),
    "",
    wrap(scenario.about, options.width),
    "",
    "",
  ].join("\n");
}

export function renderStepTitle(index: number, total: number, title: string, options: RenderOptions): string {
  const head = `── Step ${index + 1}/${total} · ${title} `;
  return options.colors.bold(head + "─".repeat(Math.max(3, options.width - head.length)));
}

/** Everything shown after a step ran (its title is printed before it runs). */
export function renderStepResult(result: StepResult, options: RenderOptions, predictions?: PredictionSet): string {
  const c = options.colors;
  const out: string[] = [];
  const { step, observed, prediction } = result;
  if (step.code) out.push(c.cyan(`   ${step.code}`), "");

  const predictedLabel = predictions?.source === "learner" ? "your nextState predicts" : "RFC 9293 model predicts";
  out.push(c.dim(`   ${"".padEnd(8)}${"kernel".padEnd(30)}${predictedLabel}`));
  for (const end of ENDS) {
    const kernel = kernelCell(observed[end].socket);
    const predicted = prediction ? prediction[end] : "—";
    const agree = prediction ? prediction[end] === observed[end].state : undefined;
    const mark = agree === undefined ? "" : agree ? c.green("✓ same") : c.red(c.bold("✗ differs"));
    const kernelText = agree === false ? c.red(kernel.padEnd(30)) : kernel.padEnd(30);
    out.push(`   ${end.padEnd(8)}${kernelText}${predicted.padEnd(16)}${mark}`);
  }
  out.push(...explainDisagreements(result, options));

  const details = ENDS.flatMap((end) => {
    const s = observed[end].socket;
    if (!s) return [];
    const head = `   ${end.padEnd(8)}${s.local.address}:${s.local.port} → :${s.peer.port}  Recv-Q ${s.recvQ}  Send-Q ${s.sendQ}`;
    return s.timer ? [head, wrap(describeTimer(s, s.timer), options.width, "           ⏱ ", "             ")] : [head];
  });
  if (details.length > 0) out.push("", ...details);

  if (prediction && prediction.trace.length > 0) {
    out.push("", c.dim("   model (ISN client 100, server 300):"));
    for (const entry of prediction.trace) out.push(wrap(traceLine(entry), options.width, "     ", "         "));
  }
  if (prediction && prediction.inFlight.length > 0) {
    const held = prediction.inFlight.map((f) => `${f.from} → ${f.from === "client" ? "server" : "client"} ${formatSegment(f.segment)}`);
    out.push(wrap(`still in flight (held back): ${held.join("; ")}`, options.width, "     ", "         "));
  }

  out.push("", c.dim(`   $ ${options.command(result.ports)}`));
  if (result.rows.length === 0) out.push(c.dim("     (no sockets)"));
  for (const row of result.rows) out.push(c.dim(`     ${row.line.replace(/\s+/g, " ")}`));

  for (const line of result.outcomes) out.push(wrap(`▸ ${line}`, options.width, "   ", "     "));
  for (const error of result.errors) out.push(c.yellow(`   ▸ socket error: ${error}`));
  out.push("", wrap(`Look: ${step.look}`, options.width, "   "), "");
  return out.join("\n");
}

function explainDisagreements(result: StepResult, options: RenderOptions): string[] {
  const c = options.colors;
  const out: string[] = [];
  const { step, observed, prediction, reference } = result;
  for (const end of ENDS) {
    const kernel = observed[end].state;
    const expected = step.expect?.[end];
    if (expected !== undefined && expected !== kernel) {
      out.push(
        c.yellow(wrap(`${end}: Linux usually shows ${expected} here; this run saw ${kernel} (timing on this machine, or a different kernel).`, options.width, "   ! ", "     ")),
      );
    }
    if (!prediction || prediction[end] === kernel) continue;
    const why =
      step.differs?.[end] ??
      (reference && reference[end] === kernel
        ? `The reference nextState predicts ${reference[end]}, like the kernel: look at how your nextState handles this step's events (the model lines below).`
        : `The kernel and the RFC model disagree on the ${end}'s state here.`);
    out.push(c.yellow(wrap(`${end}: ${why}`, options.width, "   ! ", "     ")));
  }
  return out;
}

/** Text for --list. */
export function renderList(scenarios: readonly Scenario[], options: Pick<RenderOptions, "colors" | "width">): string {
  const width = Math.max(...scenarios.map((s) => s.name.length)) + 2;
  const lines = ["Scenarios (run one with: npm run lab -- <scenario>):", ""];
  for (const s of scenarios) {
    lines.push(`  ${options.colors.bold(s.name.padEnd(width))}${s.title}`);
    lines.push(wrap(s.summary, options.width, " ".repeat(width + 2)));
  }
  return lines.join("\n") + "\n";
}

/** One line for the end of a run: agreements and disagreements at a glance. */
export function renderSummary(results: readonly StepResult[], options: Pick<RenderOptions, "colors">): string {
  const c = options.colors;
  let same = 0;
  let explained = 0;
  let unexplained = 0;
  for (const r of results) {
    const p: Prediction | undefined = r.prediction;
    if (!p) continue;
    for (const end of ENDS) {
      if (p[end] === r.observed[end].state) same++;
      else if (r.step.differs?.[end] !== undefined) explained++;
      else unexplained++;
    }
  }
  if (same + explained + unexplained === 0) return "";
  const parts = [`kernel and model agreed on ${same} of ${same + explained + unexplained} states`];
  if (explained > 0) parts.push(`${explained} differed where Linux departs from the RFC model (explained above)`);
  if (unexplained > 0) parts.push(`${unexplained} differed unexpectedly (see the ! lines)`);
  const text = parts.join("; ");
  return `Summary: ${unexplained > 0 ? c.yellow(text) : c.green(text)}.\n`;
}
