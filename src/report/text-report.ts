/**
 * The grading report a learner reads in the terminal: per lesson and exercise,
 * the status; for a failure, the property in words, the smallest counterexample,
 * what the reference gives and what the learner's code gave, a replay command
 * and the hint to read next; then the overall progress.
 */
import type { Colors } from "../ui/colors.ts";
import { visibleWidth, wrapAnsi } from "../ui/text.ts";
import type { CourseResult, ExerciseResult, Status } from "../grading/results.ts";

export interface HintView {
  readonly text: string;
  readonly number: number;
  readonly total: number;
}

export interface ReportContext {
  readonly colors: Colors;
  /** The hint to show with a failure (the learner's latest unlocked one, at least the first). */
  readonly hintFor: (lesson: string, exercise: string) => HintView | undefined;
  /** The command that starts grading, for replay lines ("npm run grade --"). */
  readonly gradeCommand: string;
  readonly hintCommand: string;
  /** The terminal's width (default 80): a failure's picture is indented less rather than wrapped. */
  readonly width?: number;
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

export function renderReport(result: CourseResult, ctx: ReportContext): string {
  const c = ctx.colors;
  const out: string[] = [];
  for (const lesson of result.lessons) {
    out.push(`${c.bold(lesson.slug)}  ${lesson.title}`);
    const width = Math.max(...lesson.exercises.map((e) => e.name.length));
    for (const e of lesson.exercises) out.push(...exerciseLines(lesson.slug, e, ctx, width));
    out.push("");
  }
  out.push(progressLine(result.summary.passed, result.summary.exercises, c));
  return out.join("\n");
}

/** One exercise's line of the report and, unless it passed or was not started, the details under it. */
export function exerciseLines(lesson: string, e: ExerciseResult, ctx: ReportContext, nameWidth = e.name.length): string[] {
  const line = `  ${statusMark(e.status, ctx.colors)} ${e.name.padEnd(nameWidth)}  ${summaryLine(e, ctx.colors)}`;
  return e.status !== "passed" && e.status !== "not-started" ? [line, ...details(lesson, e, ctx)] : [line];
}

function summaryLine(e: ExerciseResult, c: Colors): string {
  const label = LABEL[e.status];
  if (e.status === "passed") return c.green(`${label} (${e.propertiesRun} ${plural(e.propertiesRun, "property", "properties")})`);
  if (e.status === "failed" && e.propertiesRun > 0) return c.red(`${label}: ${e.propertiesPassed} of ${e.propertiesRun} properties hold`);
  return e.status === "not-started" ? c.dim(`${label} (still throws "not implemented yet")`) : c.yellow(label);
}

/** The indented lines under a failing exercise. */
function details(lesson: string, e: ExerciseResult, ctx: ReportContext): string[] {
  const c = ctx.colors;
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
    else field("Your code", c.red(f.actual ?? "undefined"));
    if (f.where) field("Where", f.frame ? `${f.where}\n${c.dim(f.frame)}` : f.where, false);
    if (f.note) field("Note", c.yellow(f.note));
    if (f.picture) lines.push("", ...pictureLines(f.picture, ctx.width ?? 80), "");
    field("Replay", `${ctx.gradeCommand} ${lesson} --replay ${f.replay}`, false); // a command to copy whole
  } else if (e.message) {
    field("Why", e.message);
  }
  if (e.output) field("Printed", c.dim(e.output));
  if (e.status === "failed") {
    const hint = ctx.hintFor(lesson, e.name);
    if (hint) {
      const more = hint.number < hint.total ? c.dim(`  (next: ${ctx.hintCommand} ${lesson})`) : "";
      field(`Hint ${hint.number}/${hint.total}`, `${hint.text}${more}`);
    }
  }
  return lines;
}

/**
 * A counterexample's picture (e.g. a two-column sequence diagram), indented like
 * the rest of the details when it fits the terminal, and less when it does not:
 * a diagram that wraps is unreadable, a diagram nearer the margin is not. Lines
 * too long for any indent (prose under a diagram) are word-wrapped instead of
 * being left to the terminal.
 */
function pictureLines(picture: string, width: number): string[] {
  const lines = picture.replace(/\s+$/, "").split("\n");
  const widest = Math.max(0, ...lines.map(visibleWidth).filter((w) => w <= width));
  const indent = Math.max(0, Math.min(DETAIL_INDENT, width - widest));
  const pad = " ".repeat(indent);
  return lines.flatMap((l) => {
    if (l === "") return [""];
    if (visibleWidth(l) + indent <= width) return [pad + l];
    return wrapAnsi(l, width - indent).map((part) => pad + part);
  });
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
