/**
 * Hands grading targets to judges (worker threads, judge-worker.ts) and
 * collects their results. Two judges work at once, one per core; each grades
 * one target at a time in sandboxed runners of its own (grade-target.ts), so
 * neither this thread nor the judges ever load learner code.
 */
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { startJudge, stopJudge, type Judge } from "./child-launcher.mjs";
import type { TargetLimits } from "./grade-target.ts";
import type { FromJudge, ToJudge } from "./judge-protocol.ts";
import type { GradeOptions, Target } from "./protocol.ts";
import type { ExerciseResult } from "./results.ts";

export interface SupervisorOptions extends TargetLimits {
  /** Judges working at once (default: up to 2, one per core). */
  readonly concurrency?: number;
  /** Called each time an exercise's grading ends, e.g. to move a progress bar. */
  readonly onProgress?: (target: Target, result: ExerciseResult) => void;
  /**
   * Keep the judges handed in running when done, each with a warm runner (watch
   * mode grades again on the next save); the caller stops them with stopJudge.
   */
  readonly keepJudges?: boolean;
}

/** A judge that says nothing for this long is stuck in the grader's own code (never the learner's, which has its limits). */
const JUDGE_SILENCE_MS = 120_000;

/**
 * Grades every target; resolves with each target's results in its exercises' order.
 * Judges handed in (see child-launcher.mjs) are used first.
 */
export async function gradeTargets(
  targets: readonly Target[],
  grading: GradeOptions,
  options: SupervisorOptions = {},
  prestarted: Judge[] = [],
): Promise<Map<string, ExerciseResult[]>> {
  const queue = [...targets];
  const out = new Map<string, ExerciseResult[]>();
  const spare = [...prestarted];
  const limits: TargetLimits = {
    ...(options.exerciseTimeoutMs !== undefined ? { exerciseTimeoutMs: options.exerciseTimeoutMs } : {}),
    ...(options.loadTimeoutMs !== undefined ? { loadTimeoutMs: options.loadTimeoutMs } : {}),
    ...(options.targetBudgetMs !== undefined ? { targetBudgetMs: options.targetBudgetMs } : {}),
  };
  const slot = async () => {
    let judge: Judge | undefined;
    for (let target = queue.shift(); target; target = queue.shift()) {
      judge ??= spare.shift() ?? startJudge(target.kind);
      const worker = await judge.ready;
      // The runner for the next target starts while this one is graded (in watch mode: for the next save).
      const next = queue[0]?.kind ?? (options.keepJudges ? target.kind : undefined);
      const graded = worker ? await judgeOne(worker, { type: "grade", target, grading, limits, ...(next ? { next } : {}) }, options) : undefined;
      if (graded) {
        out.set(target.id, graded);
        continue;
      }
      const why = worker ? "the grader's own thread stopped" : `the grader could not start${judge.problem ? `: ${judge.problem}` : ""}`;
      out.set(target.id, target.exercises.map((name) => broken(name, `This exercise could not be graded: ${why} (not your fault, please report it).`)));
      stopJudge(judge);
      judge = undefined;
    }
    if (judge && !options.keepJudges) stopJudge(judge);
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? Math.min(2, availableParallelism()), targets.length));
  await Promise.all(Array.from({ length: concurrency }, slot));
  if (!options.keepJudges) for (const judge of spare) stopJudge(judge);
  return out;
}

/** Has `worker` grade one target; undefined when the worker dies or falls silent. */
function judgeOne(worker: Worker, request: Extract<ToJudge, { type: "grade" }>, options: SupervisorOptions): Promise<ExerciseResult[] | undefined> {
  const { target } = request;
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout;
    const finish = (results: ExerciseResult[] | undefined) => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("exit", onGone);
      worker.off("error", onGone);
      resolve(results);
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void worker.terminate();
        finish(undefined);
      }, JUDGE_SILENCE_MS);
    };
    const onMessage = (m: FromJudge) => {
      arm();
      if (m.type === "result" && m.id === target.id) options.onProgress?.(target, m.result);
      if (m.type === "done" && m.id === target.id) finish([...m.results]);
    };
    const onGone = () => finish(undefined);
    worker.on("message", onMessage);
    worker.once("exit", onGone);
    worker.once("error", onGone);
    arm();
    worker.postMessage(request);
  });
}

function broken(name: string, message: string): ExerciseResult {
  return { name, status: "broken", propertiesRun: 0, propertiesPassed: 0, message };
}
