/**
 * Accepted readings, and the later lessons' references built on them: how the
 * self-check proves that lessons which build on each other grade consistently.
 *
 * An accepted reading is a whole lesson module, `grader/NN-slug/readings/<name>.ts`,
 * written as a careful learner might: right on everything the lesson grades, and
 * deliberately different wherever its stub leaves a choice or says the case never
 * comes (it may even throw there). The self-check claims that the lesson accepts
 * it, and that every later lesson's reference solution that imports this lesson
 * (directly or through another lesson) still passes its own spec when built on the
 * reading instead of on the reference. If a later lesson ever hands the earlier
 * lesson's function a case that lesson did not grade, one of these claims fails.
 *
 * "Built on the reading": a copy of the course's solutions/ folder, under
 * grader/.built/ (not committed; inside grader/ so that the grader lets it import
 * the references, as it lets known-wrong files), whose NN-slug.ts only re-exports
 * the reading. Every other import of the copies is rewritten to the real file, so
 * nothing else changes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Lesson } from "./course.ts";

export interface Reading {
  /** The lesson the reading is a module of. */
  readonly lesson: Lesson;
  /** Its file name without .ts: what it reads differently, in words joined by hyphens. */
  readonly name: string;
  readonly file: string;
}

/** The accepted readings of a lesson: `grader/NN-slug/readings/*.ts`. */
export function acceptedReadings(lesson: Lesson): Reading[] {
  const dir = readingsDir(lesson);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((f) => ({ lesson, name: f.slice(0, -3), file: join(dir, f) }));
}

export function readingsDir(lesson: Lesson): string {
  return join(dirname(lesson.files.spec), "readings");
}

/** The relative imports of a TypeScript file (`from "./x.ts"`, `from "../lib/y.ts"`). */
function relativeImports(source: string): string[] {
  return [...source.matchAll(/\bfrom\s+["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]!);
}

/** Does `lesson`'s solution import `earlier`'s solution, directly or through other solutions? */
export function buildsOn(lesson: Lesson, earlier: Lesson): boolean {
  const seen = new Set<string>();
  const visit = (file: string): boolean => {
    if (seen.has(file) || !existsSync(file)) return false;
    seen.add(file);
    const deps = relativeImports(readFileSync(file, "utf8")).map((spec) => resolve(dirname(file), spec));
    return deps.includes(earlier.files.solution) || deps.some((dep) => dirname(dep) === dirname(file) && visit(dep));
  };
  return visit(lesson.files.solution);
}

/**
 * Writes the solutions of `later` built on `reading` and returns, by slug, the
 * file that stands for each later lesson's reference solution.
 */
export function buildOnReading(reading: Reading, later: readonly Lesson[]): Map<string, string> {
  const solutionsDir = dirname(reading.lesson.files.solution);
  const dir = join(dirname(dirname(reading.lesson.files.spec)), ".built", `${reading.lesson.slug}.${reading.name}`, "solutions");
  mkdirSync(dir, { recursive: true });
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    // Unchanged files are left alone, so the compiled copies stay reusable.
    if (!existsSync(file) || readFileSync(file, "utf8") !== text) writeFileSync(file, text);
  };
  write(`${reading.lesson.slug}.ts`, `export * from ${JSON.stringify(reading.file)};\n`);
  const out = new Map<string, string>();
  const copied = new Set<string>();
  const copy = (file: string) => {
    if (copied.has(file)) return;
    copied.add(file);
    const source = readFileSync(file, "utf8");
    const text = source.replace(/(\bfrom\s+["'])(\.{1,2}\/[^"']+)(["'])/g, (whole, open: string, spec: string, close: string) => {
      const target = resolve(dirname(file), spec);
      // Another solution stays a copy (it may build on the reading too); anything else is the real file.
      if (dirname(target) === solutionsDir) {
        if (target !== reading.lesson.files.solution) copy(target);
        return whole;
      }
      return `${open}${target}${close}`;
    });
    write(file.slice(solutionsDir.length + 1), text);
  };
  for (const lesson of later) {
    copy(lesson.files.solution);
    out.set(lesson.slug, join(dir, `${lesson.slug}.ts`));
  }
  return out;
}
