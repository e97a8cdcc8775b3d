/**
 * `npm run reset -- <lesson>`: never loses work. The learner's file goes to
 * .backups/ first and the command says where; the original comes from git (the
 * newest committed stub, not the learner's own commits) or from the snapshot
 * taken while the file was untouched.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hintCommand } from "../../src/cli/hint.ts";
import { resetCommand } from "../../src/cli/reset.ts";
import { isStub } from "../../src/learner/originals.ts";
import { ProgressStore } from "../../src/state/progress.ts";
import { copyFixture, recordingIo, removeCourse } from "./helpers.ts";

const LEARNER_WORK = `export function add(a: number, b: number): number {\n  return a + b; // my work\n}\n\nexport function double(n: number): number {\n  return 2 * n;\n}\n`;

let root: string;
let exercise: string;
let stub: string;
beforeEach(() => {
  root = copyFixture();
  exercise = join(root, "exercises/03-not-started.ts");
  stub = readFileSync(exercise, "utf8");
});
afterEach(() => removeCourse(root));

async function reset(...argv: string[]) {
  const io = recordingIo(root);
  const code = await resetCommand(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** Any command that picks a lesson refreshes the snapshots of untouched exercise files. */
async function touchWorkbook() {
  await hintCommand(["01"], recordingIo(root));
}

describe("npm run reset", () => {
  it("backs the learner's file up in .backups/, says where, restores the original and clears the lesson's grades", async () => {
    await touchWorkbook();
    writeFileSync(exercise, LEARNER_WORK);
    const at = new Date().toISOString();
    new ProgressStore(root).save({ exercises: { "03-not-started/add": { status: "passed", at }, "01-basics/add": { status: "passed", at } }, hints: {} });

    const r = await reset("03", "--yes");
    expect(r.code).toBe(0);
    const backup = /saved as (\.backups\/03-not-started\.[\d_-]+\.ts)/.exec(r.out)?.[1];
    expect(backup, r.out).toBeDefined();
    expect(readFileSync(join(root, backup!), "utf8")).toBe(LEARNER_WORK);
    expect(readFileSync(exercise, "utf8")).toBe(stub);
    expect(r.out).toContain("back to the original (from .backups/originals/03-not-started.ts)");
    expect(Object.keys(new ProgressStore(root).load().data.exercises)).toEqual(["01-basics/add"]);
  });

  it("puts the newest backup back with --restore, backing up what it replaces, or the one named", async () => {
    await touchWorkbook();
    writeFileSync(exercise, LEARNER_WORK);
    const first = await reset("03", "--yes");
    expect(first.out).toContain("To put your version back: npm run reset -- 03-not-started --restore");
    const restored = await reset("03", "--restore");
    expect(restored.code).toBe(0);
    expect(readFileSync(exercise, "utf8")).toBe(LEARNER_WORK);
    expect(restored.out).not.toContain("The file it replaces is saved"); // the stub needs no backup: reset brings it back
    const named = /saved as \.backups\/(\S+)\.ts/.exec(first.out)![1]!;
    writeFileSync(exercise, "// something else\n");
    const again = await reset("03", "--restore", named);
    expect(again.code).toBe(0);
    expect(again.out).toContain("The file it replaces is saved as .backups/03-not-started.");
    expect(readFileSync(exercise, "utf8")).toBe(LEARNER_WORK);
    const missing = await reset("03", "--restore", "nope");
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(`.backups/${named}.ts`);
  });

  it("asks first: without a terminal and without --yes it changes nothing", async () => {
    await touchWorkbook();
    writeFileSync(exercise, LEARNER_WORK);
    const r = await reset("03");
    expect(r.code).toBe(2);
    expect(r.err).toContain("npm run reset -- 03-not-started --yes");
    expect(readFileSync(exercise, "utf8")).toBe(LEARNER_WORK);
  });

  it("keeps every backup: two resets on the same second get two files", async () => {
    await touchWorkbook();
    writeFileSync(exercise, LEARNER_WORK);
    const first = await reset("03", "--yes");
    writeFileSync(exercise, `${LEARNER_WORK}// second try\n`);
    const second = await reset("03", "--yes");
    const name = (out: string) => /saved as (\S+)/.exec(out)?.[1];
    expect(name(first.out)).not.toBe(name(second.out));
    expect(readFileSync(join(root, name(second.out)!), "utf8")).toContain("second try");
  });

  it("says there is nothing to do for an untouched file", async () => {
    await touchWorkbook();
    const r = await reset("03", "--yes");
    expect(r.out).toContain("already the original");
  });

  it("refuses, changing nothing, when neither git nor a snapshot has the original", async () => {
    writeFileSync(exercise, LEARNER_WORK); // edited before the workbook ever ran, in a folder without git
    const r = await reset("03", "--yes");
    expect(r.code).toBe(1);
    expect(r.err).toContain("Cannot find the original exercises/03-not-started.ts");
    expect(readFileSync(exercise, "utf8")).toBe(LEARNER_WORK);
    expect(existsSync(join(root, ".backups", "originals", "03-not-started.ts"))).toBe(false);
  });

  it("with git, restores the newest committed stub, even when the learner committed their own work since", async () => {
    const git = (...args: string[]) =>
      spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], { cwd: root, encoding: "utf8" });
    if (git("init", "-q").status !== 0) return; // no git here: the snapshot path is tested above
    git("add", "-A");
    git("commit", "-qm", "the course");
    writeFileSync(exercise, LEARNER_WORK);
    git("commit", "-qam", "my work");
    writeFileSync(exercise, `${LEARNER_WORK}// more\n`);

    const r = await reset("03", "--yes");
    expect(r.code).toBe(0);
    expect(r.out).toContain("(from git)"); // no commit hash: it would mean nothing to a learner
    expect(readFileSync(exercise, "utf8")).toBe(stub);
  });
});

describe("what counts as an untouched stub", () => {
  it("is a file where every exercise still throws notImplemented", () => {
    expect(isStub(`throw notImplemented("add");\nthrow notImplemented('double');`, ["add", "double"])).toBe(true);
    expect(isStub(`throw notImplemented("add");\nreturn 2 * n;`, ["add", "double"])).toBe(false);
    expect(isStub(`throw notImplemented("$x");`, ["$x"])).toBe(true);
  });
});
