// @ts-check
/**
 * Mutation testing of the reference solutions, with the hidden specs as the test
 * suite: `npm run mutation` (docs/mutation.md has the scores and how to read them).
 *
 * The specs compare a learner's module with the reference, so a mutated solution
 * must be graded against an UNMUTATED reference. Before Stryker copies the project
 * into its sandbox and instruments solutions/, this file (evaluated once, in
 * Stryker's main process) copies solutions/, lib/ and grader/ side by side into
 * .stryker-tmp/reference-<pid>/, so the copy's relative imports (../lib/tcp.ts,
 * ./03-handshake.ts, and the specs' own ../../solutions/04-teardown.ts) keep
 * working and all reach pristine files, and passes its path to the test-runner
 * processes in WORKBOOK_MUTATION_REFERENCE. mutation/specs.mutation.test.ts grades
 * the sandbox's (mutated) solutions against that copy, with the copy's specs,
 * in-process.
 *
 * MUTATION_LESSONS=01,02 npm run mutation   narrows the run to some lessons.
 */
import { cpSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { mutationLessons } from "./mutation/lessons.mjs";

const root = fileURLToPath(new URL(".", import.meta.url));

if (!process.env.WORKBOOK_MUTATION_REFERENCE) {
  const reference = join(root, ".stryker-tmp", `reference-${process.pid}`);
  rmSync(reference, { recursive: true, force: true });
  mkdirSync(reference, { recursive: true });
  for (const dir of ["solutions", "lib", "grader"]) cpSync(join(root, dir), join(reference, dir), { recursive: true });
  process.env.WORKBOOK_MUTATION_REFERENCE = reference;
  // Keep the copy with the report: mutation/summary.ts re-checks each survivor
  // against exactly the specs and reference this run used, even if the workbook
  // has changed since.
  process.on("exit", () => {
    const kept = join(root, "reports", "mutation", "reference");
    rmSync(kept, { recursive: true, force: true });
    mkdirSync(join(root, "reports", "mutation"), { recursive: true });
    renameSync(reference, kept);
  });
}

const lessons = mutationLessons(root);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: {
    configFile: "mutation/vitest.config.ts",
    // The test file imports solutions by computed path, which Vitest's "related"
    // search cannot follow: run it for every mutant.
    related: false,
  },
  // Only lessons that exist now (content/NN-slug.md with its solution and spec).
  mutate: lessons.map((slug) => `solutions/${slug}.ts`),
  // Not copied into the sandbox: earlier reports, with the last run's pristine copy.
  ignorePatterns: ["/reports"],
  coverageAnalysis: "perTest",
  // Record every test that kills a mutant, so docs/mutation.md can tell a mutant
  // killed by its own lesson's spec from one killed only by a later lesson's.
  disableBail: true,
  concurrency: 2,
  timeoutMS: 10_000,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  thresholds: { high: 95, low: 90, break: null },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
