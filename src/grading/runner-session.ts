/**
 * The judge's side of one runner (a sandboxed process running learner code):
 * load a module into it, ask it for values, with a deadline on every answer.
 * Everything the runner sends is checked for shape first, since learner code
 * in it can send messages of its own; a runner that does not answer in time is
 * killed, and a runner that dies is described in words.
 */
import type { Child } from "./child-launcher.mjs";
import type { Frame, FromRunner, Job, Outcome, SentOutcome, Thrown, ToRunner } from "./protocol.ts";
import { capText, toTransferable } from "./transfer.ts";

/** The runner stopped answering: its code did not finish in time, or its process died. */
export class RunnerGone extends Error {
  override name = "RunnerGone";
  constructor(
    readonly reason: "timeout" | "died",
    message: string,
  ) {
    super(message);
  }
}

type Loaded = { readonly ok: true; readonly functions: readonly string[] } | { readonly ok: false; readonly thrown: Thrown; readonly byGrader: boolean };

export class RunnerSession {
  /** Misbehaviour reported outside any call (process.exit in a timer...), in order. */
  readonly faults: string[] = [];
  /**
   * How long the runner may still take to answer, summed over requests (ms):
   * only time spent waiting for the runner counts, not the judge's own work.
   */
  allowance = Infinity;
  /** Time spent waiting for the runner, in all (ms). */
  spent = 0;
  private output = "";
  private gone: RunnerGone | undefined;
  private request = 0;
  private waiting: { accept: (m: FromRunner) => boolean; resolve: (m: FromRunner) => void; reject: (e: RunnerGone) => void; timer: NodeJS.Timeout } | undefined;

  constructor(private readonly child: Child) {
    child.process.on("message", (m: unknown) => this.receive(m));
    child.process.once("exit", (code, signal) => this.fail(new RunnerGone("died", describeDeath(code, signal, child.stderr))));
  }

  get dead(): boolean {
    return this.gone !== undefined;
  }

  /** Whether the process started; false means it never could (see `startProblem`). */
  ready(): Promise<boolean> {
    return this.child.ready;
  }

  startProblem(): string {
    const detail = this.child.stderr.trim().split("\n").slice(-3).join(" ");
    return `The grader could not start a process to run your code${detail ? `: ${capText(detail, 500)}` : "."}`;
  }

  /** Everything the learner's code printed since the last call (capped). */
  takeOutput(): string {
    const text = this.output;
    this.output = "";
    return text;
  }

  async load(harness: string, module: string): Promise<Loaded> {
    const m = await this.ask({ type: "load", harness, module }, (m) => m.type === "loaded" || m.type === "load-failed");
    if (m.type === "loaded") return { ok: true, functions: m.functions };
    const failed = m as Extract<FromRunner, { type: "load-failed" }>;
    return { ok: false, thrown: failed.thrown, byGrader: failed.byGrader === true };
  }

  async run(exercise: string, property: number, inputs: readonly unknown[]): Promise<readonly Outcome[]> {
    return (await this.runMany(exercise, [{ property, inputs }]))[0]!;
  }

  async runMany(exercise: string, jobs: readonly Job[]): Promise<readonly (readonly Outcome[])[]> {
    const request = ++this.request;
    const encoded = toTransferable(jobs);
    const sent = { type: "run", request, exercise, jobs: encoded.value as Job[], marked: encoded.marked } as const;
    const fits = (m: FromRunner) => m.type === "outcomes" && m.request === request && m.outcomes.length === jobs.length && jobs.every((j, i) => m.outcomes[i]!.length === j.inputs.length);
    const m = await this.ask(sent, fits);
    return (m as Extract<FromRunner, { type: "outcomes" }>).outcomes.map((list) => list.map((o) => this.resolve(o)));
  }

  /** The values sent so far, by id, so one sent again by reference is found. */
  private readonly values = new Map<number, Outcome>();

  private resolve(o: SentOutcome): Outcome {
    if (!o.ok) return o;
    if ("same" in o) return this.values.get(o.same) ?? { ok: false, thrown: { text: "The grader lost a value your code returned (not your fault, please report it)." } };
    const outcome: Outcome = { ok: true, value: o.value, ...(o.marked ? { marked: true } : {}) };
    if (o.id !== undefined) this.values.set(o.id, outcome);
    return outcome;
  }

  /** Lets the learner's leftover timers and rejections show as faults before the verdict. */
  async end(): Promise<void> {
    await this.ask({ type: "end" }, (m) => m.type === "ended").catch(() => undefined);
  }

