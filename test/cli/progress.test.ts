/**
 * The state file as the learner-facing commands use it: a corrupt or hand-edited
 * progress.json is reported and rebuilt from a fresh grade; the fields added for
 * them (give-ups, hints already seen, forgetting a reset lesson) keep the file's
 * guarantees, and files written before them stay valid.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadCourse } from "../../src/course/course.ts";
import { loadProgress } from "../../src/learner/progress-check.ts";
import { ProgressStore } from "../../src/state/progress.ts";
import { copyFixture, removeCourse } from "./helpers.ts";

let root: string;
beforeEach(() => {
  root = copyFixture(["01-basics", "03-not-started"]);
});
afterEach(() => removeCourse(root));

describe("progress for the menu and the commands", () => {
  it("reports a hand-edited file, keeps it aside, and rebuilds the statuses from a fresh grade", async () => {
    const store = new ProgressStore(root);
    store.save({ exercises: {}, hints: {} });
    const file = join(root, "progress.json");
    writeFileSync(file, readFileSync(file, "utf8").replace('"hints": {}', '"hints": { "01-basics/add": 2 }'));

    const said: string[] = [];
    const { data } = await loadProgress(root, loadCourse(root).lessons, (line) => said.push(line));
    expect(said[0]).toContain("it was changed by hand");
    expect(said.at(-1)).toBe("Progress rebuilt: 2 of 4 exercises pass.");
    expect(data.exercises["01-basics/add"]?.status).toBe("passed");
    expect(data.exercises["03-not-started/add"]?.status).toBe("not-started");
    expect(readdirSync(root).some((f) => f.startsWith("progress.json.broken-"))).toBe(true);
    expect(store.load().problem).toBeUndefined();
  });

  it("rebuilds from garbage too, without throwing", async () => {
    writeFileSync(join(root, "progress.json"), "{ not json");
    const said: string[] = [];
    const { data } = await loadProgress(root, loadCourse(root).lessons.slice(0, 1), (line) => said.push(line));
    expect(said[0]).toContain("not valid JSON");
    expect(data.exercises["01-basics/double"]?.status).toBe("passed");
  });

  it("reads files written before give-ups existed, and keeps the checksum valid when they are added", () => {
    const store = new ProgressStore(root);
    store.save({ exercises: {}, hints: { "01-basics/add": 1 } });
    expect(store.load()).toEqual({ data: { exercises: {}, hints: { "01-basics/add": 1 } } });
    store.giveUp("01-basics");
    const loaded = store.load();
    expect(loaded.problem).toBeUndefined();
    expect(Object.keys(loaded.data.gaveUp ?? {})).toEqual(["01-basics"]);
    expect(existsSync(join(root, "progress.json"))).toBe(true);
  });

  it("remembers which hints were seen, each once, in order", () => {
    const store = new ProgressStore(root);
    store.markHintsSeen("01-basics/add", [3]);
    store.markHintsSeen("01-basics/add", [1, 3]);
    expect(store.load().data.seenHints).toEqual({ "01-basics/add": [1, 3] });
  });
});
