/**
 * One more hint each time the learner asks, remembered in progress.json. The
 * hint is for the first exercise of the lesson that does not pass yet (or the
 * one named). A failed grade already shows the first hint, so after a failure
 * the next one asked for is the second: asking always shows something new,
 * until the last hint.
 */
import type { Lesson } from "../course/course.ts";
import { exerciseKey, type ProgressData, type ProgressStore } from "../state/progress.ts";

export type HintOutcome =
  | {
      readonly kind: "hint";
      readonly exercise: string;
      readonly number: number;
      readonly total: number;
      readonly text: string;
      /** True when this was already the last hint (it is shown again). */
      readonly wasLast: boolean;
    }
  | { readonly kind: "all-passed" }
  | { readonly kind: "no-such-exercise"; readonly message: string };

/** The exercise a hint is for, and the number of the hint that would come next. */
export function upcomingHint(
  lesson: Lesson,
  data: ProgressData,
  exercise?: string,
): { readonly exercise: string; readonly number: number; readonly total: number; readonly seen: number } | undefined {
  const status = (name: string) => data.exercises[exerciseKey(lesson.slug, name)]?.status;
  const chosen = exercise ? lesson.exercises.find((e) => e.name === exercise) : lesson.exercises.find((e) => status(e.name) !== "passed");
  if (!chosen) return undefined;
  const total = chosen.hints.length;
  const seen = Math.max(data.hints[exerciseKey(lesson.slug, chosen.name)] ?? 0, status(chosen.name) === "failed" ? 1 : 0);
  return { exercise: chosen.name, number: Math.min(total, seen + 1), total, seen };
}

/** Reveals (and remembers) the next hint of a lesson. */
export function revealNextHint(lesson: Lesson, store: ProgressStore, data: ProgressData, exercise?: string): HintOutcome {
  if (exercise && !lesson.exercises.some((e) => e.name === exercise)) {
    return {
      kind: "no-such-exercise",
      message: `Lesson ${lesson.slug} has no exercise "${exercise}". Its exercises: ${lesson.exercises.map((e) => e.name).join(", ")}.`,
    };
  }
  const next = upcomingHint(lesson, data, exercise);
  if (!next) return { kind: "all-passed" };
  const number = store.unlockHint(exerciseKey(lesson.slug, next.exercise), next.total, next.seen);
  const hints = lesson.exercises.find((e) => e.name === next.exercise)!.hints;
  return { kind: "hint", exercise: next.exercise, number, total: next.total, text: hints[number - 1]!, wasLast: next.seen >= next.total };
}
