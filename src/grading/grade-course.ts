/**
 * Grades lessons of a course: the learner's exercises (what `npm run grade` does)
 * or the reference solutions (what the course self-check does), and turns the
 * supervisor's raw results into one CourseResult.
 */
import { dirname } from "node:path";
import type { Lesson } from "../course/course.ts";
import type { GradeOptions, Target } from "./protocol.ts";
import { RESULTS_SCHEMA, summarize, type CourseResult, type ExerciseResult } from "./results.ts";
import type { Judge } from "./child-launcher.mjs";
import { gradeTargets, type SupervisorOptions } from "./supervisor.ts";
import { readTimings, slowestFirst, writeTimings } from "./timings.ts";

export type GradeTarget = CourseResult["target"];

export function lessonTarget(lesson: Lesson, target: GradeTarget, exercises?: readonly string[]): Target {
  return {
    id: lesson.slug,
    lesson: lesson.slug,
    specFile: lesson.files.spec,
    referenceFile: lesson.files.solution,
    learnerFile: target === "solutions" ? lesson.files.solution : lesson.files.exercise,
    kind: target === "solutions" ? "trusted" : "learner",
    exercises: exercises ?? lesson.exercises.map((e) => e.name),
  };
}

export async function gradeLessons(
  lessons: readonly Lesson[],
  target: GradeTarget,
  grading: GradeOptions,
  supervisor: SupervisorOptions & { prestarted?: Judge[]; only?: string } = {},
): Promise<CourseResult> {
  const started = Date.now();
  const root = lessons[0] ? dirname(dirname(lessons[0].files.lesson)) : ".";
  const targets = lessons.map((l) => lessonTarget(l, target, supervisor.only ? [supervisor.only] : undefined));
  const ordered = slowestFirst(targets, (t) => t.id, readTimings(root));
  const results = await gradeTargets(ordered, grading, supervisor, supervisor.prestarted);
  writeTimings(
    root,
    Object.fromEntries(targets.map((t) => [t.id, results.get(t.id)!.reduce((ms, r) => ms + (r.durationMs ?? 0), 0)])),
  );
  const lessonResults = lessons.map((lesson) => ({
    slug: lesson.slug,
    title: lesson.title,
    exercises: results.get(lesson.slug) as ExerciseResult[],
  }));
  return {
    schema: RESULTS_SCHEMA,
    target,
    seed: grading.seed,
    lessons: lessonResults,
    summary: summarize(lessonResults),
    durationMs: Date.now() - started,
  };
}

/** A fresh base seed for a run, in fast-check's 32-bit range. */
export function randomSeed(): number {
  return (Math.random() * 2 ** 31) | 0;
}
