/** Helpers for testing the engine on the fixture course (test/fixtures/course). */
import { spawnSync } from "node:child_process";
import type { CourseResult, ExerciseResult } from "../../src/grading/results.ts";
import { fileURLToPath } from "node:url";

export const FIXTURE_ROOT = fileURLToPath(new URL("../fixtures/course/", import.meta.url));
const BIN = fileURLToPath(new URL("../../bin/workbook.mjs", import.meta.url));

/** Runs the real command line on the fixture course (or a copy of it at `root`), as a learner's shell would. */
export function runCli(args: string[], env: Record<string, string> = {}, root = FIXTURE_ROOT) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, WORKBOOK_ROOT: root, NO_COLOR: "1", FORCE_COLOR: "", ...env },
    timeout: 90_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

/** The command line's own entry, to start it by hand (signals). */
export const CLI_ENTRY = BIN;

/** One exercise's result in a graded course, or a clear error when it is not there. */
export function exerciseIn(result: CourseResult, lesson: string, name: string): ExerciseResult {
  const found = result.lessons.find((l) => l.slug === lesson)?.exercises.find((e) => e.name === name);
  if (!found) throw new Error(`no result for ${lesson}/${name}`);
  return found;
}
