/**
 * The class report: from a folder of `grade --json` documents (one per
 * student, from the workflow's artifacts or any LMS), per exercise, how many
 * students pass, and the properties that fail most with their most common
 * smallest counterexample: what to re-teach next week.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import Table from "cli-table3";
import { RESULTS_SCHEMA, type CourseResult } from "../grading/results.ts";

export interface FailingProperty {
  readonly property: string;
  /** Students whose smallest failing case was on this property. */
  readonly students: number;
  readonly counterexample: string;
  /** Students who got exactly that counterexample. */
  readonly counterexampleStudents: number;
}

export interface ExerciseSummary {
  readonly lesson: string;
  readonly exercise: string;
  /** Students with a result for it. */
  readonly students: number;
  readonly passed: number;
  readonly notStarted: number;
  /** Broken or timed out. */
  readonly broken: number;
  /** Most failed first. */
  readonly failing: readonly FailingProperty[];
}

export interface ClassReport {
  readonly students: readonly string[];
  readonly exercises: readonly ExerciseSummary[];
  /** Files that were not results documents, with why. */
  readonly skipped: readonly string[];
}

/** Reads every *.json under `dir` (artifacts come one folder per student). */
export function readClass(dir: string): { documents: { student: string; result: CourseResult }[]; skipped: string[] } {
  const documents: { student: string; result: CourseResult }[] = [];
  const skipped: string[] = [];
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(".json") && statSync(join(dir, f)).isFile()).sort();
  for (const file of files) {
    const student = relative(dir, join(dir, file)).replace(/\.json$/, "");
    try {
      const doc = JSON.parse(readFileSync(join(dir, file), "utf8")) as CourseResult;
      if (doc?.schema !== RESULTS_SCHEMA || !Array.isArray(doc.lessons)) throw new Error(`not a grade --json document of schema ${RESULTS_SCHEMA}`);
      documents.push({ student, result: doc });
    } catch (error) {
      skipped.push(`${file}: ${(error as Error).message}`);
    }
  }
  return { documents, skipped };
}

export function classReport(documents: readonly { student: string; result: CourseResult }[], skipped: readonly string[] = []): ClassReport {
  const byExercise = new Map<string, { lesson: string; exercise: string; statuses: string[]; failures: { property: string; input: string }[] }>();
  for (const { result } of documents) {
    for (const lesson of result.lessons) {
      for (const e of lesson.exercises) {
        const key = `${lesson.slug}\0${e.name}`;
        const entry = byExercise.get(key) ?? { lesson: lesson.slug, exercise: e.name, statuses: [], failures: [] };
        entry.statuses.push(e.status);
        if (e.failure) entry.failures.push({ property: e.failure.property, input: e.failure.input });
        byExercise.set(key, entry);
      }
    }
  }
  const exercises = [...byExercise.values()]
    .sort((a, b) => a.lesson.localeCompare(b.lesson))
    .map((e) => ({
      lesson: e.lesson,
      exercise: e.exercise,
      students: e.statuses.length,
      passed: e.statuses.filter((s) => s === "passed").length,
      notStarted: e.statuses.filter((s) => s === "not-started").length,
      broken: e.statuses.filter((s) => s === "broken" || s === "timed-out").length,
      failing: mostCommon(e.failures.map((f) => f.property)).map(([property, students]) => {
        const [counterexample = "", counterexampleStudents = 0] = mostCommon(e.failures.filter((f) => f.property === property).map((f) => f.input))[0] ?? [];
        return { property, students, counterexample, counterexampleStudents };
      }),
    }));
  return { students: documents.map((d) => d.student), exercises, skipped };
}

/** Values with their counts, most common first (ties in first-seen order). */
function mostCommon(values: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

function passRate(e: ExerciseSummary): string {
  return e.students === 0 ? "–" : `${Math.round((100 * e.passed) / e.students)}%`;
}

/** How many failing properties each exercise lists. */
const TOP = 3;

function failingLines(e: ExerciseSummary, separator: string): string {
  return e.failing
    .slice(0, TOP)
    .map((f) => `${f.students}× ${f.property} — e.g. ${f.counterexample}${f.counterexampleStudents > 1 ? ` (${f.counterexampleStudents}×)` : ""}`)
    .join(separator);
}

/** The exercises to look at first: the lowest pass rates. */
function reteach(report: ClassReport): string {
  const worst = [...report.exercises].filter((e) => e.passed < e.students).sort((a, b) => a.passed / a.students - b.passed / b.students).slice(0, 3);
  return worst.length === 0 ? "Every student passes every exercise." : `Re-teach first: ${worst.map((e) => `${e.lesson} ${e.exercise} (${passRate(e)})`).join(", ")}.`;
}

export function renderTable(report: ClassReport, width = 120): string {
  const table = new Table({
    head: ["lesson", "exercise", "pass", "not started", "broken", "properties that fail most, with the most common smallest counterexample"],
    style: { head: [], border: [] },
    wordWrap: true,
    colWidths: [null, null, null, null, null, Math.max(30, width - 75)] as unknown as number[],
  });
  for (const e of report.exercises) {
    table.push([e.lesson, e.exercise, `${passRate(e)} (${e.passed}/${e.students})`, e.notStarted, e.broken, failingLines(e, "\n")]);
  }
  return `${report.students.length} students\n${table.toString()}\n${reteach(report)}\n`;
}

export function renderMarkdown(report: ClassReport): string {
  const cell = (s: string | number) => String(s).replace(/\|/g, "\\|").replace(/\n/g, "<br>");
  const rows = report.exercises.map((e) =>
    `| ${[e.lesson, e.exercise, `${passRate(e)} (${e.passed}/${e.students})`, e.notStarted, e.broken, failingLines(e, "\n")].map(cell).join(" | ")} |`,
  );
  return [
    `# Class report (${report.students.length} students)`,
    "",
    "| lesson | exercise | pass | not started | broken | properties that fail most, with the most common smallest counterexample |",
    "|---|---|---:|---:|---:|---|",
    ...rows,
    "",
    reteach(report),
    "",
  ].join("\n");
}

/** RFC 4180 CSV: one row per failing property (or one row for an exercise nobody fails). */
export function renderCsv(report: ClassReport): string {
  const field = (v: string | number) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const header = ["lesson", "exercise", "students", "passed", "pass_rate", "not_started", "broken", "property", "property_failures", "counterexample", "counterexample_students"];
  const rows = report.exercises.flatMap((e) => {
    const base = [e.lesson, e.exercise, e.students, e.passed, e.students ? (e.passed / e.students).toFixed(3) : "", e.notStarted, e.broken];
    return e.failing.length === 0 ? [[...base, "", "", "", ""]] : e.failing.map((f) => [...base, f.property, f.students, f.counterexample, f.counterexampleStudents]);
  });
  return [header, ...rows].map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";
}
