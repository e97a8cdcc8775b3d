/**
 * Which hint the learner sees, and remembering which ones they have seen (in
 * progress.json), so each can be read again (`npm run hint -- 03 --all`).
 *
 * A failure report shows the hint written for that failure (one whose
 * `properties`, and `input` if given, match the failing property and input:
 * docs/lesson-format.md), else the latest step of the ladder of plain hints the
 * learner has reached (at least the first). `npm run hint` shows one hint the
 * learner has not seen: the one for their last failure if there is one, else
 * the next plain hint, else the next at all.
 */
import type { Lesson } from "../course/course.ts";
import { hintMatches, type Hint } from "../course/lesson-meta.ts";
import type { CourseResult } from "../grading/results.ts";
import { exerciseKey, type ProgressData, type ProgressStore } from "../state/progress.ts";

export interface ChosenHint {
  readonly exercise: string;
  /** 1-based, in the front matter's order. */
  readonly number: number;
  readonly total: number;
  readonly text: string;
  /** The hint was written for this very failure. */
  readonly forThisFailure: boolean;
}

export type HintOutcome =
  | (ChosenHint & {
      readonly kind: "hint";
      /** True when every hint had been seen already (this one is shown again). */
      readonly wasLast: boolean;
      /** Hints of this exercise the learner has still not seen. */
      readonly unseen: number;
    })
  | { readonly kind: "all-passed" }
  | { readonly kind: "no-such-exercise"; readonly message: string };

type FailureText = { readonly property: string; readonly input: string };

/** The numbers of the hints of an exercise the learner has seen (the old count means 1..n). */
export function seenHints(data: ProgressData, key: string): Set<number> {
  const counted = Array.from({ length: data.hints[key] ?? 0 }, (_, i) => i + 1);
  return new Set([...counted, ...(data.seenHints?.[key] ?? [])]);
}

/** The hint a failure report shows, by the rules above; undefined when the exercise has no hints. */
export function hintForFailure(lesson: Lesson, exercise: string, failure: FailureText | undefined, data: ProgressData): ChosenHint | undefined {
  const hints = hintsOf(lesson, exercise);
  if (!hints?.length) return undefined;
  const seen = seenHints(data, exerciseKey(lesson.slug, exercise));
  const numbered = hints.map((hint, i) => ({ hint, number: i + 1 }));
  const matching = failure ? numbered.filter(({ hint }) => hintMatches(hint, failure)) : [];
  if (matching.length > 0) {
    const pick = matching.find(({ number }) => !seen.has(number)) ?? matching[0]!;
    return view(exercise, pick.hint, pick.number, hints.length, true);
  }
  const plain = numbered.filter(({ hint }) => !hint.properties);
  const reached = plain.filter(({ number }) => seen.has(number)).at(-1) ?? plain[0] ?? numbered[0]!;
  return view(exercise, reached.hint, reached.number, hints.length, false);
}

/** The hints of an exercise seen so far, counting the one its last failed grade showed. */
function seenSoFar(lesson: Lesson, data: ProgressData, name: string): Set<number> {
  const key = exerciseKey(lesson.slug, name);
  const seen = seenHints(data, key);
  const record = data.exercises[key];
  const shown = record?.status === "failed" ? hintForFailure(lesson, name, record.failure, data) : undefined;
  if (shown) seen.add(shown.number);
  return seen;
}

/** For the menu: which exercise the next hint is for, and how many of its hints are still unseen. */
export function hintSummary(lesson: Lesson, data: ProgressData): { readonly exercise: string; readonly unseen: number; readonly total: number } | undefined {
  const name = exerciseFor(lesson, data);
  if (!name) return undefined;
  const total = hintsOf(lesson, name)!.length;
  return { exercise: name, unseen: total - [...seenSoFar(lesson, data, name)].filter((n) => n <= total).length, total };
}

