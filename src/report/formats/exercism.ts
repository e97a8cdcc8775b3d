/**
 * Exercism's test-runner `results.json`, version 3 (exercism/docs,
 * building/tooling/test-runners/interface.md): tests in order, each linked to
 * its lesson as the task, `message` for failures, the learner's own printing as
 * `output`, capped at 500 characters.
 */
import type { CourseResult } from "../../grading/results.ts";
import { gradedExercises, overallOutcome, type Outcome } from "./graded.ts";

export const OUTPUT_LIMIT = 500;
export const TRUNCATED = "Output was truncated. Please limit to 500 chars";

export interface ExercismTest {
  readonly name: string;
  readonly status: Outcome;
  readonly message?: string;
  readonly output?: string;
  readonly test_code: string;
  readonly task_id: number;
}

export interface ExercismResults {
  readonly version: 3;
  readonly status: Outcome;
  /** Only when nothing could run: what went wrong. */
  readonly message?: string;
  readonly tests: readonly ExercismTest[];
}

export function exercismResults(result: CourseResult, gradeCommand: string): ExercismResults {
  const graded = gradedExercises(result, gradeCommand);
  const status = overallOutcome(graded);
  return {
    version: 3,
    status,
    ...(status === "error" ? { message: graded.map((g) => g.message).join("\n\n") } : {}),
    tests: graded.map((g) => ({
      name: g.name,
      status: g.outcome,
      ...(g.outcome === "pass" ? {} : { message: g.message }),
      ...(g.exercise.output ? { output: capOutput(g.exercise.output) } : {}),
      test_code: g.testCode,
      task_id: g.lessonNumber,
    })),
  };
}

/** At most 500 characters, the truncation notice included. */
export function capOutput(output: string): string {
  if (output.length <= OUTPUT_LIMIT) return output;
  return `${output.slice(0, OUTPUT_LIMIT - TRUNCATED.length - 1)}\n${TRUNCATED}`;
}
