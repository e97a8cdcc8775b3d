/** `npm run grade` as a learner or a classroom tool uses it, on the fixture course. */
import { describe, expect, it } from "vitest";
import { RESULTS_SCHEMA, STATUSES } from "../../src/grading/results.ts";
import { runCli } from "./fixture.ts";

describe("npm run grade", () => {
  it("exits 0 when every graded exercise passed, and prints the report without colour when piped", () => {
    const r = runCli(["grade", "01"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("01-basics");
    expect(r.stdout).toContain("✓ add");
    expect(r.stdout).toContain("2 of 2 exercises passed");
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it("exits 1 and shows property, input, expected, actual, replay and hint for a failure", () => {
    const r = runCli(["grade", "02-wrong", "--seed", "3"]);
    expect(r.code).toBe(1);
    for (const label of ["Property", "Input", "Expected", "Your code", "Replay", "Hint 1/2"]) expect(r.stdout).toContain(label);
    expect(r.stdout).toMatch(/npm run grade -- 02-wrong --replay add:1:3:[\d:*]+/);
  });

  it("replays exactly the printed case", () => {
    const first = runCli(["grade", "02", "--seed", "11"]);
    const token = /--replay (\S+)/.exec(first.stdout)![1]!;
    const input = /Input\s+(.*)/.exec(first.stdout)![1];
    const replay = runCli(["grade", "02", "--replay", token]);
    expect(replay.code).toBe(1);
    expect(/Input\s+(.*)/.exec(replay.stdout)![1]).toBe(input);
    expect(replay.stdout).not.toContain("double");
  });

  it("prints one versioned JSON document with every exercise's status", () => {
    const r = runCli(["grade", "01", "02", "03", "--json", "--seed", "5"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.schema).toBe(RESULTS_SCHEMA);
    expect(doc.seed).toBe(5);
    expect(doc.lessons.map((l: { slug: string }) => l.slug)).toEqual(["01-basics", "02-wrong", "03-not-started"]);
    for (const lesson of doc.lessons) {
      expect(lesson.title).toEqual(expect.any(String));
      for (const e of lesson.exercises) expect(STATUSES).toContain(e.status);
    }
    expect(doc.lessons[2].exercises[0]).toMatchObject({ name: "add", status: "not-started" });
    expect(doc.summary).toEqual({ exercises: 6, passed: 3 });
  });

  it("lists the valid lessons for an unknown slug", () => {
    const r = runCli(["grade", "99-nope"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('There is no lesson "99-nope"');
    expect(r.stderr).toContain("01-basics, 02-wrong");
  });

  it("accepts a prefix of the slug or of its name", () => {
    expect(runCli(["grade", "basics"]).stdout).toContain("01-basics");
  });

  it("colours the report when forced, and never with NO_COLOR", () => {
    expect(runCli(["grade", "01"], { FORCE_COLOR: "1", NO_COLOR: "" }).stdout).toMatch(/\x1b\[/);
    expect(runCli(["grade", "01"], { FORCE_COLOR: "1", NO_COLOR: "1" }).stdout).not.toMatch(/\x1b\[/);
  });
});
