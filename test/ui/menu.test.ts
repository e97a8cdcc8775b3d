/**
 * The menu's logic, driven through @inquirer/testing: lessons in order with
 * their status in words, the overall progress and the next step; a lesson's
 * actions; what is handed to `act`; Ctrl-C as a clean way out.
 */
import { screen } from "@inquirer/testing/vitest";
import { PassThrough } from "node:stream";
import pc from "picocolors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCourse, type Course, type Lesson } from "../../src/course/course.ts";
import type { ProgressData } from "../../src/state/progress.ts";
import { isLeaving } from "../../src/ui/leave.ts";
import { actionChoices, chooseLab, runMenu, type LessonAction } from "../../src/ui/menu.ts";
import { lessonProgress } from "../../src/learner/lesson-status.ts";
import { copyFixture, removeCourse } from "../cli/helpers.ts";

let root: string;
let course: Course;
beforeAll(() => {
  root = copyFixture();
  course = loadCourse(root);
});
afterAll(() => removeCourse(root));

// Graded after the fixture's files were written: no "changed since graded" (a test below checks it).
const at = "2999-01-01T00:00:00.000Z";
const PROGRESS: ProgressData = {
  exercises: {
    "01-basics/add": { status: "passed", at },
    "01-basics/double": { status: "passed", at },
    "02-wrong/add": { status: "failed", at },
    "02-wrong/double": { status: "passed", at },
  },
  hints: {},
};

function startMenu(progress: ProgressData = PROGRESS) {
  const acted: [LessonAction, string][] = [];
  const out = new PassThrough();
  let header = "";
  out.on("data", (chunk) => (header += String(chunk)));
  const done = runMenu({
    course,
    colors: pc.createColors(false),
    out,
    width: 100,
    progress: async () => progress,
    act: async (action: LessonAction, lesson: Lesson) => {
      acted.push([action, lesson.slug]);
    },
  });
  return { done, acted, header: () => header };
}

function press(key: string, times = 1): void {
  for (let i = 0; i < times; i++) screen.keypress(key);
}

describe("the menu", () => {
  it("lists the lessons in order with their status, the progress and the next step, the next lesson highlighted", async () => {
    const menu = startMenu();
    await screen.next();
    const lines = screen.getScreen().split("\n");
    expect(lines[0]).toBe("? Choose a lesson");
    expect(lines[1]).toMatch(/^ {2}✓ 01-basics +Fixture lesson, basics +passed$/);
    expect(lines[2]).toMatch(/^❯ ✗ 02-wrong +Fixture lesson, wrong +failed$/);
    expect(lines[3]).toMatch(/^ {2}· 03-not-started +Fixture lesson, not started +not started$/);
    expect(screen.getScreen()).toContain("Quit");
    expect(menu.header()).toContain("3 of 6 exercises passed");
    expect(menu.header()).toContain("Next: add in exercises/02-wrong.ts (lesson 02-wrong).");

    press("down", 5);
    press("enter");
    await menu.done;
    expect(menu.acted).toEqual([]);
  });

  it("offers read, grade, watch, next hint, reset and the solution for a lesson, and hands the choice over", async () => {
    const menu = startMenu();
    await screen.next();
    press("enter"); // 02-wrong, the highlighted one
    await screen.next();
    const actions = screen.getScreen();
    expect(actions).toContain("Lesson 02-wrong: what next?");
    for (const label of [
      "Read the lesson",
      "❯ Grade it",
      "Watch it: grade again on every save",
      "Next hint (1 of 2 not seen yet, for add)",
      "Reset exercises/02-wrong.ts to the original",
      "See the reference solution (only if you give up)",
      "← Back to the lessons",
    ]) {
      expect(actions).toContain(label);
    }
    expect(actions).toContain("Same as: npm run grade -- 02-wrong");
    expect(menu.header()).toMatch(/✗ add +failed\n +✓ double +passed/);

    press("enter"); // Grade it
    await screen.next();
    expect(menu.acted).toEqual([["grade", "02-wrong"]]);
    expect(screen.getScreen()).toContain("❯ Grade it"); // back on the same lesson, same choice

    press("down", 2);
    press("enter"); // Next hint
    await screen.next();
    expect(menu.acted.at(-1)).toEqual(["hint", "02-wrong"]);

    press("down", 10);
    press("enter"); // Back
    await screen.next();
    expect(screen.getScreen()).toContain("Choose a lesson");
    press("down", 10);
    press("enter"); // Quit
    await menu.done;
  });

  it("suggests reading first for a lesson never graded, and shows the solution plainly once a lesson passes", async () => {
    const menu = startMenu();
    await screen.next();
    press("down");
    press("enter"); // 03-not-started
    await screen.next();
    expect(screen.getScreen()).toContain("❯ Read the lesson");
    press("down", 10);
    press("enter");
    await screen.next();
    press("up", 5);
    press("enter"); // 01-basics
    await screen.next();
    expect(screen.getScreen()).toMatch(/See the reference solution\n/);
    expect(screen.getScreen()).toContain("Next hint (every exercise passes)");
    screen.keypress({ name: "c", ctrl: true });
    await expect(menu.done).rejects.toSatisfy(isLeaving);
  });

  it("marks a lesson whose file was saved after its last grade, and offers to grade it first", async () => {
    const old = "2000-01-01T00:00:00.000Z";
    const menu = startMenu({ exercises: { "02-wrong/add": { status: "failed", at: old }, "02-wrong/double": { status: "passed", at: old } }, hints: {} });
    await screen.next();
    expect(screen.getScreen()).toMatch(/02-wrong +Fixture lesson, wrong +failed, changed since graded/);
    expect(screen.getScreen()).not.toMatch(/01-basics.*changed/);
    press("down");
    press("enter");
    await screen.next();
    expect(menu.header()).toContain("exercises/02-wrong.ts was saved after its last grade");
    expect(screen.getScreen()).toContain("❯ Grade it");
    screen.keypress({ name: "c", ctrl: true });
    await expect(menu.done).rejects.toSatisfy(isLeaving);
  });

  it("leaves on Ctrl-C with ExitPromptError, which the start command turns into a goodbye", async () => {
    const menu = startMenu({ exercises: {}, hints: {} });
    await screen.next();
    expect(menu.header()).toContain("Next: read lesson 01-basics, then write add in exercises/01-basics.ts.");
    screen.keypress({ name: "c", ctrl: true });
    await expect(menu.done).rejects.toSatisfy(isLeaving);
  });
});

describe("a lesson's live lab", () => {
  const data: ProgressData = { exercises: {}, hints: {} };
  const names = (lesson: Lesson) => actionChoices(lessonProgress(lesson, data), data, pc.createColors(false)).map((choice) => choice.value);

  it("is offered for a lesson that names lab scenarios, and not for one that names none", () => {
    const withLabs = { ...course.lessons[0]!, labs: ["teardown", "half-close"] };
    expect(names(withLabs)).toContain("lab");
    expect(names({ ...course.lessons[0]!, labs: [] })).not.toContain("lab");
  });

  it("runs the only scenario without asking", async () => {
    await expect(chooseLab({ ...course.lessons[0]!, labs: ["keepalive"] })).resolves.toBe("keepalive");
  });
});
