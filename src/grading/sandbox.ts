/**
 * Guards a child process against the learner's code: calls that would end the
 * process become errors, printing is captured (and capped) instead of flooding
 * the terminal, every fault is attributed to the target whose code caused it,
 * even when it happens later in a timer (via AsyncLocalStorage), and a change to
 * a built-in is noticed, so the process is not reused for another lesson.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { printThrown } from "./print-value.ts";

const OUTPUT_LIMIT = 2000;

export class ProcessExitCalled extends Error {
  override name = "ProcessExitCalled";
}

export interface Sandbox {
  /** Runs `body` with faults and output attributed to `targetId`. */
  run<T>(targetId: string, body: () => Promise<T>): Promise<T>;
  /** What the learner's code printed since the last call (capped). */
  takeOutput(): string;
  /** The process's own exit, for when grading is over. */
  readonly realExit: (code: number) => never;
  /** Whether learner code has changed a built-in (Array.prototype.map, Math.max, a new global...). */
  builtinsChanged(): boolean;
}

/** The built-ins other lessons' code relies on without thinking about it. */
const BUILTINS: readonly object[] = [
  globalThis, Object, Object.prototype, Array, Array.prototype, Function.prototype, String.prototype, Number.prototype,
  Boolean.prototype, Math, JSON, Promise, Promise.prototype, Map.prototype, Set.prototype, Error.prototype,
];

type Snapshot = Map<object, Map<string | symbol, unknown>>;

/** Every own property of the built-ins, by identity of its value or accessors. */
function snapshotBuiltins(): Snapshot {
  return new Map(
    BUILTINS.map((target) => [
      target,
      new Map(Reflect.ownKeys(target).map((key) => {
        const d = Object.getOwnPropertyDescriptor(target, key)!;
        return [key, "value" in d ? d.value : [d.get, d.set]] as const;
      })),
    ]),
  );
}

function sameBuiltins(a: Snapshot, b: Snapshot): boolean {
  for (const [target, props] of a) {
    const other = b.get(target)!;
    if (other.size !== props.size) return false;
    for (const [key, value] of props) {
      const now = other.get(key);
      const same = Array.isArray(value) && Array.isArray(now) ? value[0] === now[0] && value[1] === now[1] : Object.is(value, now);
      if (!same) return false;
    }
  }
  return true;
}

export function installSandbox(onFault: (targetId: string, message: string) => void): Sandbox {
  const context = new AsyncLocalStorage<string>();
  let lastTarget = "";
  const fault = (message: string) => onFault(context.getStore() ?? lastTarget, message);

  const realExit = process.exit.bind(process) as (code: number) => never;
  const refuse = (what: string) => {
    const message = `Your code called ${what}. Exercise functions must return a value; ending the process is not allowed while grading.`;
    fault(message);
    return new ProcessExitCalled(message);
  };
  process.exit = ((code?: number | string) => {
    throw refuse(`process.exit(${code ?? ""})`);
  }) as typeof process.exit;
  process.abort = (() => {
    throw refuse("process.abort()");
  }) as typeof process.abort;
  const realKill = process.kill.bind(process);
  process.kill = ((pid: number, signal?: string | number) => {
    if (pid === process.pid || pid === 0 || pid === process.ppid) throw refuse(`process.kill(${pid}${signal ? `, ${String(signal)}` : ""})`);
    return realKill(pid, signal);
  }) as typeof process.kill;

  process.on("uncaughtException", (error) => fault(`Your code threw an error outside any call (in a timer or callback): ${printThrown(error)}`));
  process.on("unhandledRejection", (reason) => fault(`Your code left a promise rejection unhandled: ${printThrown(reason)}`));

  let output = "";
  let dropped = 0;
  const capture = (...parts: unknown[]) => {
    const text = parts.map((p) => (typeof p === "string" ? p : String(p))).join(" ") + "\n";
    const room = OUTPUT_LIMIT - output.length;
    if (room > 0) output += text.slice(0, room);
    dropped += Math.max(0, text.length - Math.max(room, 0));
  };
  for (const method of ["log", "info", "warn", "error", "debug", "trace", "dir", "table"] as const) {
    (console as unknown as Record<string, unknown>)[method] = capture;
  }
  for (const stream of [process.stdout, process.stderr]) {
    stream.write = ((chunk: unknown) => {
      capture(String(chunk).replace(/\n$/, ""));
      return true;
    }) as typeof stream.write;
  }

  const pristine = snapshotBuiltins();
  return {
    builtinsChanged: () => !sameBuiltins(pristine, snapshotBuiltins()),
    run(targetId, body) {
      lastTarget = targetId;
      return context.run(targetId, body);
    },
    takeOutput() {
      const text = dropped > 0 ? `${output}… (${dropped} more characters not shown)` : output;
      output = "";
      dropped = 0;
      return text.trimEnd();
    },
    realExit,
  };
}
