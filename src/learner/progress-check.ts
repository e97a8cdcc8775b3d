/**
 * Reads progress.json for a command that depends on it (the menu, hints, the
 * solution gate). When the store had to set a corrupt or hand-edited file
 * aside, this says so and rebuilds the statuses from a fresh grade, so the
 * learner never sees "not started" for work that passes.
 */
import { existsSync } from "node:fs";
import type { Lesson } from "../course/course.ts";
import { takePrestarted } from "../grading/child-launcher.mjs";
import { gradeLessons, randomSeed } from "../grading/grade-course.ts";
import { ProgressStore, type ProgressData } from "../state/progress.ts";

export interface ProgressCheck {
  readonly store: ProgressStore;
  readonly data: ProgressData;
}

/**
 * `report` receives whole lines for the learner; `onGraded`, if given, each
 * exercise graded during a rebuild (for a live counter).
 */
export async function loadProgress(
  root: string,
  lessons: readonly Lesson[],
  report: (line: string) => void,
  onGraded?: (done: number, total: number) => void,
): Promise<ProgressCheck> {
  const store = new ProgressStore(root);
  const loaded = store.load();
  if (!loaded.problem) return { store, data: loaded.data };
  report(loaded.problem);
  // A closed-book copy has no specs to grade with: its progress starts again.
  if (lessons.some((l) => !existsSync(l.files.spec))) return { store, data: loaded.data };
  report(`Grading ${lessons.length === 1 ? `lesson ${lessons[0]!.slug}` : `all ${lessons.length} lessons`} to rebuild it…`);
  const total = lessons.reduce((n, l) => n + l.exercises.length, 0);
  let done = 0;
  const result = await gradeLessons(
    lessons,
    "exercises",
    { seed: randomSeed() },
    { prestarted: takePrestarted(), ...(onGraded ? { onProgress: () => onGraded(++done, total) } : {}) },
  );
  const { data } = store.record(result);
  report(`Progress rebuilt: ${result.summary.passed} of ${result.summary.exercises} exercises pass.`);
  return { store, data };
}
