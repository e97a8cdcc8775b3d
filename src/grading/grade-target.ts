/**
 * Grades one target (a learner's file, or one of the course's own files in the
 * self-check) in a judge worker (judge-worker.ts): the file is compiled here and
 * checked to import only what it may; a sandboxed runner (runner.ts) loads it
 * with the lesson's harness; the judge (judge.ts) asks the runner for values
 * and decides. A runner that does not answer in time is killed and one that
 * dies is replaced; either way the exercise that was running is reported
 * against its own lesson while the rest carries on in a fresh runner. A runner
 * takes the next target only when this one left nothing behind in it (no
 * pending work, no fault, no built-in changed: see leftovers.ts), so nothing
 * one lesson's code changes can reach another's.
 */
import fc from "fast-check";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Spec } from "../../grader/kit/spec.ts";
import type { Child } from "./child-launcher.mjs";
import { compileHarness, compileModule, compileTarget, EXPECTED_DIR } from "./compile.mjs";
import { ExpectedDigests } from "./expected-digests.ts";
import { judgeExercise, SpecError } from "./judge.ts";
import type { Frame, GradeOptions, Target, Thrown } from "./protocol.ts";
import type { ExerciseResult } from "./results.ts";
import { RunnerGone, RunnerSession } from "./runner-session.ts";
import { sourcePlaces, type Place } from "./source-map.ts";
import { capText } from "./transfer.ts";
import { printThrown } from "./print-value.ts";

export interface TargetLimits {
  /** Longest one exercise's code may run, in all (default 5 s). */
  readonly exerciseTimeoutMs?: number;
  /** Longest loading a learner's module may take (default 5 s). */
  readonly loadTimeoutMs?: number;
  /**
   * Longest a whole target's code may run, loading included (default 12 s): a
   * lesson whose every function loops forever is reported in about this time.
   * Each exercise gets at most its fair share of what is left. Only the time
   * spent waiting for learner code counts, never the grader's own.
   */
  readonly targetBudgetMs?: number;
}

/** The course folder of a target: its spec is <root>/grader/<slug>/spec.ts. */
const courseRoot = (target: Target) => resolve(target.specFile, "../../..");
const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PROJECT_LIB = join(PROJECT_ROOT, "lib");

interface Judged {
  readonly spec: Spec<Record<string, unknown>>;
  readonly reference: Record<string, unknown>;
  readonly harness: string;
  readonly expectedDigests: ExpectedDigests;
}

/** The judge's modules of a lesson (spec, reference, harness), loaded once per process. */
const judged = new Map<string, Promise<Judged>>();

