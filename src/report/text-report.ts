/**
 * The grading report a learner reads in the terminal: per lesson and exercise,
 * the status; for a failure, the property in words, the smallest counterexample,
 * what the reference gives and what the learner's code gave, a replay command
 * and the hint to read next; then the overall progress. A screen that must
 * fit gets the compact form: the first failure in full, the others one line
 * each, and lessons that pass or are not started one line for all of them.
 */
import type { Colors } from "../ui/colors.ts";
import { truncateVisible, visibleWidth, wrapAnsi } from "../ui/text.ts";
import type { CourseResult, ExerciseResult, Failure, LessonResult, Status } from "../grading/results.ts";

export interface HintView {
  readonly text: string;
  readonly number: number;
  readonly total: number;
  /** The hint was written for this failure (its property and input), not just the next step of the ladder. */
  readonly forThisFailure?: boolean;
}

/** Parts of a failure's details that a short screen can leave out (each says how to see it). */
export type DetailPart = "picture" | "replay" | "hint" | "long-hint" | "printed";

export interface ReportContext {
  readonly colors: Colors;
  /** The hint to show with a failure: the one written for it, else the learner's latest step of the ladder. */
  readonly hintFor: (lesson: string, exercise: string, failure?: Failure) => HintView | undefined;
  /** The command that starts grading, for replay lines ("npm run grade --"). */
  readonly gradeCommand: string;
  readonly hintCommand: string;
  /** The terminal's width (default 80): a failure's picture is indented less, or cut, rather than wrapped. */
  readonly width?: number;
  /**
   * "first": only the first exercise that needs work shows its details, the
   * others one line each, and lessons not started share one line (a screen
   * that must fit). Default "all": every detail (a log, a pipe, `--full`).
   */
  readonly expand?: "all" | "first";
  /** What to say after a collapsed exercise, e.g. "e: show all". */
  readonly expandKey?: string;
  /** Details to leave out of the expanded failure, to fit a short screen. */
  readonly omit?: ReadonlySet<DetailPart>;
  /** Leave out each lesson's title line (watch mode's header already names its one lesson). */
  readonly noTitles?: boolean;
  /** Notes about the learner's file (type errors), by lesson slug: shown, never a failure. */
  readonly notes?: (lesson: string) => readonly string[];
}

/** How far a failure's details are indented under their exercise. */
const DETAIL_INDENT = 6;

const SYMBOL: Record<Status, string> = { passed: "✓", failed: "✗", "not-started": "·", broken: "!", "timed-out": "⏱" };
const LABEL: Record<Status, string> = {
  passed: "passed",
  failed: "failed",
  "not-started": "not started",
  broken: "broken",
  "timed-out": "timed out",
};

export function statusMark(status: Status, c: Colors): string {
  const paint = status === "passed" ? c.green : status === "not-started" ? c.dim : status === "failed" ? c.red : c.yellow;
  return paint(SYMBOL[status]);
}

/** Whether an exercise has details worth showing (a failure, a crash, a time-out). */
const needsWork = (e: ExerciseResult) => e.status !== "passed" && e.status !== "not-started";

/** What a short screen leaves out, step by step, least needed first. */
export const SHORTER_DETAILS: readonly (readonly DetailPart[])[] = [
  [],
  ["printed"],
  ["printed", "picture"],
  ["printed", "picture", "replay"],
  ["printed", "picture", "replay", "long-hint"],
  ["printed", "picture", "replay", "hint"],
];

/** Rows a text takes on a terminal of this width (a line wider than it takes several). */
export function screenRows(text: string, width: number): number {
  return text.replace(/\n$/, "").split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(visibleWidth(line) / width)), 0);
}

/** The parts left out, in words for the learner ("picture, replay"), or "" when nothing is. */
export function leftOut(omit: ReadonlySet<DetailPart>): string {
  return [...omit]
    .filter((p) => p !== "printed" && !(p === "long-hint" && omit.has("hint")))
    .map((p) => (p === "long-hint" ? "the hint's end" : p === "picture" ? "the diagram" : p))
    .join(", ");
}

