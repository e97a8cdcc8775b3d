/**
 * The process that runs learner code. It grades one target at a time, as the
 * supervisor asks, and reports progress so the supervisor's watchdog knows what
 * was running if this process hangs or dies.
 */
import { dirname, relative, resolve, sep } from "node:path";
import { isNotImplemented } from "../../lib/not-implemented.ts";
import type { Spec } from "../../grader/kit/spec.ts";
import { printThrown } from "./print-value.ts";
import type { FromChild, GradeOptions, Target, ToChild } from "./protocol.ts";
import { checkExercise, SpecError } from "./run-checks.ts";
import type { ExerciseResult } from "./results.ts";
import { importCompiled, PROJECT_ROOT, sourcesOf } from "./compiled-runtime.ts";
import { installSandbox } from "./sandbox.ts";

// Errors in learner code then point into the .ts files, not the compiled ones.
process.setSourceMapsEnabled(true);

const send = (message: FromChild) => process.send!(message);
const sandbox = installSandbox((id, message) => send({ type: "target-fault", id, message }));
const baselineResources = resourceCounts();

process.on("message", (message: ToChild) => {
  if (message.type === "grade") void sandbox.run(message.target.id, () => grade(message.target, message.options));
});
process.on("disconnect", () => sandbox.realExit(0));
send({ type: "ready" });

async function grade(target: Target, options: GradeOptions): Promise<void> {
  const loaded = await loadModules(target);
  if (loaded) {
    sandbox.takeOutput(); // output at import time is shown with the first exercise below
    for (const exercise of target.exercises) {
      send({ type: "exercise-start", id: target.id, exercise });
      const started = performance.now();
      const result = gradeExercise(exercise, loaded, options);
      const durationMs = Math.round(performance.now() - started);
      const output = sandbox.takeOutput();
      send({ type: "exercise-result", id: target.id, result: { ...result, durationMs, ...(output ? { output } : {}) } });
    }
  }
  // Let stray timers and rejections from this target surface before it is declared done.
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 0));
  send({ type: "target-end", id: target.id, dirty: resourcesLeftBehind() || sandbox.builtinsChanged() });
}

interface Loaded {
  readonly spec: Spec<Record<string, unknown>>;
  readonly reference: Record<string, unknown>;
  readonly learner: Record<string, unknown>;
  readonly learnerFile: string;
}

async function loadModules(target: Target): Promise<Loaded | undefined> {
  const load = importCompiled;
  let spec: Loaded["spec"];
  let reference: Loaded["reference"];
  try {
    spec = (await load(target.specFile)).default as Loaded["spec"];
    reference = await load(target.referenceFile);
  } catch (error) {
    send({ type: "target-fault", id: target.id, message: `The grader itself failed to load (not your fault): ${printThrown(error)}` });
    return undefined;
  }
  try {
    const learner = await load(target.learnerFile);
    const borrowed = borrowedAnswers(target);
    if (borrowed) {
      send({ type: "target-fault", id: target.id, message: borrowed });
      return undefined;
    }
    return { spec, reference, learner, learnerFile: target.learnerFile };
  } catch (error) {
    send({ type: "target-fault", id: target.id, message: describeLoadError(error, target.learnerFile) });
    return undefined;
  }
}

/**
 * A learner's file that imports the reference solutions or the hidden specs
 * would pass without being written: say so instead of grading it. (Reference
 * solutions and known-wrong implementations live there, and are not checked.)
 */
function borrowedAnswers(target: Target): string | undefined {
  const hidden = [dirname(target.referenceFile), dirname(dirname(target.specFile))].map((dir) => dir + sep);
  if (hidden.some((dir) => target.learnerFile.startsWith(dir))) return undefined;
  const used = sourcesOf(target.learnerFile).find((file) => hidden.some((dir) => file.startsWith(dir)));
  if (!used) return undefined;
  return `${relative(PROJECT_ROOT, target.learnerFile)} imports ${relative(PROJECT_ROOT, used)}, which holds the answers. Grading needs your own code: remove that import.`;
}

function gradeExercise(exercise: string, loaded: Loaded, options: GradeOptions): ExerciseResult {
  const file = relative(PROJECT_ROOT, loaded.learnerFile);
  if (typeof loaded.learner[exercise] !== "function") {
    return {
      name: exercise,
      status: "broken",
      propertiesRun: 0,
      propertiesPassed: 0,
      message: `${file} does not export a function named ${exercise}. Keep the "export function ${exercise}(...)" line from the original file.`,
    };
  }
  try {
    return checkExercise(exercise, loaded.spec[exercise] ?? [], loaded.learner, loaded.reference, { ...options, learnerFile: loaded.learnerFile });
  } catch (error) {
    const message =
      error instanceof SpecError
        ? `The grader's check for ${exercise} went wrong (not your fault, please report it): ${error.message}`
        : `Grading ${exercise} failed: ${printThrown(error)}`;
    return { name: exercise, status: "broken", propertiesRun: 0, propertiesPassed: 0, message };
  }
}

/** "does not load" in words: a syntax error with file:line, or what was thrown at import and where. */
function describeLoadError(error: unknown, learnerFile: string): string {
  const text = error instanceof Error ? error.message : "";
  // esbuild's compile errors read "path/to/file.ts:2:12: ERROR: Unexpected ..." (path from the project folder).
  const compile = /^([^\s:][^\n]*?\.[cm]?ts):(\d+):(\d+): ERROR: (.*)$/m.exec(text);
  if (compile) {
    const file = relative(PROJECT_ROOT, resolve(PROJECT_ROOT, compile[1]!));
    return `${file}:${compile[2]}:${compile[3]}: ${compile[4]}. The file does not compile, so nothing in it can be graded.`;
  }
  if (isNotImplemented(error)) {
    return `${relative(PROJECT_ROOT, learnerFile)} throws "not implemented yet" as soon as it is loaded; that line belongs inside a function.`;
  }
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  const frame = /\((\/[^)]*?\.ts):(\d+):(\d+)\)/.exec(stack) ?? /at (\/[^\s]*?\.ts):(\d+):(\d+)/.exec(stack);
  const where = frame && !frame[1]!.includes("node_modules") ? `${relative(PROJECT_ROOT, frame[1]!)}:${frame[2]}: ` : "";
  return `${where}your code threw while being loaded, before any exercise could run: ${printThrown(error)}`;
}

function resourceCounts(): number {
  return process.getActiveResourcesInfo().filter((r) => r !== "PipeWrap" && r !== "TTYWrap").length;
}

function resourcesLeftBehind(): boolean {
  return resourceCounts() > baselineResources;
}
