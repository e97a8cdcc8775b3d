/**
 * The course checks itself: every reference solution passes its specs, every
 * untouched stub is "not started", every known-wrong implementation is rejected,
 * and every lesson's metadata and links are sound. Each failing test names the
 * lesson and exercise.
 */
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse, wrongImplementations } from "../../src/course/course.ts";
import { expectations, runSelfCheck } from "../../src/course/self-check.ts";
import type { ExerciseResult } from "../../src/grading/results.ts";

const course = loadCourse();
const randomSeed = (Math.random() * 2 ** 31) | 0;
const claims = expectations(course, randomSeed);
let results: Map<(typeof claims)[number], ExerciseResult>;

beforeAll(async () => {
  results = await runSelfCheck(claims);
}, 240_000);

describe.each(course.lessons.map((l) => [l.slug, l] as const))("%s", (_slug, lesson) => {
  it.each(claims.filter((c) => c.lesson === lesson.slug).map((c) => [`${c.exercise}: ${c.claim}`, c] as const))("%s", (_name, claim) => {
    const result = results.get(claim);
    expect(result, "no result was produced").toBeDefined();
    const detail = result!.failure
      ? `${result!.failure.property}; input ${result!.failure.input}; expected ${result!.failure.expected}; got ${result!.failure.actual ?? result!.failure.threw}`
      : (result!.message ?? "");
    expect(claim.holds(result!), `${lesson.slug} ${claim.exercise}: status ${result!.status}. ${detail}`).toBe(true);
  });

  it("has at least three known-wrong implementations per exercise, each for a real exercise", () => {
    const wrongs = wrongImplementations(lesson);
    for (const w of wrongs) expect(lesson.exercises.map((e) => e.name), `${w.file} names an unknown exercise`).toContain(w.exercise);
    for (const e of lesson.exercises) {
      expect(wrongs.filter((w) => w.exercise === e.name).length, `${lesson.slug} ${e.name}: known-wrong implementations`).toBeGreaterThanOrEqual(3);
    }
  });

  it("links only to files that exist", () => {
    const links = [...lesson.body.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
    for (const link of links.filter((l) => !/^(https?:|mailto:|#)/.test(l))) {
      const path = resolve(dirname(lesson.files.lesson), link.split("#")[0]!);
      expect(existsSync(path), `${lesson.slug}: broken link or image ${link}`).toBe(true);
    }
  });
});
