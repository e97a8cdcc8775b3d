/** `npm run solution -- <lesson>`: only once the lesson passes, or after an explicit, remembered "I give up". */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { solutionCommand } from "../../src/cli/solution.ts";
import { ProgressStore } from "../../src/state/progress.ts";
import { copyFixture, recordingIo, removeCourse } from "./helpers.ts";

let root: string;
beforeEach(() => {
  root = copyFixture();
});
afterEach(() => removeCourse(root));

async function solution(...argv: string[]) {
  const io = recordingIo(root);
  const code = await solutionCommand(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe("npm run solution", () => {
  it("stays closed before the lesson passes, and says how to get a hint or give up", async () => {
    const r = await solution("03");
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toContain("opens once the lesson passes");
    expect(r.err).toContain("npm run hint -- 03-not-started");
    expect(r.err).toContain("npm run solution -- 03-not-started --give-up");
  });

  it("opens after --give-up, and remembers it", async () => {
    const r = await solution("03", "--give-up");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Reference solution of 03-not-started");
    expect(r.out).toContain("return a + b");
    expect(new ProgressStore(root).load().data.gaveUp).toHaveProperty("03-not-started");
    expect((await solution("03")).code).toBe(0);
  });

  it("opens once every exercise of the lesson passed", async () => {
    const at = new Date().toISOString();
    new ProgressStore(root).save({ exercises: { "01-basics/add": { status: "passed", at }, "01-basics/double": { status: "passed", at } }, hints: {} });
    const r = await solution("01");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Your own exercises/01-basics.ts is not changed");
  });
});
