/**
 * The results of grading, as the report, the JSON output, the state file and the
 * course self-check all read them. `RESULTS_SCHEMA` versions the JSON document:
 * bump it when a field changes meaning or disappears (adding a field is fine).
 */
export const RESULTS_SCHEMA = 1;

export const STATUSES = ["passed", "failed", "not-started", "broken", "timed-out"] as const;
export type Status = (typeof STATUSES)[number];

/** The smallest failing case of one property, ready to show. */
export interface Failure {
  /** The property in plain words. */
  readonly property: string;
  /** Position of the property in the exercise's spec (used by --replay). */
  readonly propertyIndex: number;
  /** The counterexample, printed. */
  readonly input: string;
  /** What the reference solution gives for it. */
  readonly expected: string;
  /** What the learner's code gave, or undefined when it threw. */
  readonly actual?: string;
  /** What the learner's code threw, when it threw. */
  readonly threw?: string;
  /** Where in the learner's files it threw ("exercises/03-handshake.ts:97:12"), when it threw there. */
  readonly where?: string;
  /** The lines of the learner's file around `where`, the line itself marked with ">". */
  readonly frame?: string;
  /** Something more the learner should know, e.g. that the same input got two different answers. */
  readonly note?: string;
  /** A picture of the case (e.g. a sequence diagram), when the spec draws one. */
  readonly picture?: string;
  /** fast-check's seed and path to the counterexample; absent for exhaustive checks. */
  readonly seed?: number;
  readonly path?: string;
  /** Token for `npm run grade -- <slug> --replay <token>`: replays exactly this case. */
  readonly replay: string;
}

export interface ExerciseResult {
  readonly name: string;
  readonly status: Status;
  /** Properties checked and how many held. Zero checked is never a pass. */
  readonly propertiesRun: number;
  readonly propertiesPassed: number;
  /** The first property that failed, for status "failed". */
  readonly failure?: Failure;
  /** A sentence for the learner, for every status but "passed". */
  readonly message?: string;
  /** Anything the learner's code printed while this exercise ran (truncated). */
  readonly output?: string;
  /** How long checking the properties took, in the process that ran them. */
  readonly durationMs?: number;
}

export interface LessonResult {
  readonly slug: string;
  readonly title: string;
  readonly exercises: readonly ExerciseResult[];
}

export interface CourseResult {
  readonly schema: typeof RESULTS_SCHEMA;
  /** Which code was graded: the learner's exercises, or the reference solutions. */
  readonly target: "exercises" | "solutions";
  /** The base seed every random property used in this run. */
  readonly seed: number;
  readonly lessons: readonly LessonResult[];
  readonly summary: { readonly exercises: number; readonly passed: number };
  readonly durationMs: number;
}

export function summarize(lessons: readonly LessonResult[]): CourseResult["summary"] {
  const all = lessons.flatMap((l) => l.exercises);
  return { exercises: all.length, passed: all.filter((e) => e.status === "passed").length };
}

export function allPassed(result: CourseResult): boolean {
  return result.summary.exercises > 0 && result.summary.passed === result.summary.exercises;
}
