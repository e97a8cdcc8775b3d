/**
 * What every machine-readable report (Classroom, Exercism, JUnit) says about one
 * exercise: one test per exercise, in course order, with a pass/fail/error
 * outcome, the plain-text report of what went wrong, and the command that
 * reproduces it. One place, so the three formats cannot disagree.
 */
import pc from "picocolors";
import type { CourseResult, ExerciseResult, LessonResult, Status } from "../../grading/results.ts";
import { exerciseLines } from "../text-report.ts";

export type Outcome = "pass" | "fail" | "error";

export interface GradedExercise {
  readonly lesson: LessonResult;
  /** The lesson's number (01-flags is 1): Exercism's task id. */
  readonly lessonNumber: number;
  readonly exercise: ExerciseResult;
  /** "01-flags encodeFlags" */
  readonly name: string;
  readonly outcome: Outcome;
  /** The report a learner would read in the terminal, without colour; empty for a pass. */
  readonly message: string;
  /** The command that grades exactly this again: the replay of a failure, else the lesson with this run's seed. */
  readonly testCode: string;
}

/** A file that does not load (or misbehaves) is an error; every other shortfall is a failure. */
const OUTCOME: Record<Status, Outcome> = { passed: "pass", failed: "fail", "not-started": "fail", "timed-out": "fail", broken: "error" };

const PLAIN = pc.createColors(false);

export function gradedExercises(result: CourseResult, gradeCommand: string): GradedExercise[] {
  const ctx = { colors: PLAIN, hintFor: () => undefined, gradeCommand, hintCommand: "", width: 100 };
  return result.lessons.flatMap((lesson) =>
    lesson.exercises.map((exercise) => ({
      lesson,
      lessonNumber: Number.parseInt(lesson.slug, 10),
      exercise,
      name: `${lesson.slug} ${exercise.name}`,
      outcome: OUTCOME[exercise.status],
      message: exercise.status === "passed" ? "" : dedent(exerciseLines(lesson.slug, exercise, ctx)).join("\n"),
      testCode: exercise.failure
        ? `${gradeCommand} ${lesson.slug} --replay ${exercise.failure.replay}`
        : `${gradeCommand} ${lesson.slug} --seed ${result.seed}`,
    })),
  );
}

/** The whole run's outcome: error only when nothing could run at all. */
export function overallOutcome(tests: readonly { readonly outcome: Outcome }[]): Outcome {
  if (tests.length > 0 && tests.every((t) => t.outcome === "pass")) return "pass";
  if (tests.length > 0 && tests.every((t) => t.outcome === "error")) return "error";
  return "fail";
}

function dedent(lines: readonly string[]): string[] {
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent));
}