function judgeModules(target: Target): Promise<Judged> {
  const key = `${target.specFile}\0${target.referenceFile}`;
  let found = judged.get(key);
  if (!found) {
    found = (async () => {
      const [specFile, referenceFile, harness] = await Promise.all([
        compileModule(target.specFile),
        compileModule(target.referenceFile),
        compileHarness(target.specFile, join(courseRoot(target), "solutions")),
      ]);
      const load = async (file: string) => (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const [spec, reference] = await Promise.all([load(specFile), load(referenceFile)]);
      const texts = [specFile, referenceFile].map((file) => readFileSync(file, "utf8"));
      return { spec: spec.default as Judged["spec"], reference, harness, expectedDigests: new ExpectedDigests(EXPECTED_DIR, [...texts, harness, fc.__version]) };
    })();
    judged.set(key, found);
    found.catch(() => judged.delete(key));
  }
  return found;
}

export async function gradeTarget(
  target: Target,
  grading: GradeOptions,
  options: TargetLimits,
  takeRunner: () => Child,
  onResult: (result: ExerciseResult) => void,
  /** Takes back a runner that may grade another target (its lesson left nothing behind, see leftovers.ts). */
  giveBack?: (child: Child) => void,
): Promise<ExerciseResult[]> {
  const budget = options.targetBudgetMs ?? 12_000;
  /** The runners' time spent on this target so far (only their time counts against the budget). */
  let spent = 0;
  const exerciseTimeout = options.exerciseTimeoutMs ?? 5000;
  const loadTimeout = options.loadTimeoutMs ?? 5000;
  const file = relative(courseRoot(target), target.learnerFile);
  const results: ExerciseResult[] = [];
  const record = (result: ExerciseResult) => {
    results.push(result);
    onResult(result);
  };
  const all = (make: (name: string) => ExerciseResult) => {
    for (const name of target.exercises.slice(results.length)) record(make(name));
    return results;
  };

  let judge: Judged;
  try {
    judge = await judgeModules(target);
  } catch (error) {
    return all((name) => broken(name, `The grader itself failed to load (not your fault): ${capText(printThrown(error), 2000)}`));
  }
  if (!existsSync(target.learnerFile)) {
    return all((name) => broken(name, `${file} is missing. \`npm run reset -- ${target.lesson.slice(0, 2)}\` puts the original back (your other lessons are not touched).`));
  }
  let compiled: Awaited<ReturnType<typeof compileTarget>>;
  try {
    compiled = await compileTarget(target.learnerFile, target.kind);
  } catch (error) {
    return all((name) => broken(name, describeCompileError(error, courseRoot(target))));
  }
  const refusal = target.kind === "learner" ? importRefusal(target, compiled) : undefined;
  if (refusal) return all((name) => broken(name, refusal));
  const libs = [PROJECT_LIB, join(courseRoot(target), "lib"), resolve(target.learnerFile, "../../lib")].map((d) => d + sep);
  const ownFiles = compiled.sources.filter((s) => !libs.some((d) => s.startsWith(d)));
  const places = sourcePlaces(compiled.file);

  let session: RunnerSession | undefined;
  let functions: readonly string[] = [];
  let loadOutput = "";
  const faults: string[] = [];
  const stop = () => {
    if (!session) return;
    spent += session.spent;
    faults.push(...session.faults);
    session.kill();
    session = undefined;
  };
  /** A runner with the module loaded, or the reason every remaining exercise cannot be graded. */
  const open = async (): Promise<((name: string) => ExerciseResult) | undefined> => {
    session = new RunnerSession(takeRunner());
    if (!(await session.ready())) {
      const why = session.startProblem();
      stop();
      return (name) => broken(name, why);
    }
    session.allowance = Math.min(loadTimeout, budget - spent);
    try {
      const loaded = await session.load(judge.harness, compiled.file);
      loadOutput = session.takeOutput();
      if (loaded.ok) {
        functions = loaded.functions;
        return undefined;
      }
      const why = loaded.byGrader
        ? `The grader itself failed to load (not your fault): ${loaded.thrown.text}`
        : describeLoadError(loaded.thrown, file, courseRoot(target), places, ownFiles);
      stop();
      return (name) => broken(name, why, loadOutput);
    } catch (error) {
      stop();
      if (error instanceof RunnerGone && error.reason === "timeout") {
        return (name) => timedOut(name, `Loading ${file} did not finish in time: code at the top level of the file (outside any function) never stops.`);
      }
      return (name) => broken(name, `While ${file} was being loaded, ${(error as Error).message}`);
    }
  };

  for (const [i, exercise] of target.exercises.entries()) {
    if (!session) {
      const cannot = await open();
      if (cannot) return all(cannot);
    }
    if (!functions.includes(exercise)) {
      record(broken(exercise, `${file} does not export a function named ${exercise}. Keep the "export function ${exercise}(...)" line from the original file.`));
      continue;
    }
    const runner = session!;
    const share = (budget - spent - runner.spent) / (target.exercises.length - i);
    const limit = Math.max(0, Math.min(exerciseTimeout, share));
    runner.allowance = limit;
    const began = performance.now();
    let result: ExerciseResult;
    try {
      result = await judgeExercise(exercise, judge.spec[exercise] ?? [], judge.reference, runner, {
        ...grading,
        learnerFile: target.learnerFile,
        root: courseRoot(target),
        places,
        ownFiles,
        expectedDigests: judge.expectedDigests,
      });
    } catch (error) {
      if (error instanceof RunnerGone && error.reason === "timeout") {
        result = timedOut(exercise, `${exercise} did not finish within ${seconds(limit)}. Look for a loop that never ends, or one that runs billions of times.`);
      } else if (error instanceof RunnerGone) {
        result = broken(exercise, `While ${exercise} was being graded, ${error.message}`);
      } else if (error instanceof SpecError) {
        result = broken(exercise, `The grader's check for ${exercise} went wrong (not your fault, please report it): ${capText(error.message, 2000)}`);
      } else {
        result = broken(exercise, `Grading ${exercise} failed: ${capText(printThrown(error), 2000)}`);
      }
    }
    const output = [loadOutput, runner.takeOutput()].filter(Boolean).join("\n");
    loadOutput = "";
    record({ ...result, durationMs: Math.round(performance.now() - began), ...(output ? { output: capText(output, 2000) } : {}) });
    if (runner.dead) stop();
  }
  judge.expectedDigests.save();
  if (session) {
    session.allowance = 1000;
    if ((await session.end()) && giveBack) {
      spent += session.spent;
      giveBack(session.release());
      session = undefined;
    } else {
      stop();
    }
  }
  const fault = faults[0];
  return fault ? results.map((r) => (r.status === "timed-out" ? r : broken(r.name, fault, r.output))) : results;
}

/**
 * An exercise file may import other exercise files, lib/ and Node's built-in
 * modules: anything else (the reference solutions, the specs, compiled code,
 * packages the sandbox cannot read) is refused before it runs.
 */
function importRefusal(target: Target, compiled: { sources: readonly string[]; externals: readonly string[] }): string | undefined {
  const root = courseRoot(target);
  // The exercises folder is usually the course's own, but may be elsewhere (classroom grading with --pristine).
  const exercises = dirname(target.learnerFile);
  const allowed = [exercises, join(exercises, "..", "lib"), join(root, "lib"), PROJECT_LIB].map((d) => resolve(d) + sep);
  const shown = (p: string) => relative(root, p);
  const foreign = compiled.sources.find((s) => !allowed.some((d) => s.startsWith(d)));
  if (foreign) {
    const answers = [join(root, "solutions"), join(root, "grader")].some((d) => foreign.startsWith(d + sep));
    return `${shown(target.learnerFile)} imports ${shown(foreign)}${answers ? ", which holds the answers" : ""}. Exercise files may import only other exercise files, lib/ and Node's built-in modules: grading needs your own code.`;
  }
  const pkg = compiled.externals[0];
  if (pkg) return `${shown(target.learnerFile)} imports the package "${pkg}". Exercise files may import only other exercise files, lib/ and Node's built-in modules.`;
  return undefined;
}

/** esbuild's compile errors read "path/to/file.ts:2:12: ERROR: Unexpected ..." (path from the project folder). */
function describeCompileError(error: unknown, root: string): string {
  const text = error instanceof Error ? error.message : String(error);
  const m = /^([^\s:][^\n]*?\.[cm]?ts):(\d+):(\d+): ERROR: (.*)$/m.exec(text);
  if (!m) return `Your file could not be compiled: ${capText(text.split("\n")[0] ?? text, 500)}`;
  const file = relative(root, resolve(PROJECT_ROOT, m[1]!));
  return `${file}:${m[2]}:${Number(m[3]) + 1}: ${m[4]}. The file does not compile, so nothing in it can be graded.`;
}

/** "does not load" in words: what was thrown at import, and where. */
function describeLoadError(thrown: Thrown, file: string, root: string, places: (frames: readonly Frame[]) => Place[], ownFiles: readonly string[]): string {
  if (thrown.notImplemented) return `${file} throws "not implemented yet" as soon as it is loaded; that line belongs inside a function.`;
  const place = places(thrown.frames ?? []).find((p) => ownFiles.includes(p.file));
  const where = place ? `${relative(root, place.file)}:${place.line}: ` : "";
  if (/ERR_ACCESS_DENIED|Access to this API has been restricted/.test(thrown.text)) {
    return `${where}your code tried to do something grading does not allow (read or write files, start processes or threads) while being loaded: ${thrown.text}`;
  }
  return `${where}your code threw while being loaded, before any exercise could run: ${thrown.text}`;
}

function broken(name: string, message: string, output?: string): ExerciseResult {
  return { name, status: "broken", propertiesRun: 0, propertiesPassed: 0, message, ...(output ? { output } : {}) };
}

function timedOut(name: string, message: string): ExerciseResult {
  return { name, status: "timed-out", propertiesRun: 0, propertiesPassed: 0, message };
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
