/**
 * After `stryker run`: the per-lesson score table of docs/mutation.md, the list of
 * surviving mutants, and a check of each survivor by hand.
 *
 * Stryker's Vitest runner has had bugs that report a killed mutant as survived
 * (wrong coverage attribution). So every survivor is applied again here, as a plain
 * text edit in a fresh copy of solutions/ and lib/, and graded in this process with
 * the same seed, specs and pristine reference as the run (the copy that
 * stryker.config.mjs keeps in reports/mutation/reference/). A survivor that fails here is flagged
 * as a false survivor instead of being counted as a gap.
 *
 *   tsx mutation/summary.ts [reports/mutation/mutation.json]
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import type { Spec } from "../grader/kit/spec.ts";
import { PROJECT_ROOT } from "../src/course/course.ts";
import { FIXED_SEED } from "../src/course/self-check.ts";
import { inProcessRuns } from "../src/grading/in-process.ts";
import { judgeExercise } from "../src/grading/judge.ts";

interface Position {
  line: number;
  column: number;
}
interface Mutant {
  id: string;
  mutatorName: string;
  replacement: string;
  status: "Killed" | "Survived" | "NoCoverage" | "Timeout" | "CompileError" | "RuntimeError" | "Ignored" | "Pending";
  static?: boolean;
  killedBy?: string[];
  coveredBy?: string[];
  location: { start: Position; end: Position };
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
  testFiles?: Record<string, { tests: { id: string; name: string }[] }>;
}
type Module = Record<string, unknown>;

const reportFile = process.argv[2] ?? join(PROJECT_ROOT, "reports", "mutation", "mutation.json");
const report = JSON.parse(readFileSync(reportFile, "utf8")) as Report;
const testName = new Map(Object.values(report.testFiles ?? {}).flatMap((f) => f.tests.map((t) => [t.id, t.name] as const)));

const slugOf = (file: string): string => file.replace(/^solutions\//, "").replace(/\.ts$/, "");
const where = (file: string, m: Mutant): string => `${file}:${m.location.start.line}:${m.location.start.column}`;

/** Offsets of a 1-based line/column position in a text. */
function offsetOf(text: string, { line, column }: Position): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf("\n", offset) + 1;
  return offset + column - 1;
}

function original(source: string, m: Mutant): string {
  return source.slice(offsetOf(source, m.location.start), offsetOf(source, m.location.end));
}

/**
 * The source with the mutant in place. Stryker replaces a node of the syntax tree,
 * so `a && b` → `a || b` inside `a && b && c` means `(a || b) && c`: the
 * replacement goes in parentheses whenever the result still parses (it does not
 * for a statement, a block or a `case` clause, which go in as they are).
 */
function applyMutant(source: string, m: Mutant): string {
  const before = source.slice(0, offsetOf(source, m.location.start));
  const after = source.slice(offsetOf(source, m.location.end));
  const wrapped = `${before}(${m.replacement})${after}`;
  return parses(wrapped) ? wrapped : before + m.replacement + after;
}

function parses(code: string): boolean {
  const out = ts.transpileModule(code, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2023 } });
  return (out.diagnostics ?? []).length === 0;
}

// ── Scores ──────────────────────────────────────────────────────────────────

/** Every lesson must reach this score (docs/mutation.md explains the survivors left). */
const MINIMUM_SCORE = 90;