export function renderReport(result: CourseResult, ctx: ReportContext): string {
  const c = ctx.colors;
  const out: string[] = [];
  const compact = ctx.expand === "first";
  const untouched = (l: LessonResult) => l.exercises.every((e) => e.status === "not-started");
  const done = (l: LessonResult) => l.exercises.every((e) => e.status === "passed");
  // On a compact screen, lessons that pass share one line too: they need no attention.
  const passedLessons = compact && result.lessons.length > 1 ? result.lessons.filter(done) : [];
  // The exercise shown in full on a compact screen: the first that needs work.
  const first = result.lessons.flatMap((l) => l.exercises.filter(needsWork))[0];
  const waiting: string[] = [];
  for (const lesson of result.lessons) {
    if (compact && untouched(lesson) && result.lessons.length > 1) {
      waiting.push(lesson.slug);
      continue;
    }
    if (passedLessons.includes(lesson)) continue;
    if (!ctx.noTitles) out.push(truncateVisible(`${c.bold(lesson.slug)}  ${lesson.title}`, ctx.width ?? 80));
    const width = Math.max(...lesson.exercises.map((e) => e.name.length));
    for (const e of lesson.exercises) {
      const collapsed = compact && needsWork(e) && e !== first;
      if (!collapsed) {
        out.push(...exerciseLines(lesson.slug, e, ctx, width));
        continue;
      }
      const line = `  ${statusMark(e.status, c)} ${e.name.padEnd(width)}  ${summaryLine(e, c)}`;
      const more = ctx.expandKey ? `(${ctx.expandKey})` : "";
      // The key goes on the same line when it fits, else under it: never wrapped by the terminal.
      if (more && visibleWidth(line) + more.length + 2 <= (ctx.width ?? 80)) out.push(`${line}  ${c.dim(more)}`);
      else out.push(line, ...(more ? [truncateVisible(`${" ".repeat(DETAIL_INDENT)}${c.dim(more)}`, ctx.width ?? 80)] : []));
    }
    out.push(...noteLines(ctx.notes?.(lesson.slug) ?? [], c, ctx.width ?? 80));
    out.push("");
  }
  // The lessons that need nothing share a line each, just above the progress bar, where they stay in view.
  if (passedLessons.length > 0) out.push(...hangingWrap(`${c.green("✓")} ${c.green(`every exercise passes: ${lessonRange(passedLessons.map((l) => l.slug))}`)}`, ctx.width ?? 80));
  if (waiting.length > 0) out.push(...hangingWrap(`${c.dim("·")} ${c.dim(`not started yet: ${lessonRange(waiting)}`)}`, ctx.width ?? 80));
  out.push(progressLine(result.summary.passed, result.summary.exercises, c));
  return out.join("\n");
}

/** One exercise's line of the report and, unless it passed or was not started, the details under it. */
export function exerciseLines(lesson: string, e: ExerciseResult, ctx: ReportContext, nameWidth = e.name.length): string[] {
  const line = `  ${statusMark(e.status, ctx.colors)} ${e.name.padEnd(nameWidth)}  ${summaryLine(e, ctx.colors)}`;
  return needsWork(e) ? [line, ...details(lesson, e, ctx)] : [line];
}

/** Type-check notes, one "note" each, wrapped under themselves. */
export function noteLines(notes: readonly string[], c: Colors, width: number): string[] {
  return notes.flatMap((note) => hangingWrap(`  ${c.yellow("note")} ${note}`, width));
}

/** "04-teardown to 08-faq (5 lessons)" for three or more lessons in a row, else the list. */
function lessonRange(slugs: readonly string[]): string {
  const numbers = slugs.map((s) => Number(s.slice(0, 2)));
  const inRow = numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
  return slugs.length >= 3 && inRow ? `${slugs[0]} to ${slugs.at(-1)} (${slugs.length} lessons)` : slugs.join(", ");
}

