/** The compact report a terminal gets: one failure in full, the rest one line each; the words of a count. */
import pc from "picocolors";
import { expect, it } from "vitest";
import type { CourseResult, ExerciseResult, LessonResult } from "../../src/grading/results.ts";
import { renderReport } from "../../src/report/text-report.ts";

const failed = (name: string, run: number, held: number, actual = "1"): ExerciseResult => ({
  name,
  status: "failed",
  propertiesRun: run,
  propertiesPassed: held,
  failure: { property: `${name} works`, propertyIndex: 0, input: "[ 0 ]", expected: "0", actual, replay: `${name}:0:1` },
});
const ok = (name: string): ExerciseResult => ({ name, status: "passed", propertiesRun: 2, propertiesPassed: 2 });
const untouched = (name: string): ExerciseResult => ({ name, status: "not-started", propertiesRun: 0, propertiesPassed: 0 });
const lesson = (slug: string, ...exercises: ExerciseResult[]): LessonResult => ({ slug, title: `Lesson ${slug}`, exercises });

const result: CourseResult = {
  schema: 1,
  target: "exercises",
  seed: 1,
  durationMs: 1,
  summary: { exercises: 7, passed: 2 },
  lessons: [lesson("01-a", ok("f"), ok("g")), lesson("02-b", failed("first", 1, 0), failed("second", 3, 0, "undefined")), lesson("03-c", untouched("h")), lesson("04-d", untouched("i")), lesson("05-e", untouched("j"))],
};
const render = (expand: "all" | "first") =>
  renderReport(result, { colors: pc.createColors(false), hintFor: () => undefined, gradeCommand: "npm run grade --", hintCommand: "npm run hint --", expand, expandKey: "e: show" });

it("shows the first failure in full, the second on one line with its key, and one line for the lessons that need nothing", () => {
  const text = render("first");
  expect(text).toContain("✗ first   failed: its one property does not hold");
  expect(text).toContain("Property   first works");
  expect(text).toContain("✗ second  failed: none of 3 properties hold  (e: show)");
  expect(text).not.toContain("Property   second works");
  expect(text).toContain("✓ every exercise passes: 01-a");
  expect(text).toContain("· not started yet: 03-c to 05-e (3 lessons)");
  expect(text).not.toContain("Lesson 01-a");
});

it("shows everything in full by default, and asks about a missing return when the code gave undefined", () => {
  const text = render("all");
  expect(text).toContain("Property   second works");
  expect(text).toContain("Your code  undefined (returned undefined: is a `return` missing?)");
  expect(text).toContain("01-a  Lesson 01-a");
  expect(text).toContain("03-c  Lesson 03-c");
});
