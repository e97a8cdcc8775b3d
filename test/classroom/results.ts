/** Grading results made by hand, for the report formats' and the class report's tests. */
import { RESULTS_SCHEMA, summarize, type CourseResult, type ExerciseResult, type Failure, type LessonResult } from "../../src/grading/results.ts";

export function failure(property: string, input: string, extra: Partial<Failure> = {}): Failure {
  return { property, propertyIndex: 0, input, expected: "1", actual: "2", replay: `x:0:${input.length}:0`, ...extra };
}

export const passed = (name: string, durationMs = 12): ExerciseResult => ({ name, status: "passed", propertiesRun: 3, propertiesPassed: 3, durationMs });
export const failed = (name: string, f: Failure = failure("p holds", "input 1"), output?: string): ExerciseResult => ({
  name,
  status: "failed",
  propertiesRun: 3,
  propertiesPassed: 1,
  failure: f,
  message: `${name} does not yet have this property`,
  ...(output !== undefined ? { output } : {}),
});
export const notStarted = (name: string): ExerciseResult => ({ name, status: "not-started", propertiesRun: 3, propertiesPassed: 0, message: "not started" });
export const broken = (name: string): ExerciseResult => ({ name, status: "broken", propertiesRun: 0, propertiesPassed: 0, message: "exercises/x.ts does not load: SyntaxError" });
export const timedOut = (name: string): ExerciseResult => ({ name, status: "timed-out", propertiesRun: 0, propertiesPassed: 0, message: "did not finish within 5 s" });

export function courseResult(lessons: Record<string, readonly ExerciseResult[]>, seed = 7): CourseResult {
  const list: LessonResult[] = Object.entries(lessons).map(([slug, exercises]) => ({ slug, title: `Title of ${slug}`, exercises }));
  return { schema: RESULTS_SCHEMA, target: "exercises", seed, lessons: list, summary: summarize(list), durationMs: 345 };
}
