/**
 * The judge's side of one runner (a sandboxed process running learner code):
 * load a module into it, ask it for values, with a deadline on every answer.
 * Everything the runner sends is checked for shape first, since learner code
 * in it can send messages of its own; a runner that does not answer in time is
 * killed, and a runner that dies is described in words.
 */
import type { Child } from "./child-launcher.mjs";
import type { Answer, Frame, FromRunner, Job, Outcome, SentJob, Thrown, ToRunner } from "./protocol.ts";
import { capText, isPlainJson, toTransferable } from "./transfer.ts";

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

  private readonly onMessage = (m: unknown) => this.receive(m);
  private readonly onExit = (code: number | null, signal: NodeJS.Signals | null) => this.fail(new RunnerGone("died", describeDeath(code, signal, this.child.stderr)));

  constructor(private readonly child: Child) {
    child.process.on("message", this.onMessage);
    child.process.once("exit", this.onExit);
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
    const m = await this.send({ type: "load", harness, module }, (m) => m.type === "loaded" || m.type === "load-failed");
    if (m.type === "loaded") return { ok: true, functions: m.functions };
    const failed = m as Extract<FromRunner, { type: "load-failed" }>;
    return { ok: false, thrown: failed.thrown, byGrader: failed.byGrader === true };
  }

  /** What `run` of property `property` gives on each input, as values. */
  async run(exercise: string, property: number, inputs: readonly unknown[]): Promise<readonly Outcome[]> {
    return (await this.askRun(exercise, [{ property, inputs }], false)).outcomes[0] as readonly Outcome[];
  }

  /**
   * The same for several properties at once (one round trip), answered by
   * digest where values allow (see Outcome and `values`). A job's `every` list
   * travels as its fingerprint; should the runner not hold that very list, its
   * inputs follow in a second request.
   */
  async runMany(exercise: string, jobs: readonly Job[]): Promise<readonly (readonly Answer[])[]> {
    const { outcomes, unheld } = await this.askRun(exercise, jobs, true);
    if (unheld.length === 0) return outcomes;
    const sent = (await this.askRun(exercise, unheld.map((k) => ({ property: jobs[k]!.property, inputs: jobs[k]!.inputs })), true)).outcomes;
    const all = [...outcomes];
    unheld.forEach((k, i) => (all[k] = sent[i]!));
    return all;
  }

  /** The values of outcomes answered by digest, by id; an id the runner does not know is an outcome the grader lost. */
  async values(ids: readonly number[]): Promise<readonly Outcome[]> {
    const request = ++this.request;
    const m = await this.send({ type: "values", request, ids }, (m) => m.type === "values" && m.request === request && m.texts.length === ids.length);
    return (m as Extract<FromRunner, { type: "values" }>).texts.map((text): Outcome => {
      try {
        if (text !== "") return { ok: true, value: JSON.parse(text) as unknown };
      } catch {
        // not JSON: the same as lost
      }
      return { ok: false, thrown: { text: "The grader lost a value your code returned (not your fault, please report it)." } };
    });
  }

  /** Asks for one run request; values only (never digests) unless `digests`. */
  private async askRun(exercise: string, jobs: readonly Job[], digests: boolean): Promise<{ outcomes: readonly (readonly Answer[])[]; unheld: readonly number[] }> {
    const request = ++this.request;
    const wire: SentJob[] = jobs.map((j) => (j.every !== undefined ? { property: j.property, every: j.every } : { property: j.property, inputs: j.inputs }));
    // Inputs are the spec's plain data as a rule: copied with markers only when they hold what JSON would lose.
    const encoded = isPlainJson(wire) ? { value: wire, marked: false } : toTransferable(wire);
    const sent = { type: "run", request, exercise, jobs: encoded.value as SentJob[], marked: encoded.marked, digests } as const;
    const fits = (m: FromRunner) => {
      if (m.type !== "outcomes" || m.request !== request || m.outcomes.length !== jobs.length) return false;
      if (!digests && m.outcomes.some((list) => list.some((o) => "digest" in o))) return false;
      const unheld = new Set(m.unheld ?? []);
      return jobs.every((j, i) => (unheld.has(i) ? j.every !== undefined && m.outcomes[i]!.length === 0 : m.outcomes[i]!.length === j.inputs.length));
    };
    const m = (await this.send(sent, fits)) as Extract<FromRunner, { type: "outcomes" }>;
    return { outcomes: m.outcomes, unheld: m.unheld ?? [] };
  }

  /**
   * Lets the learner's leftover timers and rejections show as faults before the
   * verdict; true when the runner left nothing behind and may take another target.
   */
  async end(): Promise<boolean> {
    const m = await this.send({ type: "end" }, (m) => m.type === "ended").catch(() => undefined);
    return m?.type === "ended" && m.reusable === true && this.faults.length === 0 && !this.dead;
  }

  /** Hands the runner over (for another target): this session stops listening to it. */
  release(): Child {
    this.child.process.off("message", this.onMessage);
    this.child.process.off("exit", this.onExit);
    return this.child;
  }

  kill(): void {
    this.child.process.kill("SIGKILL");
  }

  private send(message: ToRunner, accept: (m: FromRunner) => boolean): Promise<FromRunner> {
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
      return output ? { type: "ended", output: (r.output as string) ?? "", reusable: r.reusable === true } : undefined;
    case "loaded":
      return output && Array.isArray(r.functions) && r.functions.every(text) ? { type: "loaded", functions: r.functions as string[], output: (r.output as string) ?? "" } : undefined;
    case "load-failed":
      return output && isThrown(r.thrown) ? { type: "load-failed", thrown: r.thrown, output: (r.output as string) ?? "", byGrader: r.byGrader === true } : undefined;
    case "outcomes": {
      const unheld = r.unheld === undefined || (Array.isArray(r.unheld) && r.unheld.every(Number.isInteger));
      return output && unheld && typeof r.request === "number" && Array.isArray(r.outcomes) && r.outcomes.every((list) => Array.isArray(list) && list.every(isAnswer))
        ? { type: "outcomes", request: r.request, outcomes: r.outcomes as Answer[][], ...(r.unheld ? { unheld: r.unheld as number[] } : {}), output: (r.output as string) ?? "" }
        : undefined;
    }
    case "values":
      return typeof r.request === "number" && Array.isArray(r.texts) && r.texts.every(text) ? { type: "values", request: r.request, texts: r.texts as string[] } : undefined;
    default:
      return undefined;
  }
}

function isAnswer(o: unknown): o is Answer {
  if (typeof o !== "object" || o === null) return false;
  const r = o as Record<string, unknown>;
  if (r.ok === true) return "digest" in r ? typeof r.digest === "string" && Number.isInteger(r.id) : "value" in r;
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
