/** `npm run hint -- <lesson>`: one more hint each time, remembered, never one the learner has already seen. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gradeCommand } from "../../src/cli/grade.ts";
import { hintCommand } from "../../src/cli/hint.ts";
import { ProgressStore } from "../../src/state/progress.ts";
import { copyFixture, recordingIo, removeCourse } from "./helpers.ts";

let root: string;
beforeEach(() => {
  root = copyFixture();
});
afterEach(() => removeCourse(root));

async function hint(...argv: string[]) {
  const io = recordingIo(root);
  const code = await hintCommand(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe("npm run hint", () => {
  it("shows one more hint each run, remembers it, and says when it was the last", async () => {
    const first = await hint("03");
    expect(first.code).toBe(0);
    expect(first.out).toContain("Hint 1 of 2 for add");
    expect(first.out).toContain("Use the plus sign.");
    expect(first.out.replace(/\s+/g, " ")).toContain("Ask again for another (1 not seen yet); all you have seen: npm run hint -- 03-not-started --all");

    const second = await hint("not-started");
    expect(second.out).toContain("Hint 2 of 2 for add");
    expect(second.out).toContain("a + b");
    expect(second.out).toContain("That was the last hint");
    expect(second.out).toContain("npm run solution -- 03-not-started");

    expect((await hint("03")).out).toContain("That is the last hint, again.");
    expect(new ProgressStore(root).load().data.seenHints).toEqual({ "03-not-started/add": [1, 2] });
  });

  it("after a failed grade (which showed hint 1) starts at hint 2, for the first exercise that does not pass", async () => {
    const store = new ProgressStore(root);
    const at = new Date().toISOString();
    store.save({ exercises: { "02-wrong/add": { status: "failed", at }, "02-wrong/double": { status: "passed", at } }, hints: {} });
    expect((await hint("02")).out).toContain("Hint 2 of 2 for add");
  });

  it("the report shows the hint written for the failure; hint then climbs the ladder; --all shows every hint seen", async () => {
    const md = join(root, "content/02-wrong.md");
    writeFileSync(
      md,
      readFileSync(md, "utf8").replace(
        'hints: [Use the plus sign., "a + b"]',
        "hints:\n      - Use the plus sign.\n      - a + b\n      - text: Subtracting? Try b = -1.\n        properties: [agrees with the reference]\n      - text: Never shown for this mistake.\n        properties: [adding zero]",
      ),
    );
    const graded = recordingIo(root);
    await gradeCommand(["02", "--seed", "1"], graded);
    expect(graded.out()).toMatch(/Hint {7}Subtracting\? Try b = -1\./); // not "Hint 1/4", not the one for another property

    const next = await hint("02");
    expect(next.out).toContain("Hint 1 of 4 for add");
    expect(next.out).toContain("Use the plus sign.");
    expect((await hint("02")).out).toContain("Hint 2 of 4 for add");

    const all = await hint("02", "--all");
    expect(all.out).toContain("The hints you have seen for add");
    expect(all.out).toMatch(/1\. Use the plus sign\.[\s\S]*2\. a \+ b[\s\S]*3\. Subtracting\? Try b = -1\./);
    expect(all.out).not.toContain("Never shown");
  });

  it("without a lesson, is for the lesson the learner is on", async () => {
    const at = new Date().toISOString();
    new ProgressStore(root).save({ exercises: { "01-basics/add": { status: "passed", at }, "01-basics/double": { status: "passed", at } }, hints: {} });
    const r = await hint();
    expect(r.err).toContain("Lesson 02-wrong, the one you are on");
    expect(r.out).toContain("Hint 1 of 2 for add");
  });

  it("takes --exercise, and lists the exercises for an unknown one", async () => {
    expect((await hint("03", "--exercise", "double")).out).toContain("Hint 1 of 2 for double");
    const wrong = await hint("03", "--exercise", "triple");
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain("Its exercises: add, double");
  });

  it("says so when every exercise passes", async () => {
    const at = new Date().toISOString();
    new ProgressStore(root).save({ exercises: { "01-basics/add": { status: "passed", at }, "01-basics/double": { status: "passed", at } }, hints: {} });
    expect((await hint("01")).out).toContain("Every exercise of 01-basics passes");
  });

  it("uses the engine's lesson matching: an unknown lesson lists the valid ones", async () => {
    const unknown = await hint("99");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('There is no lesson "99"');
    expect(unknown.err).toContain("01-basics, 02-wrong, 03-not-started");

  });
});
