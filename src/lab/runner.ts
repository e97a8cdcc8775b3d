/**
 * Runs one scenario for real: each step's socket calls, then a read of the
 * kernel's states (waiting, bounded, for them to settle), paired with the
 * model's prediction for that step. Always closes everything it opened.
 */
import { setTimeout as delay } from "node:timers/promises";
import type { End, State } from "../../lib/tcp.ts";
import { LabNet } from "./driver.ts";
import type { KernelReader } from "./kernel-reader.ts";
import type { KernelSocket } from "./kernel-socket.ts";
import type { Prediction } from "./model.ts";
import type { PredictionSet } from "./predictor.ts";
import type { ConnectionIds, LabContext, Scenario, Step } from "./scenario.ts";

export interface EndObservation {
  /** The RFC name of the kernel's state; CLOSED when the kernel has no such socket. */
  readonly state: State;
  /** The kernel's socket for this end, when there is one. */
  readonly socket?: KernelSocket;
}

export interface StepResult {
  readonly index: number;
  readonly total: number;
  readonly step: Step;
  readonly observed: Readonly<Record<End, EndObservation>>;
  /** Every socket on the watched ports, as read. */
  readonly rows: readonly KernelSocket[];
  readonly ports: readonly number[];
  readonly prediction?: Prediction;
  /** The reference's prediction, when the learner's is the one shown. */
  readonly reference?: Prediction;
  readonly outcomes: readonly string[];
  /** Socket errors that happened during the step. */
  readonly errors: readonly string[];
  /** Whether the kernel reached the step's expected states in time. */
  readonly settled: boolean;
}

export interface RunOptions {
  readonly reader: KernelReader;
  readonly signal?: AbortSignal;
  readonly predictions?: PredictionSet;
  /** Called before each step (the CLI waits for Enter here). */
  readonly beforeStep?: (index: number, total: number, step: Step) => Promise<void>;
  /** Called with each step's result as soon as it is known. */
  readonly afterStep?: (result: StepResult) => Promise<void> | void;
}

export interface RunResult {
  readonly steps: readonly StepResult[];
  /** Every port the run watched (the listener's first). */
  readonly ports: readonly number[];
  readonly aborted: boolean;
  readonly error?: unknown;
}

const DEFAULT_SETTLE_MS = 1500;
const POLL_MS = 20;

/** Finds the two ends of the lab's connection among the kernel's sockets. */
export function locateEnds(rows: readonly KernelSocket[], conn: ConnectionIds): Record<End, EndObservation> {
  const find = (local: number | undefined, peer: number | undefined) =>
    local === undefined || peer === undefined
      ? undefined
      : rows.find((r) => r.local.port === local && r.peer.port === peer && r.state !== "LISTEN");
  const client = find(conn.clientPort, conn.serverPort);
  const server =
    conn.serverEnd === "connection"
      ? find(conn.serverPort, conn.clientPort)
      : rows.find((r) => r.local.port === conn.serverPort && r.state === "LISTEN");
  const observe = (socket: KernelSocket | undefined): EndObservation =>
    socket ? { state: socket.state ?? "CLOSED", socket } : { state: "CLOSED" };
  return { client: observe(client), server: observe(server) };
}

function matches(observed: Record<End, EndObservation>, expect: Step["expect"]): boolean {
  if (!expect) return true;
  return (["client", "server"] as const).every((end) => expect[end] === undefined || observed[end].state === expect[end]);
}

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error as { name?: unknown } | null)?.name === "AbortError";
}

export async function runScenario(scenario: Scenario, options: RunOptions): Promise<RunResult> {
  const signal = options.signal ?? new AbortController().signal;
  const net = new LabNet();
  const ports: number[] = [];
  const ctx: LabContext = {
    net,
    reader: options.reader,
    signal,
    ports,
    conn: { serverEnd: "listener" },
    outcomes: [],
    sleep: (ms) => delay(ms, undefined, { signal }),
    read: () => options.reader.read(ports),
    watch: (port) => {
      if (!ports.includes(port)) ports.push(port);
    },
  };
  const steps = scenario.build();
  const results: StepResult[] = [];
  try {
    for (const [index, step] of steps.entries()) {
      signal.throwIfAborted();
      await options.beforeStep?.(index, steps.length, step);
      signal.throwIfAborted();
      const outcomesBefore = ctx.outcomes.length;
      const errorsBefore = net.errors.length;
      await step.run(ctx);
      let rows = await ctx.read();
      let observed = locateEnds(rows, ctx.conn);
      const deadline = Date.now() + (step.settleMs ?? DEFAULT_SETTLE_MS);
      const maxPolls = Math.ceil((step.settleMs ?? DEFAULT_SETTLE_MS) / POLL_MS) + 1;
      for (let poll = 0; poll < maxPolls && !matches(observed, step.expect) && Date.now() < deadline; poll++) {
        await ctx.sleep(POLL_MS);
        rows = await ctx.read();
        observed = locateEnds(rows, ctx.conn);
      }
      const result: StepResult = {
        index,
        total: steps.length,
        step,
        observed,
        rows,
        ports: [...ports],
        ...(options.predictions?.steps ? { prediction: options.predictions.steps[index] } : {}),
        ...(options.predictions?.reference ? { reference: options.predictions.reference[index] } : {}),
        outcomes: ctx.outcomes.slice(outcomesBefore),
        errors: net.errors.slice(errorsBefore),
        settled: matches(observed, step.expect),
      };
      results.push(result);
      await options.afterStep?.(result);
    }
    return { steps: results, ports: [...ports], aborted: false };
  } catch (error) {
    return isAbort(error, signal)
      ? { steps: results, ports: [...ports], aborted: true }
      : { steps: results, ports: [...ports], aborted: false, error };
  } finally {
    await net.closeAll();
  }
}
