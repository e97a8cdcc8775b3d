/** Mistakes at the command line get an answer that says what to type: npm's swallowed options, typos in a lesson's name. */
import { afterEach, describe, expect, it } from "vitest";
import { gradeCommand } from "../../src/cli/grade.ts";
import { copyFixture, recordingIo, removeCourse } from "./helpers.ts";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("the command line", () => {
  it("explains `npm run grade 03 --replay X` without `--`: npm kept the option, the value came as a lesson", async () => {
    const root = copyFixture();
    try {
      // What npm leaves to the script: the option in its own environment, the value among the words.
      process.env.npm_lifecycle_event = "grade";
      process.env.npm_config_replay = "true";
      const io = recordingIo(root);
      expect(await gradeCommand(["02", "add:1:1:0"], io)).toBe(2);
      expect(io.err()).toContain('npm kept --replay for itself: the workbook\'s options go after "--". Type:\n  npm run grade -- 02 --replay add:1:1:0');
      expect(io.err()).not.toContain("There is no lesson");
    } finally {
      removeCourse(root);
    }
  });

  it("offers the lesson a typo meant", async () => {
    const root = copyFixture();
    try {
      const io = recordingIo(root);
      expect(await gradeCommand(["not-strated"], io)).toBe(2);
      expect(io.err()).toContain('There is no lesson "not-strated". Did you mean 03-not-started?');
      const far = recordingIo(root);
      await gradeCommand(["zebra"], far);
      expect(far.err()).not.toContain("Did you mean");
    } finally {
      removeCourse(root);
    }
  });
});