function summaryLine(e: ExerciseResult, c: Colors): string {
  const label = LABEL[e.status];
  if (e.status === "passed") return c.green(`${label} (${e.propertiesRun} ${plural(e.propertiesRun, "property", "properties")})`);
  if (e.status === "failed" && e.propertiesRun > 0) return c.red(`${label}: ${holdCount(e.propertiesPassed, e.propertiesRun)}`);
  return e.status === "not-started" ? c.dim(`${label} (still throws "not implemented yet")`) : c.yellow(label);
}

/** "2 of 7 properties hold", "its one property does not hold", "none of 3 properties hold". */
function holdCount(held: number, run: number): string {
  if (run === 1) return held === 1 ? "its one property holds" : "its one property does not hold";
  if (held === 0) return `none of ${run} properties hold`;
  return `${held} of ${run} properties hold`;
}

/** The indented lines under a failing exercise. */
function details(lesson: string, e: ExerciseResult, ctx: ReportContext): string[] {
  const c = ctx.colors;
  const omit = ctx.omit ?? new Set<DetailPart>();
  const lines: string[] = [];
  const pad = " ".repeat(DETAIL_INDENT);
  // Lines too long for the terminal are word-wrapped under their label; lines that
  // fit keep their spacing, since counterexamples are often aligned by hand.
  const room = Math.max(20, (ctx.width ?? 80) - DETAIL_INDENT - 11);
  const field = (name: string, value: string, wrap = true) => {
    const [first = "", ...rest] = value
      .split("\n")
      .flatMap((l) => (!wrap || visibleWidth(l) <= room ? [l] : hangingWrap(l, room)));
    lines.push(`${pad}${c.dim(name.padEnd(11))}${first}`, ...rest.map((l) => `${pad}${" ".repeat(11)}${l}`));
  };
  const f = e.failure;
  if (f) {
    field("Property", c.bold(f.property));
    field("Input", f.input);
    field("Expected", c.green(f.expected));
    if (f.threw !== undefined) field("Your code", c.red(`threw ${f.threw}`));
    else field("Your code", c.red(f.actual ?? "undefined") + (missingReturn(f.actual) ? c.dim(" (returned undefined: is a `return` missing?)") : ""));
    // The code frame is code: cut to the terminal with "…", never wrapped.
    if (f.where) field("Where", [f.where, ...(f.frame ? f.frame.split("\n").map((l) => c.dim(truncateVisible(l, room))) : [])].join("\n"), false);
    if (f.note) field("Note", c.yellow(f.note));
    if (f.picture && !omit.has("picture")) lines.push("", ...pictureLines(f.picture, ctx.width ?? 80), "");
    if (!omit.has("replay")) field("Replay", `${ctx.gradeCommand} ${lesson} --replay ${f.replay}`, false); // a command to copy whole
  } else if (e.message) {
    field("Why", e.message);
  }
  if (e.output && !omit.has("printed")) field("Printed", c.dim(e.output));
  if (e.status === "failed" && !omit.has("hint")) {
    const hint = ctx.hintFor(lesson, e.name, f);
    if (hint) {
      const label = hint.forThisFailure ? "Hint" : `Hint ${hint.number}/${hint.total}`;
      if (omit.has("long-hint")) lines.push(truncateVisible(`${pad}${c.dim(label.padEnd(11))}${hint.text.replace(/\s+/g, " ")}`, ctx.width ?? 80));
      else {
        const more = hint.number < hint.total || hint.forThisFailure ? c.dim(`  (another: ${ctx.hintCommand} ${lesson})`) : "";
        field(label, `${hint.text}${more}`);
      }
    }
  }
  return lines;
}