const rows: string[] = [];
const belowMinimum: string[] = [];
const survivors: { file: string; mutant: Mutant }[] = [];
let totalDetected = 0;
let totalValid = 0;
for (const [file, { mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const slug = slugOf(file);
  const count = (s: Mutant["status"]) => mutants.filter((m) => m.status === s).length;
  const killed = count("Killed");
  const timeout = count("Timeout");
  const survived = count("Survived");
  const noCoverage = count("NoCoverage");
  const errors = count("CompileError") + count("RuntimeError");
  const detected = killed + timeout;
  const valid = detected + survived + noCoverage;
  // Killed by the lesson's own spec (a mutant of solutions/03 may also be killed by lesson 04's).
  const own = mutants.filter(
    (m) => m.status === "Timeout" || (m.status === "Killed" && (m.killedBy ?? []).some((id) => testName.get(id)?.startsWith(`${slug} `))),
  ).length;
  totalDetected += detected;
  totalValid += valid;
  if (valid > 0 && (100 * detected) / valid < MINIMUM_SCORE) belowMinimum.push(slug);
  const pct = (n: number) => (valid === 0 ? "n/a" : `${((100 * n) / valid).toFixed(1)}%`);
  rows.push(`| ${slug} | ${mutants.length} | ${killed} | ${timeout} | ${survived} | ${noCoverage} | ${errors} | **${pct(detected)}** | ${pct(own)} |`);
  for (const m of mutants) if (m.status === "Survived" || m.status === "NoCoverage") survivors.push({ file, mutant: m });
}

const table = [
  "| lesson | mutants | killed | timed out | survived | no coverage | errors | score | by its own spec |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...rows,
  `| **all** | | | | | | | **${totalValid === 0 ? "n/a" : ((100 * totalDetected) / totalValid).toFixed(1) + "%"}** | |`,
].join("\n");

// ── Survivors, checked by hand ──────────────────────────────────────────────

// The pristine copy the run graded against (stryker.config.mjs keeps it next to the
// report); without it, the workbook as it is now.
const kept = join(PROJECT_ROOT, "reports", "mutation", "reference");
const referenceRoot = existsSync(kept) ? kept : PROJECT_ROOT;
/** The lessons and exercises the run graded, from its test names ("03-handshake nextState"). */
const graded = new Map<string, string[]>();
for (const name of testName.values()) {
  const [slug = "", exercise = ""] = name.split(" ");
  graded.set(slug, [...(graded.get(slug) ?? []), exercise]);
}
const load = async (file: string): Promise<Module> => (await import(pathToFileURL(file).href)) as Module;
const specs = new Map<string, Spec<Module>>();
const references = new Map<string, Module>();
for (const slug of graded.keys()) {
  specs.set(slug, (await load(join(referenceRoot, "grader", slug, "spec.ts"))).default as Spec<Module>);
  references.set(slug, await load(join(referenceRoot, "solutions", `${slug}.ts`)));
}

/** Grades every lesson with the mutant applied; returns the first lesson/exercise that fails. */
async function verify(file: string, m: Mutant, source: string): Promise<string | undefined> {
  const dir = join(PROJECT_ROOT, ".stryker-tmp", "verify", `mutant-${m.id}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const d of ["solutions", "lib"]) cpSync(join(referenceRoot, d), join(dir, d), { recursive: true });
  writeFileSync(join(dir, file), applyMutant(source, m));
  try {
    for (const [slug, exercises] of graded) {
      const learner = await load(join(dir, "solutions", `${slug}.ts`));
      for (const name of exercises) {
        const spec = specs.get(slug)!;
        const result = await judgeExercise(name, spec[name] ?? [], references.get(slug)!, inProcessRuns(spec, learner), { seed: FIXED_SEED });
        if (result.status !== "passed") return `${slug} ${name}: ${result.failure?.property ?? result.message}`;
      }
    }
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const lines: string[] = [];
let falseSurvivors = 0;
for (const { file, mutant } of survivors) {
  const source = report.files[file]!.source;
  const current = existsSync(join(referenceRoot, file)) ? readFileSync(join(referenceRoot, file), "utf8") : "";
  const head = `- ${where(file, mutant)} ${mutant.mutatorName}${mutant.static ? " (static)" : ""} [${mutant.status}]: \`${original(source, mutant).replace(/\s+/g, " ")}\` → \`${mutant.replacement.replace(/\s+/g, " ")}\``;
  if (current !== source) {
    lines.push(`${head}\n  not checked by hand: ${file} has changed since the run (and the run's copy is gone)`);
    continue;
  }
  const killedBy = await verify(file, mutant, source);
  if (killedBy) falseSurvivors++;
  lines.push(killedBy ? `${head}\n  FALSE SURVIVOR: applied by hand it fails ${killedBy}` : `${head}\n  confirmed by hand: every spec still passes`);
}

const out = [
  "Mutation score per lesson (score = (killed + timed out) / (killed + timed out + survived + no coverage)):",
  "",
  table,
  "",
  survivors.length === 0 ? "No surviving mutants." : `Surviving mutants (${survivors.length}):`,
  ...lines,
  ...(falseSurvivors > 0 ? ["", `${falseSurvivors} survivor(s) are killed when applied by hand: Stryker misreported them.`] : []),
  ...(belowMinimum.length > 0 ? ["", `Below ${MINIMUM_SCORE}%: ${belowMinimum.join(", ")}.`] : []),
].join("\n");
console.log(out);
mkdirSync(join(PROJECT_ROOT, "reports", "mutation"), { recursive: true });
writeFileSync(join(PROJECT_ROOT, "reports", "mutation", "summary.md"), out + "\n");
rmSync(join(PROJECT_ROOT, ".stryker-tmp", "verify"), { recursive: true, force: true });
if (belowMinimum.length > 0) process.exitCode = 1;
