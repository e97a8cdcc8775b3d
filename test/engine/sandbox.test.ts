/**
 * Learner code as a hostile or careless learner writes it cannot pass without
 * solving, change or delete a file, leave a process running, or keep the other
 * lessons from being graded. Each fixture lesson (test/fixtures/course,
 * 18 onwards) is one way of trying.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../src/course/course.ts";
import { compileHarness } from "../../src/grading/compile.mjs";
import { gradeLessons } from "../../src/grading/grade-course.ts";
import type { CourseResult, ExerciseResult } from "../../src/grading/results.ts";
import { renderReport } from "../../src/report/text-report.ts";
import { colorsFor } from "../../src/ui/colors.ts";
import { REPO_ROOT } from "../cli/helpers.ts";
import { exerciseIn, FIXTURE_ROOT } from "./fixture.ts";

const SLUGS = ["18-forges-verdict", "19-borrows-at-run-time", "20-writes-files", "21-starts-processes", "22-answers-vary", "23-huge-values", "24-loops-everywhere", "25-prints-at-import"];
const victim = join(FIXTURE_ROOT, "exercises/victim.txt");
const guarded = ["exercises/victim.txt", "exercises/02-wrong.ts", "grader/shared-spec.ts"].map((f) => join(FIXTURE_ROOT, f));
const before = new Map(guarded.map((f) => [f, readFileSync(f, "utf8")]));
const sleepers = () => execFileSync("ps", ["-eo", "args"], { encoding: "utf8" }).split("\n").filter((l) => l.trim() === "sleep 301").length;

let result: CourseResult;
let elapsed: number;
let sleepersBefore: number;

beforeAll(async () => {
  sleepersBefore = sleepers();
  const course = loadCourse(FIXTURE_ROOT);
  const started = Date.now();
  result = await gradeLessons(course.lessons.filter((l) => SLUGS.includes(l.slug)), "exercises", { seed: 7 });
  elapsed = Date.now() - started;
});

const exercise = (lesson: string, name: string): ExerciseResult => exerciseIn(result, lesson, name);

describe("the sandbox around learner code", () => {
  it("cannot forge a verdict: forged messages, a rigged comparison and a hijacked channel leave wrong code failing", () => {
    for (const name of ["add", "double"]) expect(exercise("18-forges-verdict", name).status).toBe("failed");
  });

  it("cannot read the reference, the spec or the compiled cache, nor compile the reference at run time", () => {
    for (const name of ["add", "double"]) expect(exercise("19-borrows-at-run-time", name).status).toBe("failed");
    const printed = exercise("19-borrows-at-run-time", "add").output ?? "";
    expect(printed).not.toMatch(/worked/);
    expect(printed.match(/ERR_ACCESS_DENIED/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it("cannot write, append to or delete any file, and a function that tries fails", () => {
    for (const [file, text] of before) expect(readFileSync(file, "utf8")).toBe(text);
    expect(exercise("20-writes-files", "add")).toMatchObject({ status: "passed", output: expect.stringMatching(/overwrite another lesson: ERR_ACCESS_DENIED/) });
    expect(exercise("20-writes-files", "double")).toMatchObject({ status: "failed", failure: { threw: expect.stringMatching(/ERR_ACCESS_DENIED|restricted/) } });
  });

  it("cannot start a process or a thread, so none is left behind", () => {
    expect(exercise("21-starts-processes", "add")).toMatchObject({ status: "passed", output: expect.stringMatching(/spawn: ERR_ACCESS_DENIED\nworker: ERR_ACCESS_DENIED/) });
    expect(sleepers()).toBe(sleepersBefore);
  });

  it("counts every wrong answer, even one that does not repeat, and says the answers varied", () => {
    const add = exercise("22-answers-vary", "add");
    expect(add.status).toBe("failed");
    expect(add.failure!.note).toMatch(/gave 99 once and \S+ another time/);
    expect(exercise("22-answers-vary", "double").status).toBe("failed");
  });

  it("caps huge thrown and returned values, and the report still prints", () => {
    const add = exercise("23-huge-values", "add");
    const double = exercise("23-huge-values", "double");
    expect(add.status).toBe("failed");
    expect(double.status).toBe("failed");
    expect(add.failure!.threw!.length).toBeLessThan(3000);
    expect(double.failure!.actual!.length).toBeLessThan(12_000);
    const text = renderReport(result, { colors: colorsFor({ isTTY: false }), hintFor: () => undefined, gradeCommand: "grade", hintCommand: "hint", width: 80 });
    expect(text.length).toBeLessThan(200_000);
    expect(text).toContain("23-huge-values");
  });

  it("reports a lesson whose every function loops forever within 15 s", () => {
    for (const name of ["add", "double"]) expect(exercise("24-loops-everywhere", name).status).toBe("timed-out");
    const spent = result.lessons.find((l) => l.slug === "24-loops-everywhere")!.exercises.reduce((ms, e) => ms + (e.durationMs ?? 0), 0);
    expect(spent).toBeLessThan(15_000);
    expect(elapsed).toBeLessThan(40_000);
  });

  it("shows what the code printed while being loaded", () => {
    expect(exercise("25-prints-at-import", "add")).toMatchObject({ status: "passed", output: expect.stringContaining("hello from the top level") });
  });

  it("never puts a line of the reference solution into the code that runs next to the learner's", async () => {
    for (const slug of ["03-handshake", "04-teardown", "08-faq"]) {
      const harness = await compileHarness(join(REPO_ROOT, "grader", slug, "spec.ts"), join(REPO_ROOT, "solutions"));
      const reference = readFileSync(join(REPO_ROOT, "solutions", `${slug}.ts`), "utf8");
      // The reference's longest lines of code are its most distinctive.
      const lines = reference.split("\n").map((l) => l.trim()).filter((l) => l.length > 40 && !l.startsWith("*") && !l.startsWith("//") && !l.startsWith("import"));
      lines.sort((a, b) => b.length - a.length);
      for (const line of lines.slice(0, 10)) expect(harness).not.toContain(line);
    }
  });
});
