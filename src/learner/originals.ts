/**
 * Where the original (untouched) exercise file comes from when the learner
 * resets a lesson. Two sources, tried in this order:
 *
 * 1. git. The workbook is cloned with git (the README asks for it), so the
 *    committed history holds every stub. The newest committed version that is
 *    still a stub wins: a learner who commits their own work does not get it
 *    back as "the original", and a course update pulled with git does.
 * 2. A snapshot in `.backups/originals/NN-slug.ts`, taken by every workbook
 *    command whenever it finds an exercise file that is still a stub. This
 *    covers a folder downloaded as a zip (no git), and stubs not committed yet.
 *
 * A file counts as a stub when each of the lesson's exercises still has its
 * `throw notImplemented("name")` line: that is what the course ships.
 * No second copy of the stubs is kept in the repository.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import type { Course, Lesson } from "../course/course.ts";

export const BACKUP_DIR = ".backups";
const ORIGINALS_DIR = join(BACKUP_DIR, "originals");
const GIT_HISTORY_DEPTH = 50;

export interface Original {
  readonly text: string;
  /** Where it came from, in words: "git" (the newest committed stub) or ".backups/originals/01-flags.ts". */
  readonly from: string;
}

/** Whether a source file is a lesson's untouched stub: every exercise still throws notImplemented. */
export function isStub(source: string, exerciseNames: readonly string[]): boolean {
  return exerciseNames.every((name) => {
    const quoted = name.replace(/[$]/g, "\\$");
    return new RegExp(`throw\\s+notImplemented\\(\\s*["'\`]${quoted}["'\`]\\s*\\)`).test(source);
  });
}

function names(lesson: Lesson): string[] {
  return lesson.exercises.map((e) => e.name);
}

export function snapshotFile(root: string, lesson: Lesson): string {
  return join(root, ORIGINALS_DIR, `${lesson.slug}.ts`);
}

/**
 * Keeps a copy of every exercise file that is still a stub. Cheap (a few small
 * reads); never throws: a snapshot is a safety net, not a reason to stop.
 */
export function snapshotOriginals(course: Course): void {
  for (const lesson of course.lessons) {
    try {
      if (!existsSync(lesson.files.exercise)) continue;
      const text = readFileSync(lesson.files.exercise, "utf8");
      if (!isStub(text, names(lesson))) continue;
      const target = snapshotFile(course.root, lesson);
      if (existsSync(target) && readFileSync(target, "utf8") === text) continue;
      writeAtomically(target, text);
    } catch {
      // A read-only folder or a race with an editor: try again next time.
    }
  }
}

/** The original stub of a lesson's exercise file, or undefined when neither git nor a snapshot has it. */
export function findOriginal(root: string, lesson: Lesson): Original | undefined {
  return fromGit(lesson) ?? fromSnapshot(root, lesson);
}

function fromGit(lesson: Lesson): Original | undefined {
  const file = lesson.files.exercise;
  const git = (args: string[], cwd: string) => {
    const r = spawnSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 10_000 });
    return r.status === 0 ? r.stdout : undefined;
  };
  const top = git(["rev-parse", "--show-toplevel"], dirname(file))?.trim();
  if (!top) return undefined;
  const path = relative(top, file).split(sep).join("/");
  const commits = git(["log", `-n${GIT_HISTORY_DEPTH}`, "--format=%H", "--", path], top)?.split("\n").filter(Boolean) ?? [];
  for (const commit of commits) {
    const text = git(["show", `${commit}:${path}`], top);
    if (text !== undefined && isStub(text, names(lesson))) return { text, from: "git" }; // a commit hash would mean nothing to a learner
  }
  return undefined;
}

function fromSnapshot(root: string, lesson: Lesson): Original | undefined {
  const file = snapshotFile(root, lesson);
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, "utf8");
  return isStub(text, names(lesson)) ? { text, from: relative(root, file).split(sep).join("/") } : undefined;
}

/**
 * A file holding the lesson's stub as the course ships it, for the course
 * self-check: the learner's own file while it is still a stub (a fresh clone, or
 * an instructor's new stub), else the original written to a hidden file beside
 * it (`exercises/.original.NN-slug.ts`, so its relative imports still resolve),
 * removed by `dispose`. `npm test` so checks the course, whatever the learner
 * has solved.
 */
export function pristineStub(root: string, lesson: Lesson): { readonly file: string; readonly dispose: () => void } {
  const file = lesson.files.exercise;
  const current = existsSync(file) ? readFileSync(file, "utf8") : undefined;
  const original = current !== undefined && isStub(current, names(lesson)) ? undefined : findOriginal(root, lesson);
  if (!original) return { file, dispose: () => {} };
  const copy = join(dirname(file), `.original.${process.pid}.${lesson.slug}.ts`);
  writeAtomically(copy, original.text);
  return { file: copy, dispose: () => rmSync(copy, { force: true }) };
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
export function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
