/**
 * `npm run export-template -- DIR [--closed-book]`: writes a ready-to-push
 * GitHub Classroom template from this course: the lessons, the stubs (never a
 * solved exercise file), the workbook, a student README, the Classroom
 * workflow, a dev container, and no other workflow (Classroom needs its own to
 * be the first to finish for a push). `--closed-book` leaves out solutions/
 * and the specs in grader/: grading then happens only in the workflow, with
 * the teacher's repository.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import type { Course } from "../course/course.ts";
import { findOriginal, isStub } from "../learner/originals.ts";
import { studentReadme } from "./student-readme.ts";
import { classroomWorkflow, devcontainer, PRISTINE_PATH } from "./workflow.ts";

/** What a student copy holds of the course folder (README.md is written anew). */
const COPIED = ["bin", "src", "lib", "content", "exercises", "docs", "grader", "solutions", "package.json", "package-lock.json", ".npmrc", "tsconfig.json", ".gitignore"];
/**
 * What a closed-book copy leaves out: the references and the lessons' specs.
 * grader/kit/ stays: the engine is built with it, and it holds no answers.
 */
export function leftOutWhenClosed(relativePath: string): boolean {
  const [top, next] = relativePath.split(/[\\/]/);
  return top === "solutions" || (top === "grader" && next !== undefined && next !== "kit");
}
/** Never copied from inside those folders: a teacher's own progress and local state. */
const NEVER = new Set(["node_modules", "progress.json", ".backups", ".stryker-tmp", ".DS_Store"]);

export function exportTemplate(course: Course, target: string, closedBook: boolean): void {
  if (existsSync(target) && readdirSync(target).length > 0) throw new Error(`${target} is not empty: export into a new folder.`);
  mkdirSync(target, { recursive: true });
  for (const entry of COPIED) {
    const from = join(course.root, entry);
    if (!existsSync(from) || (closedBook && leftOutWhenClosed(entry))) continue;
    cpSync(from, join(target, entry), {
      recursive: true,
      filter: (source) =>
        !NEVER.has(basename(source)) && !basename(source).startsWith("progress.json.") && !(closedBook && leftOutWhenClosed(relative(course.root, source))),
    });
  }
  restoreStubs(course, target);
  const write = (path: string, text: string) => {
    mkdirSync(join(target, path, ".."), { recursive: true });
    writeFileSync(join(target, path), text);
  };
  write(".github/workflows/classroom.yml", classroomWorkflow(course.lessons.map((l) => ({ slug: l.slug, exercises: l.exercises.length }))));
  write(".devcontainer/devcontainer.json", devcontainer());
  write("README.md", studentReadme(course.lessons, closedBook));
  const ignore = existsSync(join(target, ".gitignore")) ? readFileSync(join(target, ".gitignore"), "utf8") : "";
  write(".gitignore", `${ignore}${ignore.endsWith("\n") || !ignore ? "" : "\n"}${PRISTINE_PATH}/\ngrade-results.json\n`);
}

/**
 * Students start from the stubs, even when the teacher's exercises/ holds work
 * of their own: an exercise file that is not a stub is replaced by its original
 * (from git, or the snapshot the workbook keeps).
 */
function restoreStubs(course: Course, target: string): void {
  for (const lesson of course.lessons) {
    const names = lesson.exercises.map((e) => e.name);
    const copy = join(target, "exercises", `${lesson.slug}.ts`);
    if (isStub(readFileSync(copy, "utf8"), names)) continue;
    const original = findOriginal(course.root, lesson);
    if (!original) throw new Error(`exercises/${lesson.slug}.ts is not a stub, and neither git nor .backups/ has the original: put the stub back first.`);
    writeFileSync(copy, original.text);
  }
}
