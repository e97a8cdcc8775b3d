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

export function watchHeader(view: Pick<WatchView, "course" | "lesson" | "files" | "colors" | "width">, short = false): string {
  const c = view.colors;
  const shown = view.files.map((f) => relative(view.course.root, f).split(sep).join("/"));
  const [main = "", ...others] = shown;
  // Other exercise files matter to the learner (lesson 04 builds on 03); lib/ is watched but not worth a mention.
  const mine = others.filter((f) => dirname(f) === dirname(main));
  const also = mine.length > 0 ? ` It builds on ${mine.join(" and ")}: saving ${mine.length > 1 ? "those" : "that"} grades it too.` : "";
  const title = truncateVisible(`${c.bold("Watching")} ${c.bold(view.lesson.slug)}  ${view.lesson.title}`, view.width);
  if (short) return title;
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
  let screen = "";
  for (const attempt of attempts) {
    screen = draw(view, attempt.header, new Set(attempt.omit));
    // One row stays free for the cursor; a screen taller than the terminal loses its top.
    if (view.rows === undefined || screenRows(screen, view.width) <= view.rows - 1) break;
  }
  return screen;
}

function draw(view: WatchView, shortHeader: boolean, omit: ReadonlySet<DetailPart>): string {
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
  const out = [...(view.showHeader ? [watchHeader(view, shortHeader), ""] : []), report];
  if (left) out.push(...wrapAnsi(`(left out to fit the screen: ${left}; e shows everything)`, view.width).map(c.dim));
  out.push(nextStep(result, [lesson], false, { course: view.course, colors: c, watching: true }));
  const two = (n: number) => String(n).padStart(2, "0");
  const t = view.gradedAt;
  const time = `${two(t.getHours())}:${two(t.getMinutes())}:${two(t.getSeconds())}`;
  const collapsed = result.lessons.flatMap((l) => l.exercises).filter((e) => e.status !== "passed" && e.status !== "not-started").length > 1;
  const extra = [
    ...(collapsed || left ? [`${c.bold("e")} ${view.expanded ? "less" : "more"}`] : []),
    ...(passed && following ? [`${c.bold("n")} next lesson`] : []),
  ];
  out.push(c.dim(`Graded at ${time} in ${(view.elapsedMs / 1000).toFixed(2)} s.`), keyLegend(view.singleKeys, c, extra));
  return `${out.join("\n")}\n`;
}
