/**
 * Where the learner stands, lesson by lesson, according to the last grades
 * recorded in progress.json: what the menu lists, and the next step it suggests.
 */
import { statSync } from "node:fs";
import type { Course, Lesson } from "../course/course.ts";
import type { Status } from "../grading/results.ts";
import { statusMark } from "../report/text-report.ts";
import { exerciseKey, type ProgressData } from "../state/progress.ts";
import type { Colors } from "../ui/colors.ts";

/** A lesson as a whole: every exercise passed; something failed; some passed and the rest untouched; nothing done. */
export type LessonState = "passed" | "failed" | "partly-done" | "not-started";

export interface LessonProgress {
  readonly lesson: Lesson;
  /** Each exercise's last graded status; undefined when it was never graded. */
  readonly exercises: readonly { readonly name: string; readonly status: Status | undefined }[];
  readonly state: LessonState;
  readonly passed: number;
  readonly total: number;
}

export function lessonProgress(lesson: Lesson, data: ProgressData): LessonProgress {
  const exercises = lesson.exercises.map((e) => ({ name: e.name, status: data.exercises[exerciseKey(lesson.slug, e.name)]?.status }));
  const passed = exercises.filter((e) => e.status === "passed").length;
  const total = exercises.length;
  const troubled = exercises.some((e) => e.status !== undefined && e.status !== "passed" && e.status !== "not-started");
  const state: LessonState = passed === total ? "passed" : troubled ? "failed" : passed > 0 ? "partly-done" : "not-started";
  return { lesson, exercises, state, passed, total };
}

export interface CourseProgress {
  readonly lessons: readonly LessonProgress[];
  readonly passed: number;
  readonly total: number;
  /** The first lesson that does not pass yet, in course order. */
  readonly next: LessonProgress | undefined;
}

export function courseProgress(course: Course, data: ProgressData): CourseProgress {
  const lessons = course.lessons.map((l) => lessonProgress(l, data));
  return {
    lessons,
    passed: lessons.reduce((n, l) => n + l.passed, 0),
    total: lessons.reduce((n, l) => n + l.total, 0),
    next: lessons.find((l) => l.state !== "passed"),
  };
}

/**
 * Whether the learner's exercise file was saved after the lesson was last
 * graded: its ✓ or ✗ is then about an older version of the file.
 */
export function changedSinceGraded(lesson: Lesson, data: ProgressData): boolean {
  const times = lesson.exercises.map((e) => data.exercises[exerciseKey(lesson.slug, e.name)]?.at).filter((t): t is string => t !== undefined);
  if (times.length === 0) return false;
  const graded = Math.min(...times.map((t) => Date.parse(t)));
  try {
    return statSync(lesson.files.exercise).mtimeMs > graded;
  } catch {
    return false;
  }
}

/** "passed", "failed", "not started" or "1 of 3 passed". */
export function stateLabel(p: LessonProgress): string {
  switch (p.state) {
    case "passed":
      return "passed";
    case "failed":
      return "failed";
    case "partly-done":
      return `${p.passed} of ${p.total} passed`;
    case "not-started":
      return "not started";
  }
}

/** ✓, ✗ or ·, coloured like the grade report's. */
export function stateMark(p: LessonProgress, c: Colors): string {
  return statusMark(p.state === "passed" ? "passed" : p.state === "failed" ? "failed" : "not-started", c);
}

/** The exercise file as the learner finds it: "exercises/01-flags.ts". */
export function exerciseFile(lesson: Lesson): string {
  return `exercises/${lesson.slug}.ts`;
}

/** One sentence: what to do next in the whole course. */
export function nextStepSentence(progress: CourseProgress): string {
  const next = progress.next;
  if (!next) return "Every lesson passes. Well done! Re-read any lesson, or grade them all again with npm run grade.";
  const todo = next.exercises.find((e) => e.status !== "passed") ?? next.exercises[0]!;
  if (next.state === "not-started" && next.exercises.every((e) => e.status === undefined)) {
    return `Next: read lesson ${next.lesson.slug}, then write ${todo.name} in ${exerciseFile(next.lesson)}.`;
  }
  return `Next: ${todo.name} in ${exerciseFile(next.lesson)} (lesson ${next.lesson.slug}).`;
}
