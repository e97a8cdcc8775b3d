/**
 * Helpers for the learner-facing commands' tests: a private copy of the fixture
 * course (test/fixtures/course) in a temporary folder, so tests may edit,
 * reset and grade without touching anyone's files, and an Io that records
 * what a command prints.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { Io } from "../../src/cli/io.ts";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURE = join(REPO_ROOT, "test/fixtures/course");

/**
 * Copies the named lessons of the fixture course (default: the three quick ones)
 * into a fresh temporary folder and returns it. The fixture reaches the
 * workbook's own grader kit and lib through "../../../../"; the copy points
 * there by absolute path, so "not implemented" is still recognised.
 */
export function copyFixture(lessons: readonly string[] = ["01-basics", "02-wrong", "03-not-started"]): string {
  const root = mkdtempSync(join(tmpdir(), "workbook-learner-"));
  const copy = (from: string, to: string) => cpSync(join(FIXTURE, from), join(root, to), { recursive: true });
  for (const slug of lessons) {
    copy(`content/${slug}.md`, `content/${slug}.md`);
    copy(`exercises/${slug}.ts`, `exercises/${slug}.ts`);
    copy(`solutions/${slug}.ts`, `solutions/${slug}.ts`);
    copy(`grader/${slug}`, `grader/${slug}`);
  }
  copy("grader/shared-spec.ts", "grader/shared-spec.ts");
  rewriteImports(root);
  // ES modules like the workbook's own (else tsx loads the copy as CommonJS, with its own "not implemented" class),
  // and fast-check for the specs, resolved from the course folder upwards.
  writeFileSync(join(root, "package.json"), '{ "type": "module" }\n');
  symlinkSync(join(REPO_ROOT, "node_modules"), join(root, "node_modules"), "junction");
  return root;
}

function rewriteImports(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === "node_modules") continue;
    if (statSync(path).isDirectory()) rewriteImports(path);
    else if (name.endsWith(".ts")) writeFileSync(path, readFileSync(path, "utf8").replaceAll(`"../../../../`, `"${REPO_ROOT}`));
  }
}

export function removeCourse(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

export interface RecordingIo extends Io {
  /** Everything written to stdout so far. */
  out(): string;
  err(): string;
  readonly input: PassThrough;
}

/** An Io on a course folder that records output; `input` feeds stdin (lines, as off a terminal). */
export function recordingIo(root: string, options: { interactive?: boolean; columns?: number } = {}): RecordingIo {
  let out = "";
  let err = "";
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const stdout = Object.assign(sink((s) => (out += s)), { isTTY: false, columns: options.columns ?? 80 });
  const stderr = Object.assign(sink((s) => (err += s)), { isTTY: false });
  const input = new PassThrough();
  return {
    stdout,
    stderr,
    stdin: input,
    input,
    root,
    ...(options.interactive !== undefined ? { interactive: options.interactive } : {}),
    out: () => out,
    err: () => err,
  };
}

/** Waits until `check` passes (polling), or fails with what `describe` says after `timeoutMs`. */
export async function eventually(check: () => boolean, describe: () => string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
