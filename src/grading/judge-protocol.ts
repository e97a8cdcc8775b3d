/** Messages between the grading command's main thread and its judges (judge-worker.ts). */
import type { TargetLimits } from "./grade-target.ts";
import type { GradeOptions, RunnerKind, Target } from "./protocol.ts";
import type { ExerciseResult } from "./results.ts";

/** A judge's start: `warm` starts a runner of that kind at once, ready for the first target. */
export interface JudgeData {
  readonly warm?: RunnerKind;
}

export type ToJudge = {
  readonly type: "grade";
  readonly target: Target;
  readonly grading: GradeOptions;
  readonly limits: TargetLimits;
  /** The kind of the target that will follow this one, if any: its runner can start early. */
  readonly next?: RunnerKind;
};

export type FromJudge =
  | { readonly type: "ready" }
  | { readonly type: "result"; readonly id: string; readonly result: ExerciseResult }
  | { readonly type: "done"; readonly id: string; readonly results: readonly ExerciseResult[] }
  /** A runner started or ended, so the main thread can stop any still running when the command ends. */
  | { readonly type: "runner"; readonly pid: number; readonly running: boolean };
