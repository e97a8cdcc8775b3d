/**
 * `npm start` as a learner meets it: in a real terminal (tmux drives one, and
 * the test reads the screen), and without one (piped, CI), where it says in one
 * line what to use instead.
 */
import { spawnSync } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProgressStore } from "../../src/state/progress.ts";
import { copyFixture, eventually, REPO_ROOT, removeCourse } from "./helpers.ts";

let root: string;
beforeEach(() => {
  root = copyFixture();
  const at = new Date().toISOString();
  new ProgressStore(root).save({ exercises: { "01-basics/add": { status: "passed", at }, "01-basics/double": { status: "passed", at } }, hints: {} });
});
afterEach(() => removeCourse(root));

const hasTmux = spawnSync("tmux", ["-V"]).status === 0;

describe("npm start", () => {
  it("without a terminal, says in one line which commands to use, and exits non-zero without a stack trace", () => {
    const r = spawnSync(process.execPath, [`${REPO_ROOT}bin/workbook.mjs`, "start"], {
      input: "",
      encoding: "utf8",
      env: { ...process.env, WORKBOOK_ROOT: root, NO_COLOR: "1" },
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    // The learner has passed 01-basics: the examples name the lesson they are on.
    expect(r.stderr).toContain("The menu needs a terminal. Without one, use the commands: npm run grade -- 02 · npm run watch -- 02");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.skipIf(!hasTmux)("in a real terminal: lists the lessons, opens one, shows a hint, and leaves cleanly on Ctrl-C", async () => {
    // A tmux server of its own, so the test never touches anyone's sessions.
    const socket = `workbook-test-${process.pid}-${Date.now()}`;
    const tmux = (...args: string[]) => spawnSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });
    const screen = () => tmux("capture-pane", "-p", "-t", "menu").stdout;
    const shows = (text: string) => eventually(() => screen().includes(text), () => `"${text}" on screen:\n${screen()}`, 20_000);
    try {
      const started = tmux(
        "new-session", "-d", "-s", "menu", "-x", "100", "-y", "40", "-c", REPO_ROOT,
        `WORKBOOK_ROOT='${root}' npm start; echo "EXITED $?"; sleep 30`,
      );
      expect(started.status, started.stderr).toBe(0);

      await shows("Choose a lesson");
      const menu = screen();
      expect(menu).toContain("2 of 6 exercises passed");
      expect(menu).toContain("Next: read lesson 02-wrong, then write add in exercises/02-wrong.ts.");
      expect(menu).toMatch(/✓ 01-basics +Fixture lesson, basics +passed/);
      expect(menu).toMatch(/❯ · 02-wrong +Fixture lesson, wrong +not started/);
      expect(menu).toMatch(/· 03-not-started +Fixture lesson, not started +not started/);

      tmux("send-keys", "-t", "menu", "Enter");
      await shows("Lesson 02-wrong: what next?");
      expect(screen()).toContain("❯ Read the lesson");

      tmux("send-keys", "-t", "menu", "Down", "Down", "Down");
      await shows("❯ Next hint (2 of 2 not seen yet, for add)");
      tmux("send-keys", "-t", "menu", "Enter");
      await shows("Hint 1 of 2 for add");
      expect(screen()).toContain("Use the plus sign.");

      tmux("send-keys", "-t", "menu", "C-c");
      await shows("EXITED 0");
      expect(screen()).toContain("Bye! Your progress is saved");
      expect(screen()).not.toMatch(/Error|\n\s+at /);
    } finally {
      tmux("kill-server");
    }
  });
});
