/**
 * Follows docs/authoring.md in a temporary copy of the workbook, as an instructor
 * would: runs the guide's `npm run new-lesson` command, proves the self-check
 * refuses the fresh scaffold for its placeholders only, writes every code block the
 * guide marks `file=PATH`, runs the guide's `rm`, and then the guide's own check
 * commands, which must pass. The guide and this test cannot drift apart: the
 * test takes its commands and files from the guide.
 *
 * The copy's own engine does all the work (commands are run with cwd and
 * WORKBOOK_ROOT set to the copy), and the self-check is restricted to the new
 * lesson, so the lessons other people are writing do not matter here.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { Lexer, marked, type Tokens } from "marked";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/course/course.ts";
import { PLACEHOLDER } from "../../src/course/scaffold.ts";
import type { SelfCheckReport } from "../../src/course/self-check.ts";

// ── What the guide says ─────────────────────────────────────────────────────

const GUIDE = readFileSync(join(PROJECT_ROOT, "docs", "authoring.md"), "utf8");
const blocks: Tokens.Code[] = [];
marked.walkTokens(Lexer.lex(GUIDE), (t) => {
  if (t.type === "code") blocks.push(t as Tokens.Code);
});
/** The files the guide tells the instructor to write, in the guide's order. */
const guideFiles = blocks
  .map((b) => ({ path: /\bfile=(\S+)/.exec(b.lang ?? "")?.[1], text: b.text }))
  .filter((f): f is { path: string; text: string } => f.path !== undefined);
/** Every command line of the guide's `sh` blocks. */
const guideCommands = blocks.filter((b) => b.lang === "sh").flatMap((b) => b.text.split("\n").map((l) => l.trim()).filter(Boolean));
const command = (prefix: string, also = ""): string => {
  const found = guideCommands.find((c) => c.startsWith(prefix) && c.includes(also));
  if (!found) throw new Error(`docs/authoring.md has no command starting "${prefix}"${also ? ` with "${also}"` : ""}`);
  return found;
};
const SCAFFOLD = command("npm run new-lesson -- ");
const REMOVE = command("rm ");
const GRADE = command("npm run grade -- ", "--solutions");
const SELF_CHECK = command("SELF_CHECK_LESSONS=");
const SLUG = shellWords(SCAFFOLD)[4]!;
/** A lesson scaffolded next to the guide's and left unfilled. */
const UNFILLED = `${String(Number(SLUG.slice(0, 2)) + 1).padStart(2, "0")}-left-as-scaffolded`;

// ── The copy ────────────────────────────────────────────────────────────────

