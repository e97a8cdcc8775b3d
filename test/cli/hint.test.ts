/** `npm run hint -- <lesson>`: one more hint each time, remembered, never one the learner has already seen. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
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
    expect(first.out).toContain("Ask again for hint 2");

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

  it("uses the engine's lesson matching: unknown and missing lessons list the valid ones", async () => {
    const unknown = await hint("99");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('There is no lesson "99"');
    expect(unknown.err).toContain("01-basics, 02-wrong, 03-not-started");
    const missing = await hint();
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("Which lesson? For example: npm run hint -- 01");
  });
});