  kill(): void {
    this.child.process.kill("SIGKILL");
  }

  private ask(message: ToRunner, accept: (m: FromRunner) => boolean): Promise<FromRunner> {
    if (this.gone) return Promise.reject(this.gone);
    const asked = performance.now();
    const settle = () => {
      const ms = performance.now() - asked;
      this.spent += ms;
      this.allowance -= ms;
    };
    return new Promise<FromRunner>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(new RunnerGone("timeout", "no answer in time"));
        this.kill();
      }, Math.min(Math.max(0, this.allowance), 2 ** 31 - 1));
      this.waiting = { accept, resolve, reject, timer };
      try {
        this.child.process.send(message);
      } catch (error) {
        this.fail(new RunnerGone("died", `the process running your code could not be reached (${(error as Error).message})`));
      }
    }).finally(settle);
  }

  private receive(raw: unknown): void {
    const m = checked(raw);
    if (!m) return;
    if (m.type === "fault") {
      if (this.faults.length < 10) this.faults.push(capText(m.message, 2000));
      return;
    }
    if ("output" in m && m.output) this.output = capText(this.output ? `${this.output}\n${m.output}` : m.output, 2000);
    const w = this.waiting;
    if (w && w.accept(m)) {
      clearTimeout(w.timer);
      this.waiting = undefined;
      w.resolve(m);
    }
  }

  private fail(error: RunnerGone): void {
    this.gone ??= error;
    const w = this.waiting;
    if (w) {
      clearTimeout(w.timer);
      this.waiting = undefined;
      w.reject(this.gone);
    }
  }
}

/** A message from the runner, if it has the shape of one (learner code can send anything). */
function checked(m: unknown): FromRunner | undefined {
  if (typeof m !== "object" || m === null) return undefined;
  const r = m as Record<string, unknown>;
  const text = (v: unknown) => typeof v === "string";
  const output = r.output === undefined || text(r.output);
  switch (r.type) {
    case "ready":
      return { type: "ready" };
    case "fault":
      return text(r.message) ? { type: "fault", message: r.message as string } : undefined;
    case "ended":
      return output ? { type: "ended", output: (r.output as string) ?? "" } : undefined;
    case "loaded":
      return output && Array.isArray(r.functions) && r.functions.every(text) ? { type: "loaded", functions: r.functions as string[], output: (r.output as string) ?? "" } : undefined;
    case "load-failed":
      return output && isThrown(r.thrown) ? { type: "load-failed", thrown: r.thrown, output: (r.output as string) ?? "", byGrader: r.byGrader === true } : undefined;
    case "outcomes":
      return output && typeof r.request === "number" && Array.isArray(r.outcomes) && r.outcomes.every((list) => Array.isArray(list) && list.every(isOutcome))
        ? { type: "outcomes", request: r.request, outcomes: r.outcomes as SentOutcome[][], output: (r.output as string) ?? "" }
        : undefined;
    default:
      return undefined;
  }
}

function isOutcome(o: unknown): o is SentOutcome {
  if (typeof o !== "object" || o === null) return false;
  const r = o as Record<string, unknown>;
  if (r.ok === true) return "same" in r ? Number.isInteger(r.same) : "value" in r && (r.id === undefined || Number.isInteger(r.id));
  return r.ok === false && isThrown(r.thrown);
}

function isThrown(t: unknown): t is Thrown {
  if (typeof t !== "object" || t === null) return false;
  const r = t as Record<string, unknown>;
  if (typeof r.text !== "string") return false;
  if (r.notImplemented !== undefined) {
    const n = r.notImplemented as Record<string, unknown> | null;
    if (typeof n !== "object" || n === null || typeof n.what !== "string" || (n.site !== undefined && typeof n.site !== "string")) return false;
  }
  if (r.frames !== undefined) {
    if (!Array.isArray(r.frames) || r.frames.length > 20) return false;
    if (!r.frames.every((f: unknown) => typeof f === "object" && f !== null && Number.isInteger((f as Frame).line) && Number.isInteger((f as Frame).column))) return false;
  }
  return true;
}

function describeDeath(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  if (/heap out of memory|Allocation failed/i.test(stderr)) {
    return "your code ran out of memory (something keeps growing: an array or string in an endless loop?). The process running it was stopped.";
  }
  if (/Maximum call stack size exceeded/i.test(stderr)) return "your code recursed without end (maximum call stack size exceeded).";
  if (signal) return `the process running your code was killed (${signal}).`;
  return `the process running your code ended by itself (exit code ${code}).`;
}
