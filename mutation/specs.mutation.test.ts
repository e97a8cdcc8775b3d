/**
 * The test suite of `npm run mutation` (see docs/mutation.md): every lesson's hidden
 * spec, run in-process, with
 *
 *   learner   = solutions/NN-slug.ts in Stryker's sandbox (the file Stryker mutates);
 *   reference = the same file in a pristine copy of solutions/, lib/ and grader/ that
 *               stryker.config.mjs took before Stryker started
 *               (WORKBOOK_MUTATION_REFERENCE), so it is never mutated;
 *   spec      = grader/NN-slug/spec.ts from that same copy, because some specs import
 *               a reference solution themselves (lesson 03's and 04's tables, lesson
 *               08's run checker use solutions/04's nextState as their oracle): those
 *               imports must reach the pristine solutions too.
 *
 * Grading a mutated solution against itself would pass every agreement property
 * trivially; against the pristine copy, a mutant survives only when the spec cannot
 * tell it from the reference.
 *
 * Outside Stryker (no WORKBOOK_MUTATION_REFERENCE) the copy is the workbook itself,
 * which makes this a plain "every reference passes its spec with the fixed seed" run.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";
import type { Spec } from "../grader/kit/spec.ts";
import { loadLesson, PROJECT_ROOT } from "../src/course/course.ts";
import { FIXED_SEED } from "../src/course/self-check.ts";
import { inProcessRuns } from "../src/grading/in-process.ts";
import { judgeExercise } from "../src/grading/judge.ts";
import { mutationLessons } from "./lessons.mjs";

type Module = Record<string, unknown>;

const referenceRoot = process.env.WORKBOOK_MUTATION_REFERENCE ?? PROJECT_ROOT;

/** Stryker's instrumented files mention its global; a pristine file never does. */
const isInstrumented = (file: string): boolean => readFileSync(file, "utf8").includes("__stryker");

const load = async (file: string): Promise<Module> => (await import(pathToFileURL(file).href)) as Module;

// Every module is imported here, while the file is collected, not inside a test:
// module-level code of a solution (a constant such as HALF = 2^32 / 2) then counts
// as "static" for Stryker, which runs every test, in a fresh module graph, for
// mutants there. Imported inside a test, such a mutant would be charged to that
// one test alone and could wrongly survive.
const lessons = await Promise.all(
  mutationLessons(PROJECT_ROOT).map(async (slug) => {
    const lesson = loadLesson(PROJECT_ROOT, slug);
    const referenceFile = join(referenceRoot, "solutions", `${slug}.ts`);
    const specFile = join(referenceRoot, "grader", slug, "spec.ts");
    // Guards against a harness that would make every mutant survive: the reference
    // must be a pristine copy, never the file Stryker instrumented.
    for (const file of [referenceFile, specFile]) if (!existsSync(file)) throw new Error(`the pristine copy has no ${file}`);
    if (isInstrumented(referenceFile)) throw new Error(`the reference ${referenceFile} is a mutated copy (no pristine copy was taken?)`);
    return {
      lesson,
      spec: (await load(specFile)).default as Spec<Module>,
      learner: await load(lesson.files.solution),
      reference: await load(referenceFile),
    };
  }),
);

for (const { lesson, spec, learner, reference } of lessons) {
  describe(lesson.slug, () => {
    for (const { name } of lesson.exercises) {
      test(name, async () => {
        const result = await judgeExercise(name, spec[name] ?? [], reference, inProcessRuns(spec, learner), { seed: FIXED_SEED });
        expect(result.status, JSON.stringify(result.failure ?? result.message ?? result, null, 2)).toBe("passed");
      });
    }
  });
}
