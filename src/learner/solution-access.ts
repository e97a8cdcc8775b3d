/** When the reference solution of a lesson may be shown: once it passes, or after the learner gave up on it. */
import type { Lesson } from "../course/course.ts";
import type { ProgressData } from "../state/progress.ts";
import { lessonProgress } from "./lesson-status.ts";

export function solutionUnlocked(lesson: Lesson, data: ProgressData): "passed" | "gave-up" | undefined {
  if (lessonProgress(lesson, data).state === "passed") return "passed";
  return data.gaveUp?.[lesson.slug] ? "gave-up" : undefined;
}
