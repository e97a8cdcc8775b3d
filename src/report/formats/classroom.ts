/**
 * GitHub Classroom's autograding result: the JSON document that
 * education/autograding-grading-reporter reads, base64-encoded, from a grading
 * step's `result` output. The reporter's table shows (passed ÷ tests) ×
 * max_score while Classroom receives the sum of `score`, so every passing test
 * is worth max_score ÷ tests and the two always agree.
 */
import type { CourseResult } from "../../grading/results.ts";
import { gradedExercises, overallOutcome, type Outcome } from "./graded.ts";

export interface ClassroomTest {
  readonly name: string;
  readonly status: Outcome;
  readonly score: number;
  readonly message: string;
  readonly test_code: string;
  readonly filename: string;
  readonly line_no: number;
  /** Milliseconds spent checking the exercise's properties. */
  readonly duration: number;
}

export interface ClassroomDocument {
  readonly version: 1;
  readonly status: Outcome;
  readonly max_score: number;
  readonly tests: readonly ClassroomTest[];
}

/** `maxScore` defaults to one point per exercise. */
export function classroomDocument(result: CourseResult, gradeCommand: string, maxScore?: number): ClassroomDocument {
  const graded = gradedExercises(result, gradeCommand);
  const max = maxScore ?? graded.length;
  const each = graded.length === 0 ? 0 : max / graded.length;
  return {
    version: 1,
    status: overallOutcome(graded),
    max_score: max,
    tests: graded.map((g) => ({
      name: g.name,
      status: g.outcome,
      score: g.outcome === "pass" ? each : 0,
      message: g.message,
      test_code: g.testCode,
      filename: "",
      line_no: 0,
      duration: g.exercise.durationMs ?? 0,
    })),
  };
}

/** The line a grading step appends to $GITHUB_OUTPUT: `result=<base64 of the JSON document>`. */
export function classroomOutputLine(doc: ClassroomDocument): string {
  return `result=${Buffer.from(JSON.stringify(doc), "utf8").toString("base64")}`;
}
