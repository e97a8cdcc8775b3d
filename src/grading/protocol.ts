/**
 * Messages between the supervisor (the grading command's own process) and the
 * child processes that run learner code. Learner code never runs in the
 * supervisor, so nothing it does can stop the report from being printed.
 */
import type { Replay } from "./run-checks.ts";
import type { ExerciseResult } from "./results.ts";

/** One module to grade against one lesson's spec: the learner's file, a solution, or a known-wrong one. */
export interface Target {
  /** Unique within a run, e.g. "03-handshake" or "03-handshake/wrong/nextState.both-established". */
  readonly id: string;
  readonly lesson: string;
  readonly specFile: string;
  readonly referenceFile: string;
  readonly learnerFile: string;
  /** Exercises to grade, in order. */
  readonly exercises: readonly string[];
}

export interface GradeOptions {
  readonly seed: number;
  readonly numRuns?: number;
  readonly replay?: Replay;
}

export type ToChild = { readonly type: "grade"; readonly target: Target; readonly options: GradeOptions };

export type FromChild =
  | { readonly type: "ready" }
  | { readonly type: "exercise-start"; readonly id: string; readonly exercise: string }
  | { readonly type: "exercise-result"; readonly id: string; readonly result: ExerciseResult }
  /** The learner's module could not be graded at all (does not load, or misbehaved): every exercise is broken. */
  | { readonly type: "target-fault"; readonly id: string; readonly message: string }
  /** `dirty`: the learner's code left timers or handles running, or changed a built-in, so this child should not be reused. */
  | { readonly type: "target-end"; readonly id: string; readonly dirty: boolean };
