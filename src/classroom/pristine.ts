/**
 * `grade --pristine DIR`: grades this checkout's exercises with everything
 * else (engine, lib, specs, references) taken from DIR, a trusted copy of the
 * course (in the classroom workflow, the teacher's repository at a pinned ref).
 *
 * Only the exercise files cross over, as plain files: they are copied into a
 * fresh folder next to a copy of DIR's lib/ (what they import as ../lib/), and DIR's own workbook
 * grades that folder (`grade --exercises`), in an environment of PATH and HOME
 * alone. Nothing else of the learner's copy is ever loaded, so editing
 * grader/, solutions/, lib/ or src/ there changes no grade; the files that
 * differ from DIR are listed, for the teacher.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { isClosedBook, lessonSlugs } from "../course/course.ts";
import type { CourseResult } from "../grading/results.ts";

/** What a learner must not change: the files grading (or the workbook itself) is made of. */
export const PROTECTED = ["bin", "grader", "lib", "solutions", "src", "package.json", "package-lock.json"] as const;

export interface PristineRequest {
  /** The learner's checkout, whose exercises/ is graded. */
  readonly checkout: string;
  /** The trusted copy of the course. */
  readonly pristine: string;
  /** `grade` arguments passed on: lessons, --seed, --runs, --replay. */
  readonly args: readonly string[];
}

export type PristineOutcome =
  | { readonly ok: true; readonly result: CourseResult; readonly changed: readonly string[] }
  | { readonly ok: false; readonly message: string };

export async function gradeWithPristine(request: PristineRequest): Promise<PristineOutcome> {
  const pristine = resolve(request.pristine);
  const bin = join(pristine, "bin", "workbook.mjs");
  if (!existsSync(bin) || isClosedBook(pristine)) {
    return { ok: false, message: `--pristine ${request.pristine}: that folder is not a complete copy of the workbook (with bin/, grader/ and solutions/).` };
  }
  const sealed = realpathSync(mkdtempSync(join(tmpdir(), "workbook-pristine-")));
  try {
    cpSync(join(pristine, "lib"), join(sealed, "lib"), { recursive: true });
    sealExercises(join(request.checkout, "exercises"), join(sealed, "exercises"), lessonSlugs(pristine));
    const run = await runNode([bin, "grade", ...request.args, "--json", "--exercises", join(sealed, "exercises")], pristine);
    if (run.code !== 0 && run.code !== 1) {
      return { ok: false, message: `The trusted workbook in ${request.pristine} could not grade (exit code ${run.code}): ${run.stderr.trim()}` };
    }
    return { ok: true, result: JSON.parse(run.stdout) as CourseResult, changed: protectedChanges(request.checkout, pristine) };
  } finally {
    rmSync(sealed, { recursive: true, force: true });
  }
}

/**
 * Copies the plain *.ts files of the learner's exercises/ (a symbolic link could
 * point at the trusted references). A lesson whose file is missing, or not a
 * plain file, gets one that fails to load: that lesson is reported broken and
 * the others are still graded.
 */
function sealExercises(from: string, to: string, slugs: readonly string[]): void {
  mkdirSync(to, { recursive: true });
  const plain = (file: string) => lstatSync(join(from, file), { throwIfNoEntry: false })?.isFile() === true;
  // exercises/ itself must be a folder, not a link to, say, the trusted copy's solutions/.
  const folder = lstatSync(from, { throwIfNoEntry: false })?.isDirectory() === true;
  if (folder) {
    for (const file of readdirSync(from).filter((f) => f.endsWith(".ts") && plain(f))) writeFileSync(join(to, file), readFileSync(join(from, file)));
  }
  for (const slug of slugs) {
    if (folder && plain(`${slug}.ts`)) continue;
    const why = `exercises/${slug}.ts is missing or is not a plain file (a link?): grading needs the file itself.`;
    writeFileSync(join(to, `${slug}.ts`), `throw new Error(${JSON.stringify(why)});\n`);
  }
}

/** Runs node with only PATH and HOME (and Windows's SYSTEMROOT): no token or output file of the workflow leaks to learner code. */
function runNode(args: readonly string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {};
  for (const name of ["PATH", "HOME", "SYSTEMROOT"]) if (process.env[name] !== undefined) env[name] = process.env[name];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.once("error", fail);
    child.once("close", (code) => done({ code, stdout, stderr }));
  });
}

/**
 * The protected files of the checkout that differ from the trusted copy: changed,
 * added, or missing from a folder the checkout still has (a closed-book copy has
 * no solutions/ and no grader/NN-slug/ folders at all, and that is no change).
 */
export function protectedChanges(checkout: string, pristine: string): string[] {
  const changed = new Set<string>();
  for (const entry of PROTECTED) {
    const mine = join(checkout, entry);
    if (!existsSync(mine)) continue;
    const theirs = join(pristine, entry);
    const files = (root: string) =>
      !existsSync(root) ? [] : statSync(root).isFile() ? [""] : (readdirSync(root, { recursive: true }) as string[]).filter((f) => statSync(join(root, f)).isFile());
    for (const file of new Set([...files(mine), ...files(theirs)])) {
      const a = join(mine, file);
      const b = join(theirs, file);
      const missingFolder = !existsSync(a) && !existsSync(dirname(a));
      if (!missingFolder && (!existsSync(a) || !existsSync(b) || !readFileSync(a).equals(readFileSync(b)))) changed.add(relative(checkout, a) || entry);
    }
  }
  return [...changed].sort();
}

/** A list of paths short enough for one line: a folder with many changed files is named once, with their count. */
export function summarizePaths(paths: readonly string[], perFolder = 3): string {
  const byTop = new Map<string, string[]>();
  for (const path of paths) {
    const top = path.split(/[\\/]/)[0]!;
    byTop.set(top, [...(byTop.get(top) ?? []), path]);
  }
  return [...byTop].map(([top, files]) => (files.length > perFolder ? `${top}/ (${files.length} files)` : files.join(", "))).join(", ");
}
