/**
 * Watch mode: grades at once, regrades within a fraction of a second of a save
 * (also of a file the exercise imports), has manual keys for file systems that
 * send no events, and moves on to the next lesson only when asked (n, once it passes).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadCourse } from "../../src/course/course.ts";
import type { CourseResult } from "../../src/grading/results.ts";
import { watchLesson, type WatchEnd } from "../../src/watch/session.ts";
import { localDependencies } from "../../src/watch/imports.ts";
import { copyFixture, eventually, recordingIo, removeCourse } from "./helpers.ts";

let root: string;
beforeEach(() => {
  root = copyFixture();
});
afterEach(() => removeCourse(root));

function startWatching(slug: string, poll = false) {
  const course = loadCourse(root);
  const lesson = course.lessons.find((l) => l.slug === slug)!;
  const io = recordingIo(root);
  const graded: { result: CourseResult; at: number }[] = [];
  const ended: Promise<WatchEnd> = watchLesson({ course, lesson, io, seed: 1, poll, onGraded: (result) => graded.push({ result, at: Date.now() }) });
  const key = (k: string) => io.input.write(`${k}\n`);
  const passed = () => graded.at(-1)?.result.summary.passed;
  /** The output with line breaks as spaces (sentences are wrapped to the width). */
  const text = () => io.out().replace(/\s+/g, " ");
  return { io, graded, ended, key, passed, text };
}

describe("npm run watch", () => {
  it("regrades a saved file within a fraction of a second, has r and h keys, and stays on the lesson when it passes", async () => {
    const w = startWatching("02-wrong");
    try {
      await eventually(() => w.graded.length === 1, () => w.io.out());
      expect(w.passed()).toBe(1);
      expect(w.text()).toContain("Every time you save exercises/02-wrong.ts, it is graded again.");
      expect(w.text()).toContain("Type a letter and press Enter: r grade again · h next hint · q stop");
      expect(w.io.out()).toContain("Hint 1/2");

      // h: the next hint at once; r: grade again without a save (file systems that send no events).
      w.key("h");
      await eventually(() => w.io.out().includes("Hint 2 of 2 for add"), () => w.io.out());
      w.key("r");
      await eventually(() => w.graded.length === 2, () => w.io.out());
      expect(w.io.out()).toContain("Hint 2/2"); // the regraded report shows the hint now unlocked

      // Give the process for the next grade time to start, as it has while the learner types.
      await new Promise((resolve) => setTimeout(resolve, 800));
      const file = join(root, "exercises/02-wrong.ts");
      const saved = Date.now();
      writeFileSync(file, readFileSync(file, "utf8").replace("a - b", "a + b"));
      await eventually(() => w.graded.length === 3, () => w.io.out());
      const latency = w.graded[2]!.at - saved;
      console.log(`watch: from save to result on screen in ${latency} ms`);
      expect(latency).toBeLessThan(1500);
      expect(w.passed()).toBe(2);
      expect(w.text()).toContain("Lesson 02-wrong passes. Next: 03-not-started");
      expect(w.text()).toContain("press n to watch it");
      expect(w.text()).toContain("n next lesson");

      // Saving the same content again (editors do) is not a change.
      writeFileSync(file, readFileSync(file, "utf8"));
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(w.graded).toHaveLength(3);
    } finally {
      w.key("n");
    }
    const end = await w.ended;
    expect(typeof end === "object" && end.next.slug).toBe("03-not-started");
    expect(w.io.out()).toContain("Stopped watching 02-wrong.");
  });

  it("regrades when a file the exercise imports is saved (04 imports 03, 08 imports 04), also when polling (WSL, network drives)", async () => {
    writeFileSync(join(root, "exercises/02-helper.ts"), "export function add(a: number, b: number): number {\n  return a - b;\n}\n");
    writeFileSync(join(root, "exercises/02-wrong.ts"), 'export { add } from "./02-helper.ts";\nexport function double(n: number): number {\n  return 2 * n;\n}\n');
    expect(localDependencies(join(root, "exercises/02-wrong.ts"), root).map((f) => f.slice(root.length))).toEqual([
      "/exercises/02-wrong.ts",
      "/exercises/02-helper.ts",
    ]);
    const w = startWatching("02-wrong", true);
    try {
      await eventually(() => w.graded.length === 1, () => w.io.out());
      expect(w.passed()).toBe(1);
      expect(w.text()).toContain("It builds on exercises/02-helper.ts: saving that grades it too.");
      writeFileSync(join(root, "exercises/02-helper.ts"), "export function add(a: number, b: number): number {\n  return a + b;\n}\n");
      await eventually(() => w.graded.length === 2, () => w.io.out());
      expect(w.passed()).toBe(2);
    } finally {
      w.key("q");
    }
    await w.ended;
  });
});
