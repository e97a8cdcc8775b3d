/** The folder of each kind of compiled code: judge (specs, references, the command line), learner, trusted, runner. */
export const COMPILED: Readonly<Record<"judge" | "learner" | "trusted" | "runner", string>>;
/** Where the judges keep the digests of the reference's answers to `every` lists (expected-digests.ts). */
export const EXPECTED_DIR: string;
/** Compiles a module for the judge or the command line into one cached .mjs file; returns its path. */
export function compileModule(entry: string): Promise<string>;
/** Compiles a file to run in the sandbox, bundled with its relative imports; the packages it imports stay external. */
export function compileTarget(entry: string, kind: "learner" | "trusted"): Promise<{ file: string; sources: string[]; externals: string[] }>;
/** A lesson's harness (its spec's `run` functions, without the reference solutions), as module text. */
export function compileHarness(specFile: string, solutionsDir: string): Promise<string>;
/** Starts a helper process from its TypeScript entry, compiled; IPC channel (JSON, see transfer.ts), stderr piped, stdout dropped. */
export function spawnCompiled(entry: string, nodeArgs?: readonly string[], kind?: "judge" | "runner"): import("node:child_process").ChildProcess;
/** The command line (src/cli/main.ts), compiled with code splitting and cached; returns the entry file's path. */
export function compileProgram(entry: string): Promise<string>;
