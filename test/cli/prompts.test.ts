/**
 * The questions reset and solution ask on a terminal, answered through
 * @inquirer/testing: nothing changes unless the learner says yes.
 */
import { screen } from "@inquirer/testing/vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hintCommand } from "../../src/cli/hint.ts";
import { resetCommand } from "../../src/cli/reset.ts";
import { solutionCommand } from "../../src/cli/solution.ts";
import { ProgressStore } from "../../src/state/progress.ts";
import { copyFixture, eventually, recordingIo, removeCourse } from "./helpers.ts";

/** Waits until the prompt on screen asks `question` (prompts may start before or after an await). */
const asked = (question: string) => eventually(() => screen.getScreen().includes(question), () => screen.getScreen(), 5000);

let root: string;
beforeEach(() => {
  root = copyFixture();
});
afterEach(() => removeCourse(root));

describe("questions on a terminal", () => {
  it("reset asks first; no keeps the learner's file, yes backs it up and resets", async () => {
    await hintCommand(["02"], recordingIo(root)); // the workbook has run once: originals are known
    const exercise = join(root, "exercises/03-not-started.ts");
    const stub = readFileSync(exercise, "utf8");
    writeFileSync(exercise, "// my work\n");

    const no = recordingIo(root, { interactive: true });
    const refused = resetCommand(["03"], no);
    await asked("Replace exercises/03-not-started.ts with the original? Your version is saved in .backups/ first. (y/N)");
    screen.keypress("enter"); // the default is no
    expect(await refused).toBe(0);
    expect(no.out()).toContain("Nothing was changed.");
    expect(readFileSync(exercise, "utf8")).toBe("// my work\n");

    const yes = recordingIo(root, { interactive: true });
    const accepted = resetCommand(["03"], yes);
    await asked("Replace exercises/03-not-started.ts");
    screen.type("y");
    screen.keypress("enter");
    expect(await accepted).toBe(0);
    expect(yes.out()).toMatch(/saved as \.backups\/03-not-started\.[\d_-]+\.ts/);
    expect(readFileSync(exercise, "utf8")).toBe(stub);
  });

  it("solution asks whether the learner gives up, and remembers a yes", async () => {
    const io = recordingIo(root, { interactive: true });
    const shown = solutionCommand(["02"], io);
    await asked("02-wrong does not pass yet. Give up on it and see the reference solution? (y/N)");
    screen.type("y");
    screen.keypress("enter");
    expect(await shown).toBe(0);
    expect(io.out()).toContain("Reference solution of 02-wrong");
    expect(new ProgressStore(root).load().data.gaveUp).toHaveProperty("02-wrong");
  });
});
