/**
 * What watch mode shows after each grade: which lesson and files it watches, the
 * grade report, what to do next, when it was graded, and the keys. On a
 * terminal it fits the screen: the first exercise that needs work in full, the
 * others one line each (e shows them all), and when even that is too tall the
 * least needed parts go first (the header's explanation, the diagram, the
 * replay line, the hint), each replaced by the key that shows it, so the
 * failure, "Next:" and the keys never scroll away. When the lesson passes it
 * offers the next one (n).
 */
import { dirname, relative, sep } from "node:path";
import type { Course, Lesson } from "../course/course.ts";
import { allPassed, type CourseResult } from "../grading/results.ts";
import { leftOut, renderReport, screenRows, SHORTER_DETAILS, type DetailPart } from "../report/text-report.ts";
import type { ProgressData } from "../state/progress.ts";
import type { Colors } from "../ui/colors.ts";
import { truncateVisible, wrapAnsi } from "../ui/text.ts";
import { hintView, nextStep } from "../cli/grade.ts";
import { npmCommand } from "../cli/io.ts";

export interface WatchView {
  readonly course: Course;
  readonly lesson: Lesson;
  /** Every watched file, the exercise file first. */
  readonly files: readonly string[];
  readonly result: CourseResult;
  readonly data: ProgressData;
  readonly elapsedMs: number;
  readonly gradedAt: Date;
  readonly colors: Colors;
  readonly width: number;
  /** The terminal's height, when the screen must fit it (a log need not). */
  readonly rows?: number;
  /** Every failure in full (the learner pressed e). */
  readonly expanded?: boolean;
  /** Type-check notes about the learner's file. */
  readonly notes?: readonly string[];
  /** Single keys (a terminal) or lines ("r" then Enter). */
  readonly singleKeys: boolean;
  /** Repeat the header (a terminal's screen is redrawn; a log only needs it once). */
  readonly showHeader: boolean;
}

export function watchHeader(view: Pick<WatchView, "course" | "lesson" | "files" | "colors" | "width">): string {
  const c = view.colors;
  const shown = view.files.map((f) => relative(view.course.root, f).split(sep).join("/"));
  const [main = "", ...others] = shown;
  // Other exercise files matter to the learner (lesson 04 builds on 03); lib/ is watched but not worth a mention.
  const mine = others.filter((f) => dirname(f) === dirname(main));
  const also = mine.length > 0 ? ` It builds on ${mine.join(" and ")}: saving ${mine.length > 1 ? "those" : "that"} grades it too.` : "";
  const title = truncateVisible(`${c.bold("Watching")} ${c.bold(view.lesson.slug)}  ${view.lesson.title}`, view.width);
  return [title, ...wrapAnsi(`Every time you save ${main}, it is graded again.${also}`, view.width).map(c.dim)].join("\n");
}

export function keyLegend(singleKeys: boolean, c: Colors, extra: readonly string[] = []): string {
  const keys = [`${c.bold("r")} grade again`, `${c.bold("h")} next hint`, ...extra, `${c.bold("q")} stop`].join(" · ");
  return singleKeys ? `Keys: ${keys}` : `Type a letter and press Enter: ${keys}`;
}

export function renderWatchScreen(view: WatchView): string {
  // First the header's explanation goes, then the report's details, least needed first.
  const attempts = view.rows === undefined || view.expanded
    ? [{ header: false, omit: [] as readonly DetailPart[] }]
    : [{ header: false, omit: [] as readonly DetailPart[] }, ...SHORTER_DETAILS.map((omit) => ({ header: true, omit }))];
  let parts: Screen = { head: [], body: [], foot: [] };
  for (const attempt of attempts) {
    parts = draw(view, attempt.header, new Set(attempt.omit));
    // One row stays free for the cursor; a screen taller than the terminal loses its top.
    if (view.rows === undefined || view.expanded || screenRows(join(parts), view.width) <= view.rows - 1) return join(parts);
  }
  // Still too tall (a narrow terminal): the report is cut at the bottom, where the least needed lines are,
  // so the header, the failure's first lines, "Next:" and the keys all stay on the screen.
  const room = view.rows! - 1 - screenRows(join({ ...parts, body: [] }), view.width) - 1;
  const body: string[] = [];
  for (const line of parts.body) {
    if (screenRows(body.concat(line).join("\n"), view.width) > room) break;
    body.push(line);
  }
  return join({ ...parts, body: [...body, view.colors.dim("… (e shows everything)")] });
}

/** A watch screen in three parts: the header, the report, and what always stays (Next:, the keys). */
interface Screen {
  readonly head: readonly string[];
  readonly body: readonly string[];
  readonly foot: readonly string[];
}

const join = (s: Screen) => `${[...s.head, ...s.body, ...s.foot].join("\n")}\n`;

function draw(view: WatchView, shortHeader: boolean, omit: ReadonlySet<DetailPart>): Screen {
  const c = view.colors;
  const { lesson, result } = view;
  const report = renderReport(result, {
    colors: c,
    hintFor: hintView([lesson], view.data),
    gradeCommand: npmCommand("grade"),
    hintCommand: npmCommand("hint"),
    width: view.width,
    expand: view.expanded ? "all" : "first",
    expandKey: "e: show",
    omit,
    notes: () => view.notes ?? [],
    noTitles: true,
  });
  const passed = allPassed(result);
  const following = view.course.lessons[view.course.lessons.indexOf(lesson) + 1];
  const left = leftOut(omit);
  const two = (n: number) => String(n).padStart(2, "0");
  const t = view.gradedAt;
  const graded = `${two(t.getHours())}:${two(t.getMinutes())}:${two(t.getSeconds())} in ${(view.elapsedMs / 1000).toFixed(2)} s`;
  // A short screen gets a one-line header that also says when it was graded.
  const header = shortHeader
    ? [truncateVisible(`${c.bold("Watching")} ${c.bold(lesson.slug)}  ${c.dim(`graded ${graded}`)}  ${lesson.title}`, view.width)]
    : [watchHeader(view), ""];
  const foot: string[] = [];
  if (left) foot.push(...wrapAnsi(`(left out to fit the screen: ${left}; e shows everything)`, view.width).map(c.dim));
  foot.push(...nextStep(result, [lesson], false, { course: view.course, colors: c, watching: true, width: view.width }).split("\n"));
  const collapsed = result.lessons.flatMap((l) => l.exercises).filter((e) => e.status !== "passed" && e.status !== "not-started").length > 1;
  const extra = [
    ...(collapsed || left ? [`${c.bold("e")} ${view.expanded ? "less" : "more"}`] : []),
    ...(passed && following ? [`${c.bold("n")} next lesson`] : []),
  ];
  if (!(shortHeader && view.showHeader)) foot.push(c.dim(`Graded at ${graded}.`));
  foot.push(keyLegend(view.singleKeys, c, extra));
  return { head: view.showHeader ? header.flatMap((h) => h.split("\n")) : [], body: report.split("\n"), foot };
}