/** Remembers the hints a failure report showed, so `npm run hint -- NN --all` can show them again. */
export function rememberReportHints(store: ProgressStore, lessons: readonly Lesson[], result: CourseResult, data: ProgressData): void {
  for (const graded of result.lessons) {
    const lesson = lessons.find((l) => l.slug === graded.slug);
    for (const e of graded.exercises) {
      if (!lesson || e.status !== "failed") continue;
      const shown = hintForFailure(lesson, e.name, e.failure, data);
      if (shown) store.markHintsSeen(exerciseKey(lesson.slug, e.name), [shown.number]);
    }
  }
}

/** The exercise `npm run hint` is for: the one named, else the first that does not pass yet. */
function exerciseFor(lesson: Lesson, data: ProgressData, exercise?: string): string | undefined {
  if (exercise) return exercise;
  return lesson.exercises.find((e) => data.exercises[exerciseKey(lesson.slug, e.name)]?.status !== "passed")?.name;
}

/** Shows (and remembers) a hint the learner has not seen yet. */
export function revealNextHint(lesson: Lesson, store: ProgressStore, data: ProgressData, exercise?: string): HintOutcome {
  if (exercise && !lesson.exercises.some((e) => e.name === exercise)) return noSuchExercise(lesson, exercise);
  const name = exerciseFor(lesson, data, exercise);
  if (!name) return { kind: "all-passed" };
  const key = exerciseKey(lesson.slug, name);
  const hints = hintsOf(lesson, name)!;
  // A failed grade already showed its hint: count it as seen, so asking always shows something new.
  const seen = seenSoFar(lesson, data, name);
  const record = data.exercises[key];
  const numbered = hints.map((hint, i) => ({ hint, number: i + 1 })).filter(({ number }) => !seen.has(number));
  const failure = record?.failure;
  const pick =
    numbered.find(({ hint }) => failure && hintMatches(hint, failure)) ??
    numbered.find(({ hint }) => !hint.properties) ??
    numbered[0];
  const wasLast = !pick;
  const chosen = pick ?? { hint: hints[hints.length - 1]!, number: hints.length };
  store.markHintsSeen(key, [...seen, chosen.number]);
  return {
    kind: "hint",
    ...view(name, chosen.hint, chosen.number, hints.length, !!failure && hintMatches(chosen.hint, failure)),
    wasLast,
    unseen: Math.max(0, numbered.length - (pick ? 1 : 0)),
  };
}

/** Every hint of a lesson's exercise the learner has seen, in order (`npm run hint -- 03 --all`). */
export function seenHintsOf(lesson: Lesson, data: ProgressData, exercise?: string): { readonly exercise: string; readonly hints: readonly ChosenHint[] } | HintOutcome {
  if (exercise && !lesson.exercises.some((e) => e.name === exercise)) return noSuchExercise(lesson, exercise);
  const name = exerciseFor(lesson, data, exercise) ?? lesson.exercises[0]!.name;
  const hints = hintsOf(lesson, name)!;
  const seen = seenSoFar(lesson, data, name);
  const numbers = [...seen].filter((n) => n <= hints.length).sort((a, b) => a - b);
  return { exercise: name, hints: numbers.map((n) => view(name, hints[n - 1]!, n, hints.length, false)) };
}

function hintsOf(lesson: Lesson, exercise: string): readonly Hint[] | undefined {
  return lesson.exercises.find((e) => e.name === exercise)?.hints;
}

function view(exercise: string, hint: Hint, number: number, total: number, forThisFailure: boolean): ChosenHint {
  return { exercise, number, total, text: hint.text, forThisFailure };
}

function noSuchExercise(lesson: Lesson, exercise: string): HintOutcome {
  return {
    kind: "no-such-exercise",
    message: `Lesson ${lesson.slug} has no exercise "${exercise}". Its exercises: ${lesson.exercises.map((e) => e.name).join(", ")}.`,
  };
}
