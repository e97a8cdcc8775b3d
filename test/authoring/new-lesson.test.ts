/** `npm run new-lesson`: what it writes, and everything it refuses (in-process, on empty course folders). */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { newLessonCommand } from "../../src/cli/new-lesson.ts";
import type { Io } from "../../src/cli/io.ts";
import { parseLessonMeta, splitFrontMatter } from "../../src/course/lesson-meta.ts";
import { PLACEHOLDER } from "../../src/course/scaffold.ts";

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

function emptyCourse(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "workbook-new-lesson-"));
  roots.push(root);
  for (const dir of ["content", "exercises", "solutions", "grader"]) mkdirSync(join(root, dir));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function newLesson(root: string, ...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const io: Io = { stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)), root };
  const code = await newLessonCommand(argv, io);
  return { code, stdout, stderr };
}

const tree = (root: string): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();

describe("npm run new-lesson", () => {
  it("writes the lesson in all four trees and prints the next steps with paths and commands", async () => {
    const root = emptyCourse();
    const r = await newLesson(root, "09-window-scaling");
    expect(r.code, r.stderr).toBe(0);
    expect(tree(root)).toEqual([
      "content/09-window-scaling.md",
      "exercises/09-window-scaling.ts",
      "grader/09-window-scaling/spec.ts",
      "grader/09-window-scaling/wrong/windowScaling.forgets-wrap-around.ts",
      "grader/09-window-scaling/wrong/windowScaling.returns-its-argument.ts",
      "grader/09-window-scaling/wrong/windowScaling.wraps-at-2-31.ts",
      "solutions/09-window-scaling.ts",
    ]);
    for (const text of ["content/09-window-scaling.md", "exercises/09-window-scaling.ts", "solutions/09-window-scaling.ts", "grader/09-window-scaling/spec.ts", "grader/09-window-scaling/wrong/"]) {
      expect(r.stdout).toContain(text);
    }
    expect(r.stdout).toContain("npm run grade -- 09 --solutions");
    expect(r.stdout).toContain("SELF_CHECK_LESSONS=09-window-scaling npx vitest run test/course");
    expect(r.stdout).toContain("npm test");
    expect(r.stdout).toContain("docs/authoring.md");

    // The front matter is valid as written (title from the slug), with placeholders for task and hints.
    const file = "content/09-window-scaling.md";
    const meta = parseLessonMeta(file, splitFrontMatter(file, readFileSync(join(root, file), "utf8")).yaml);
    expect(meta.title).toBe("Window scaling");
    expect(meta.exercises.map((e) => e.name)).toEqual(["windowScaling"]);
    expect(meta.exercises[0]!.hints).toHaveLength(2);
    for (const text of [meta.exercises[0]!.task, ...meta.exercises[0]!.hints.map((h) => h.text)]) expect(text).toContain(PLACEHOLDER);
    for (const path of tree(root)) expect(readFileSync(join(root, path), "utf8"), path).toContain(PLACEHOLDER);
  });

  it("takes a title and several exercises", async () => {
    const root = emptyCourse();
    const r = await newLesson(root, "10-mss", "Maximum segment size: how big a segment may be", "--exercise", "mssFor", "-e", "clampMss");
    expect(r.code, r.stderr).toBe(0);
    const file = "content/10-mss.md";
    const meta = parseLessonMeta(file, splitFrontMatter(file, readFileSync(join(root, file), "utf8")).yaml);
    expect(meta.title).toBe("Maximum segment size: how big a segment may be");
    expect(meta.exercises.map((e) => e.name)).toEqual(["mssFor", "clampMss"]);
    expect(readdirSync(join(root, "grader", "10-mss", "wrong"))).toHaveLength(6);
    expect(readFileSync(join(root, "exercises/10-mss.ts"), "utf8")).toMatch(/export function mssFor[\s\S]*export function clampMss/);
    expect(readFileSync(join(root, "grader/10-mss/spec.ts"), "utf8")).toMatch(/mssFor: \[[\s\S]*clampMss: \[/);
  });

  it.each([["9-window"], ["09_window"], ["09-Window"], ["09-"], ["09-window-"], ["090-window"], ["09--window"], ["window"]])(
    "refuses the malformed slug %s and writes nothing",
    async (slug) => {
      const root = emptyCourse();
      const r = await newLesson(root, slug);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`"${slug}" is not a lesson slug`);
      expect(tree(root)).toEqual([]);
    },
  );

  it("refuses a number another lesson uses, even one with only some of its files", async () => {
    for (const existing of ["content/09-handshake.md", "exercises/09-handshake.ts", "grader/09-handshake/spec.ts"]) {
      const root = emptyCourse({ [existing]: "" });
      const r = await newLesson(root, "09-window-scaling");
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`Lesson number 09 is already used by ${existing.split("/").slice(0, 2).join("/")}`);
      expect(tree(root)).toEqual([existing]);
    }
  });

  it("refuses a lesson that exists, partly or wholly, and overwrites nothing", async () => {
    for (const existing of ["content/09-window.md", "solutions/09-window.ts", "grader/09-window/wrong/x.y.ts"]) {
      const root = emptyCourse({ [existing]: "mine" });
      const r = await newLesson(root, "09-window");
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/Lesson 09-window already exists \(.*\)\. Nothing was written\./);
      expect(tree(root)).toEqual([existing]);
      expect(readFileSync(join(root, existing), "utf8")).toBe("mine");
    }
  });

  it.each([
    [["--exercise", "2fast"], '"2fast" cannot be an exercise'],
    [["--exercise", "delete"], '"delete" cannot be an exercise'],
    [["--exercise", "a-b"], '"a-b" cannot be an exercise'],
    [["-e", "f", "-e", "f"], "Each exercise name may appear only once"],
    [["--exercises", "f"], "Unknown option '--exercises'"],
    [["Title", "extra"], "Too many arguments"],
  ])("refuses %j", async (args, message) => {
    const root = emptyCourse();
    const r = await newLesson(root, "09-window", ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(tree(root)).toEqual([]);
  });

  it("explains its usage without a slug, and with --help", async () => {
    const root = emptyCourse();
    const none = await newLesson(root);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Usage: npm run new-lesson -- <NN-slug>");
    const help = await newLesson(root, "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: npm run new-lesson -- <NN-slug>");
  });

  it("names the default exercise after the slug, or falls back when the slug is not a name", async () => {
    const root = emptyCourse();
    expect((await newLesson(root, "11-3way-handshake")).code).toBe(0);
    expect(readFileSync(join(root, "exercises/11-3way-handshake.ts"), "utf8")).toContain("export function exercise11(");
  });
});
