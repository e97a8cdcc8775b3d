/**
 * Learner code that loops, exits, crashes, floods or throws oddly never passes,
 * is reported against its own lesson, and leaves every other lesson's result intact.
 * One grading run over the whole fixture course proves all of it at once.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../src/course/course.ts";
import { gradeLessons, lessonTarget } from "../../src/grading/grade-course.ts";
import { gradeTargets } from "../../src/grading/supervisor.ts";
import type { CourseResult, ExerciseResult } from "../../src/grading/results.ts";
import { exerciseIn, FIXTURE_ROOT } from "./fixture.ts";

const OUT_OF_MEMORY = "14-out-of-memory";
/** Graded on their own below, in a fixed order, one at a time. (Lessons 18 on are sandbox.test.ts's.) */
const BUILTINS = ["16-changes-builtins", "17-after-changed-builtins"];
let result: CourseResult;
let elapsed: number;

beforeAll(async () => {
  const course = loadCourse(FIXTURE_ROOT);
  const started = Date.now();
  // Running out of memory is graded on its own below, with time to spare on a busy machine.
  result = await gradeLessons(course.lessons.filter((l) => l.number <= 17 && l.slug !== OUT_OF_MEMORY && !BUILTINS.includes(l.slug)), "exercises", { seed: 7 });
  elapsed = Date.now() - started;
});

const exercise = (lesson: string, name: string): ExerciseResult => exerciseIn(result, lesson, name);

describe("grading hostile learner code", () => {
  it("passes correct code and counts its properties", () => {
    expect(exercise("01-basics", "add")).toMatchObject({ status: "passed", propertiesRun: 2, propertiesPassed: 2 });
    expect(exercise("01-basics", "double")).toMatchObject({ status: "passed", propertiesRun: 1 });
  });

  it("shows a wrong answer's smallest counterexample, the reference's answer and a replay token", () => {
    const add = exercise("02-wrong", "add");
    expect(add.status).toBe("failed");
    expect(add.failure).toMatchObject({ property: "add agrees with the reference", seed: 7 });
    expect(add.failure!.input).toMatch(/^\[ 0, -?1 \]$/);
    expect(Number(add.failure!.expected)).toBe(-Number(add.failure!.actual));
    expect(add.failure!.replay).toMatch(/^add:1:7:[\d:*]+$/);
    expect(exercise("02-wrong", "double").status).toBe("passed");
  });

  it("reports an untouched stub as not started", () => {
    expect(exercise("03-not-started", "add").status).toBe("not-started");
    expect(exercise("03-not-started", "double").status).toBe("not-started");
  });

  it("reports a syntax error with file and line", () => {
    const add = exercise("04-syntax", "add");
    expect(add.status).toBe("broken");
    expect(add.message).toMatch(/exercises\/04-syntax\.ts:2:\d+: Unexpected.*does not compile/);
  });

  it("reports a non-Error thrown at import", () => {
    expect(exercise("05-throws-at-import", "add")).toMatchObject({ status: "broken", message: expect.stringContaining("a string, not an Error") });
  });

  it("stops an endless loop at import time with its own watchdog", () => {
    expect(exercise("06-loop-at-import", "add").status).toBe("timed-out");
    expect(exercise("06-loop-at-import", "double").message).toMatch(/top level of the file/);
  });

  it("stops an endless loop inside one exercise and still grades the other", () => {
    expect(exercise("07-loop-in-call", "add").status).toBe("passed");
    expect(exercise("07-loop-in-call", "double")).toMatchObject({ status: "timed-out", message: expect.stringMatching(/did not finish/) });
  });

  it("never passes code that calls process.exit, at import or later in a timer", () => {
    for (const lesson of ["08-exit-at-import", "09-exit-later"]) {
      for (const name of ["add", "double"]) {
        expect(exercise(lesson, name)).toMatchObject({ status: "broken", message: expect.stringMatching(/process\.exit\(\d\)/) });
      }
    }
  });

  it("never passes code that leaves a promise rejection unhandled", () => {
    expect(exercise("10-rejection", "add")).toMatchObject({ status: "broken", message: expect.stringContaining("nobody catches this") });
  });

  it("cannot start a process to kill the one that runs it: the sandbox refuses, and the exercise fails", () => {
    expect(exercise("11-crash", "add").status).toBe("passed");
    expect(exercise("11-crash", "double")).toMatchObject({ status: "failed", failure: { threw: expect.stringMatching(/ERR_ACCESS_DENIED|restricted/) } });
  });

  it("reports running out of memory", async () => {
    const lesson = loadCourse(FIXTURE_ROOT).lessons.filter((l) => l.slug === OUT_OF_MEMORY);
    const alone = await gradeLessons(lesson, "exercises", { seed: 7 }, { exerciseTimeoutMs: 30_000, targetBudgetMs: 60_000 });
    expect(alone.lessons[0]!.exercises[0]!.status).toBe("passed");
    expect(alone.lessons[0]!.exercises[1]).toMatchObject({ status: "broken", message: expect.stringMatching(/out of memory/) });
  });

  it("keeps a flood of output short and still grades the code", () => {
    const add = exercise("12-flood", "add");
    expect(add.status).toBe("passed");
    expect(add.output!.length).toBeLessThan(2200);
    expect(add.output).toMatch(/more characters not shown/);
  });

  it("treats a thrown non-Error as a failure with the value shown", () => {
    expect(exercise("13-throws-non-error", "add").failure?.threw).toBe("a non-Error value: { code: 42 }");
  });

  it("never passes a file that re-exports the reference solution", () => {
    for (const name of ["add", "double"]) {
      expect(exercise("15-borrows-answers", name)).toMatchObject({ status: "broken", message: expect.stringMatching(/imports \S*solutions\/15-borrows-answers\.ts, which holds the answers/) });
    }
  });

  it("never gives a lesson a runner in which an earlier lesson's code changed a built-in", async () => {
    const lessons = loadCourse(FIXTURE_ROOT).lessons.filter((l) => BUILTINS.includes(l.slug));
    const targets = lessons.map((l) => lessonTarget(l, "exercises"));
    const results = await gradeTargets(targets, { seed: 7 }, { concurrency: 1 });
    expect(results.get("17-after-changed-builtins")!.map((r) => r.status)).toEqual(["passed", "passed"]);
  });

  it("gives the next lesson the same runner only when the last one left nothing running in it", async () => {
    const slugs = ["26-runner-pid-a", "27-runner-pid-leaves-timer", "28-runner-pid-c"];
    const lessons = loadCourse(FIXTURE_ROOT).lessons.filter((l) => slugs.includes(l.slug));
    const results = await gradeTargets(lessons.map((l) => lessonTarget(l, "exercises")), { seed: 7 }, { concurrency: 1 });
    // Each lesson's pid() returns the pid of the runner that graded it; the report shows it as the wrong answer.
    const [a, leaves, c] = slugs.map((slug) => Number(results.get(slug)![0]!.failure?.actual));
    expect(a).toBeGreaterThan(0);
    expect(leaves).toBe(a);
    expect(c).not.toBe(leaves);
  });

  it("leaves the lessons after a hostile one unaffected, and stays bounded", () => {
    expect(result.summary).toEqual({ exercises: 28, passed: 8 });
    expect(elapsed).toBeLessThan(45_000);
  });
});