/**
 * A counterexample's picture: sequence-diagram lines (those with a "|" column,
 * and the heading line above them) are never re-wrapped, which would split the
 * arrows: they are indented like the rest of the details when they fit, nearer
 * the margin when they do not, cut with "…" when they still do not, and replaced
 * by a line saying how wide the terminal must be when cutting would lose too
 * much. Prose lines under a diagram are word-wrapped.
 */
function pictureLines(picture: string, width: number): string[] {
  const lines = picture.replace(/\s+$/, "").split("\n");
  const isDiagram = (i: number): boolean => {
    const line = lines[i];
    return line !== undefined && (line.includes("|") || (/\S {3,}\S/.test(line) && (lines[i + 1] ?? "").includes("|")));
  };
  // First the diagram is narrowed the way a person would redraw it: every row loses the
  // same number of columns from its longest run of dashes or spaces (the arrows' shafts
  // and the gaps), so the columns stay aligned and no label is lost.
  const rows = lines.map((_, i) => i).filter(isDiagram);
  const wide = Math.max(0, ...rows.map((i) => visibleWidth(lines[i]!)));
  const spare = Math.min(...rows.map((i) => longestRun(lines[i]!).length - 2));
  const squeeze = Math.max(0, Math.min(wide - width, spare));
  if (squeeze > 0) for (const i of rows) lines[i] = narrowed(lines[i]!, squeeze);
  const diagramWidth = Math.max(0, ...rows.map((i) => visibleWidth(lines[i]!)));
  const indent = Math.max(0, Math.min(DETAIL_INDENT, width - diagramWidth));
  const pad = " ".repeat(indent);
  // Cutting a quarter off still leaves both ends' arrows readable; more than that does not.
  const tooNarrow = diagramWidth > width && width < diagramWidth * 0.75;
  const out: string[] = [];
  lines.forEach((l, i) => {
    if (l === "") out.push("");
    else if (!isDiagram(i)) out.push(...(visibleWidth(l) + indent <= width ? [pad + l] : wrapAnsi(l, width - indent).map((part) => pad + part)));
    else if (tooNarrow) {
      if (!isDiagram(i - 1)) out.push(`(this diagram needs ${diagramWidth} columns; widen the terminal to see it)`);
    } else out.push(truncateVisible(pad + l, width));
  });
  return out;
}

/** The longest run of dashes or spaces inside a diagram row (an arrow's shaft, a gap between columns). */
function longestRun(line: string): { readonly at: number; readonly length: number } {
  let best = { at: -1, length: 0 };
  for (const m of line.matchAll(/-{3,}| {3,}/g)) if (m[0].length > best.length && m.index! > 0) best = { at: m.index!, length: m[0].length };
  return best;
}

/** A diagram row with `columns` fewer characters of its longest run. */
function narrowed(line: string, columns: number): string {
  const run = longestRun(line);
  return line.slice(0, run.at) + line.slice(run.at + columns);
}

/** What a spec prints for a function that returned nothing: "undefined", or "not a list of segments: undefined". */
function missingReturn(actual: string | undefined): boolean {
  return actual === undefined || /(^|: )undefined$/.test(actual);
}

/** A long line wrapped with its continuations indented, so wrapped lines of a list stay apart. */
function hangingWrap(line: string, width: number): string[] {
  const lead = /^ */.exec(line)![0];
  const [first = "", ...rest] = wrapAnsi(line, width - lead.length, true);
  const more = rest.length ? wrapAnsi(rest.join(" "), width - lead.length - 4, true) : [];
  return [lead + first, ...more.map((l) => `${lead}    ${l}`)];
}

export function progressLine(passed: number, total: number, c: Colors, width = 24): string {
  const filled = total === 0 ? 0 : Math.round((passed / total) * width);
  const bar = c.green("█".repeat(filled)) + c.dim("░".repeat(width - filled));
  return `${bar}  ${passed} of ${total} ${plural(total, "exercise", "exercises")} passed`;
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