const LEFT_OUT = new Set(["node_modules", ".git", ".backups", "reports", ".stryker-tmp"]);
let copy: string;

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), "workbook-authoring-"));
  cpSync(PROJECT_ROOT, copy, {
    recursive: true,
    filter: (src) => {
      const top = relative(PROJECT_ROOT, src).split(sep)[0]!;
      return !LEFT_OUT.has(top) && !top.startsWith("progress.json");
    },
  });
  symlinkSync(join(PROJECT_ROOT, "node_modules"), join(copy, "node_modules"), "dir");
});

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe("following docs/authoring.md in a copy of the workbook", () => {
  it("the guide names one lesson and gives every file of it", () => {
    expect(SLUG).toMatch(/^\d{2}-/);
    const paths = guideFiles.map((f) => f.path);
    for (const tree of [`content/${SLUG}.md`, `exercises/${SLUG}.ts`, `solutions/${SLUG}.ts`, `grader/${SLUG}/spec.ts`]) expect(paths).toContain(tree);
    expect(paths.filter((p) => p.startsWith(`grader/${SLUG}/wrong/`)).length).toBeGreaterThanOrEqual(3);
  });

  // (Every refusal is tested in-process in new-lesson.test.ts; here, that the real CLI refuses.)
  it("new-lesson refuses a malformed slug and a number in use, and writes nothing", async () => {
    const before = listLessonFiles();
    const [malformed, used] = await Promise.all([run(cli("new-lesson", "9-Window_Scale")), run(cli("new-lesson", "01-something-else"))]);
    expect(malformed.code, malformed.stderr).toBe(2);
    expect(malformed.stderr).toContain('"9-Window_Scale" is not a lesson slug');
    expect(used.code, used.stderr).toBe(2);
    expect(used.stderr).toMatch(/Lesson number 01 is already used by content\/01-flags\.md/);
    expect(listLessonFiles()).toEqual(before);
  });

  it(`scaffolds ${SLUG} with the guide's command and prints the next steps`, async () => {
    const r = await run(guideCommand(SCAFFOLD));
    expect(r.code, r.stderr).toBe(0);
    for (const path of [`content/${SLUG}.md`, `exercises/${SLUG}.ts`, `solutions/${SLUG}.ts`, `grader/${SLUG}/spec.ts`]) {
      expect(existsSync(join(copy, path)), path).toBe(true);
      expect(r.stdout).toContain(path);
    }
    expect(readdirSync(join(copy, "grader", SLUG, "wrong"))).toHaveLength(3);
    expect(r.stdout).toContain(PLACEHOLDER);
    expect(r.stdout).toContain(`npm run grade -- ${SLUG.slice(0, 2)} --solutions`);
    expect(r.stdout).toContain(`SELF_CHECK_LESSONS=${SLUG} npx vitest run test/course`);
    expect(r.stdout).toContain("docs/authoring.md");

    const [again, another] = await Promise.all([
      run(guideCommand(SCAFFOLD)),
      // A second scaffold, left as it is, with two exercises: the last step type-checks it.
      run(cli("new-lesson", UNFILLED, "--exercise", "first", "--exercise", "second")),
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`Lesson ${SLUG} already exists`);
    expect(another.code, another.stderr).toBe(0);
  });

  it("the self-check refuses the fresh scaffold for its placeholders only, naming each", async () => {
    const report = await selfCheck();
    expect(report.lessons).toEqual([SLUG]);
    expect(report.problems.map((p) => p.kind)).toEqual(["placeholders"]);
    const message = report.problems[0]!.problem!;
    expect(message).toContain(SLUG);
    expect(message).toContain("scaledWindow");
    for (const file of [`content/${SLUG}.md:5`, `exercises/${SLUG}.ts:`, `solutions/${SLUG}.ts:`, `grader/${SLUG}/spec.ts:`, `grader/${SLUG}/wrong/scaledWindow.`]) {
      expect(message).toContain(file);
    }
    // Everything else about the scaffold already holds: it is a working example.
    expect(report.findings.filter((f) => f.kind === "behaviour").every((f) => f.ok)).toBe(true);
  });

  it("filled in as the guide says, the lesson passes the guide's checks (and both lessons type-check)", async () => {
    const rm = await run({ argv: ["sh", "-c", REMOVE] });
    expect(rm.code, rm.stderr).toBe(0);
    for (const f of guideFiles) {
      mkdirSync(dirname(join(copy, f.path)), { recursive: true });
      writeFileSync(join(copy, f.path), `${f.text}\n`);
    }
    const [tsc, grade, check] = await Promise.all([typeCheck(SLUG, UNFILLED), run(guideCommand(GRADE)), run(guideCommand(SELF_CHECK))]);
    expect(tsc.code, tsc.stdout + tsc.stderr).toBe(0);
    expect(grade.code, grade.stdout + grade.stderr).toBe(0);
    expect(grade.stdout).toContain("Every reference solution passes.");
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toMatch(/Tests\s+\d+ passed/);
  });
});

// ── Running things in the copy ──────────────────────────────────────────────

interface Run {
  readonly argv: readonly string[];
  readonly env?: Record<string, string>;
}

/** `node bin/workbook.mjs <args>` in the copy. */
function cli(...args: string[]): Run {
  return { argv: [process.execPath, "bin/workbook.mjs", ...args] };
}

/**
 * A command line of the guide as the copy runs it: `npm run <script> -- args` is
 * what package.json says the script is (`node bin/workbook.mjs <script>`), and
 * `VAR=x npx vitest ...` is the copy's vitest with that variable set.
 */
function guideCommand(line: string): Run {
  const words = shellWords(line);
  const env: Record<string, string> = {};
  while (/^[A-Z_]+=/.test(words[0] ?? "")) {
    const [name, ...value] = words.shift()!.split("=");
    env[name!] = value.join("=");
  }
  if (words[0] === "npm" && words[1] === "run") {
    const [, , script, dashes, ...args] = words;
    const scripts = JSON.parse(readFileSync(join(copy, "package.json"), "utf8")).scripts as Record<string, string>;
    expect(scripts[script!], `package.json script ${script}`).toBe(`node bin/workbook.mjs ${script}`);
    expect(dashes).toBe("--");
    return { argv: [process.execPath, "bin/workbook.mjs", script!, ...args], env };
  }
  if (words[0] === "npx" && words[1] === "vitest") {
    return { argv: [process.execPath, join(copy, "node_modules", "vitest", "vitest.mjs"), ...words.slice(2)], env };
  }
  throw new Error(`the test does not know how to run "${line}"`);
}

function run({ argv, env = {} }: Run): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: copy,
      env: { ...process.env, WORKBOOK_ROOT: copy, NO_COLOR: "1", FORCE_COLOR: "", SELF_CHECK_LESSONS: "", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

/** The self-check of the new lesson, run by the copy's own engine, as JSON. */
async function selfCheck(): Promise<SelfCheckReport> {
  const r = await run({ argv: [process.execPath, "--import", "tsx", "test/authoring/run-self-check.ts", copy, SLUG] });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as SelfCheckReport;
}

/** `tsc --noEmit` on these lessons' files only (the rest of the copy is other people's work in progress). */
function typeCheck(...slugs: string[]) {
  const config = {
    extends: "./tsconfig.json",
    include: slugs.flatMap((slug) => [`exercises/${slug}.ts`, `solutions/${slug}.ts`, `grader/${slug}`]),
  };
  writeFileSync(join(copy, "tsconfig.authoring.json"), JSON.stringify(config));
  return run({ argv: [process.execPath, join(copy, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", "tsconfig.authoring.json"] });
}

function listLessonFiles(): string[] {
  return ["content", "exercises", "solutions", "grader"].flatMap((d) => readdirSync(join(copy, d)).map((f) => `${d}/${f}`)).sort();
}

/** Splits a shell command line into words: spaces separate, double or single quotes group. */
function shellWords(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}
