/**
 * `npm test` checks the course, not the learner's work: once a learner has
 * solved a lesson (and even committed it), the self-check still grades the stub
 * as shipped, and leaves the learner's folder as it found it.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { checkCourse } from "../../src/course/self-check.ts";
import { validLesson, writeCourse } from "./tiny-course.ts";

const root = writeCourse(validLesson("01-tiny"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd: root, stdio: "pipe" });

it("grades the shipped stub while the learner's file is solved, committed and exports a helper", async () => {
  git("init", "-q");
  git("add", ".");
  git("commit", "-qm", "the course");
  const solved = "export function helper(a: number): number {\n  return a;\n}\nexport function add(a: number, b: number): number {\n  return helper(a) + b;\n}\n";
  const mine = join(root, "exercises", "01-tiny.ts");
  writeFileSync(mine, solved);
  git("commit", "-qam", "my work");

  const report = await checkCourse(root, { randomSeed: 1 });

  expect(report.problems.map((p) => p.problem)).toEqual([]);
  expect(report.findings.some((f) => f.claim === "the untouched stub is reported as not started" && f.ok)).toBe(true);
  expect(readFileSync(mine, "utf8")).toBe(solved);
  expect(readdirSync(join(root, "exercises"))).toEqual(["01-tiny.ts"]);
});
