/**
 * The course self-check: grades every reference solution (with a fixed and a
 * random seed), every untouched stub and every known-wrong implementation in one
 * supervised run, and says, per lesson and exercise, what is not as it must be.
 * `npm test` runs it (test/course/), and so does an instructor adding a lesson.
 */
import { gradeTargets } from "../grading/supervisor.ts";
import type { Target } from "../grading/protocol.ts";
import type { ExerciseResult } from "../grading/results.ts";
import { lessonTarget } from "../grading/grade-course.ts";
import { wrongImplementations, type Course } from "./course.ts";

export const FIXED_SEED = 20261126;

export interface Expectation {
  readonly lesson: string;
  readonly exercise: string;
  /** What is being checked, in words: "the reference solution passes (seed 20261126)". */
  readonly claim: string;
  readonly target: Target;
  readonly seed: number;
  readonly holds: (result: ExerciseResult) => boolean;
}

/** Everything the self-check will claim about a course, before anything runs. */
export function expectations(course: Course, randomSeed: number): Expectation[] {
  const out: Expectation[] = [];
  for (const lesson of course.lessons) {
    for (const seed of [FIXED_SEED, randomSeed]) {
      const target = { ...lessonTarget(lesson, "solutions"), id: `${lesson.slug}/solution@${seed}` };
      for (const e of lesson.exercises) {
        out.push({ lesson: lesson.slug, exercise: e.name, claim: `the reference solution passes (seed ${seed})`, target, seed, holds: (r) => r.status === "passed" });
      }
    }
    const stub = { ...lessonTarget(lesson, "exercises"), id: `${lesson.slug}/stub` };
    for (const e of lesson.exercises) {
      out.push({ lesson: lesson.slug, exercise: e.name, claim: "the untouched stub is reported as not started", target: stub, seed: FIXED_SEED, holds: (r) => r.status === "not-started" });
    }
    for (const wrong of wrongImplementations(lesson)) {
      const target: Target = { ...lessonTarget(lesson, "solutions", [wrong.exercise]), id: `${lesson.slug}/wrong/${wrong.exercise}.${wrong.mistake}`, learnerFile: wrong.file };
      out.push({
        lesson: lesson.slug,
        exercise: wrong.exercise,
        claim: `the known-wrong "${wrong.mistake}" is rejected`,
        target,
        seed: randomSeed,
        holds: (r) => r.status === "failed",
      });
    }
  }
  return out;
}

/** Runs every expectation's target once (grouped by seed) and pairs each claim with its result. */
export async function runSelfCheck(claims: readonly Expectation[]): Promise<Map<Expectation, ExerciseResult>> {
  const out = new Map<Expectation, ExerciseResult>();
  const seeds = [...new Set(claims.map((c) => c.seed))];
  for (const seed of seeds) {
    const mine = claims.filter((c) => c.seed === seed);
    const targets = [...new Map(mine.map((c) => [c.target.id, c.target])).values()];
    const results = await gradeTargets(targets, { seed });
    for (const claim of mine) {
      const result = results.get(claim.target.id)!.find((r) => r.name === claim.exercise);
      if (result) out.set(claim, result);
    }
  }
  return out;
}
