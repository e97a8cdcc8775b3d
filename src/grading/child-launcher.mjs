// Starts the processes and threads that grading needs, as early as possible.
// Plain JavaScript so that bin/workbook.mjs can start them before the command
// itself is even loaded: their start-up then overlaps the command's own, which
// is most of the time a small grading run takes.
//
// - Runners (runner.ts): the sandboxed processes that run learner code. A
//   runner may read only the compiled runner and the compiled code of its kind
//   (compile.mjs): the learner's files, or, for the self-check, the course's own
//   known-wrong and reference files. It may not write anything, start processes
//   or threads, or load addons (Node's permission model).
// - Judges (judge-worker.ts): worker threads of this process that hold the
//   specs and references, start the runners and decide every verdict.
//
// Every runner started is stopped when this process ends, however it ends.
import { isMainThread, Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { COMPILED, compileModule, spawnCompiled } from "./compile.mjs";

const RUNNER_FILE = fileURLToPath(new URL("./runner.ts", import.meta.url));
const JUDGE_FILE = fileURLToPath(new URL("./judge-worker.ts", import.meta.url));
const START_TIMEOUT_MS = 15_000;
const STDERR_TAIL = 4000;

const [major, minor] = process.versions.node.split(".").map(Number);
/** `--permission` is stable from Node 22.13 and 23.5; before that it is `--experimental-permission`. */
const PERMISSION = major > 23 || (major === 23 && minor >= 5) || (major === 22 && minor >= 13) ? "--permission" : "--experimental-permission";

/** The node options of a runner of this kind. */
function sandboxFlags(kind) {
  return [
    PERMISSION,
    `--allow-fs-read=${COMPILED.runner}/`,
    `--allow-fs-read=${COMPILED[kind]}/`,
    "--disable-warning=ExperimentalWarning",
    "--max-old-space-size=512",
  ];
}

const running = new Set();
/** Runners that judges (worker threads) started, by process id, while they run. */
const runnerPids = new Set();

/** Starts a runner of `kind` ("learner" or "trusted"). */
export function launchChild(kind = "learner") {
  const proc = spawnCompiled(RUNNER_FILE, sandboxFlags(kind), "runner");
  running.add(proc);
  proc.once("exit", () => running.delete(proc));
  const child = {
    kind,
    process: proc,
    stderr: "",
    ready: new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), START_TIMEOUT_MS);
      proc.once("message", (m) => {
        clearTimeout(timer);
        resolve(m?.type === "ready");
      });
      proc.once("exit", () => {
        clearTimeout(timer);
        resolve(false);
      });
    }),
  };
  proc.stderr.setEncoding("utf8").on("data", (chunk) => {
    child.stderr = (child.stderr + chunk).slice(-STDERR_TAIL);
  });
  return child;
}

/**
 * Starts a judge (a worker thread); `warm` starts a runner of that kind at once.
 * `ready` resolves with the worker, or undefined when it could not start.
 */
export function startJudge(warm) {
  const judge = { warm, worker: undefined, problem: "" };
  judge.ready = compileModule(JUDGE_FILE).then(
    (file) =>
      new Promise((resolve) => {
        const worker = new Worker(file, { workerData: { warm }, env: process.env });
        judge.worker = worker;
        const onMessage = (m) => {
          if (m?.type === "runner") (m.running ? runnerPids.add(m.pid) : runnerPids.delete(m.pid));
          if (m?.type === "ready") resolve(worker);
        };
        worker.on("message", onMessage);
        worker.once("error", (error) => {
          judge.problem = String(error?.message ?? error);
          resolve(undefined);
        });
        worker.once("exit", () => resolve(undefined));
      }),
    (error) => {
      judge.problem = String(error?.message ?? error);
      return undefined;
    },
  );
  return judge;
}

/** Ends a judge's thread (its runners die with it, see stopAll). */
export function stopJudge(judge) {
  void judge.ready.then((worker) => worker?.terminate());
}

/** Stops every runner started from this thread, and from the judges if this is the main thread. */
function stopAll() {
  for (const proc of running) proc.kill("SIGKILL");
  running.clear();
  for (const pid of runnerPids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  runnerPids.clear();
}

// Whatever ends this process (or this judge's thread), its runners end with it
// (Linux also kills them through setpriv --pdeathsig when the thread that started them ends).
process.once("exit", stopAll);
if (isMainThread) {
  for (const signal of ["SIGTERM", "SIGHUP"]) {
    process.once(signal, () => {
      stopAll();
      process.exit(128 + (signal === "SIGTERM" ? 15 : 1));
    });
  }
}

const parked = [];

/**
 * Which judges a command line will want, each with a warm runner: watching or
 * grading one lesson needs one, more lessons two; grading the reference
 * solutions needs trusted runners.
 */
export function childrenWanted(argv) {
  const [command, ...rest] = argv;
  const none = { count: 0, kind: "learner" };
  if (rest.includes("--help") || rest.includes("-h")) return none;
  if (command === "watch") return { count: 1, kind: "learner" };
  // --pristine grades with another copy's workbook, in a process of its own.
  if (command !== "grade" || rest.some((a) => a === "--pristine" || a.startsWith("--pristine="))) return none;
  const valued = ["--seed", "--replay", "--runs", "--format", "--max-score", "--output", "--exercises"];
  const lessons = rest.filter((a, i) => !a.startsWith("-") && !valued.includes(rest[i - 1] ?? ""));
  return { count: lessons.length === 1 ? 1 : 2, kind: rest.includes("--solutions") ? "trusted" : "learner" };
}

/** Starts judges (each with a warm runner) early and parks them until a command takes them. */
export function prestart({ count, kind = "learner" }) {
  for (let i = 0; i < count; i++) parked.push(startJudge(kind));
}

/** Hands over the parked judges (at most `count`); the rest are stopped. */
export function takePrestarted(count = Infinity) {
  const taken = parked.splice(0, count);
  stopPrestarted();
  return taken;
}

/** Stops judges nobody took, so the process can exit. */
export function stopPrestarted() {
  for (const judge of parked.splice(0)) stopJudge(judge);
}
