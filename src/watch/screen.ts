/**
 * What watch mode shows after each grade: which lesson and files it watches, the
 * grade report (with the failure's picture and hint), what to do next, how long
 * grading took, and the keys. When the lesson passes it says so and names the
 * next lesson, but never moves on by itself.
 */
import { dirname, relative, sep } from "node:path";
import type { Course, Lesson } from "../course/course.ts";
import { allPassed, type CourseResult } from "../grading/results.ts";
import { renderReport } from "../report/text-report.ts";
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
  return [
    truncateVisible(`${c.bold("Watching")} ${c.bold(view.lesson.slug)}  ${view.lesson.title}`, view.width),
    ...wrapAnsi(`Every time you save ${main}, it is graded again.${also}`, view.width).map(c.dim),
  ].join("\n");
}

export function keyLegend(singleKeys: boolean, c: Colors): string {
  const keys = `${c.bold("r")} grade again · ${c.bold("h")} next hint · ${c.bold("q")} stop watching`;
  return singleKeys ? `Keys: ${keys}` : `Type a letter and press Enter: ${keys}`;
}

export function renderWatchScreen(view: WatchView): string {
  const c = view.colors;
  const { lesson, result } = view;
  const report = renderReport(result, {
    colors: c,
    hintFor: (slug, exercise) => hintView([lesson], slug, exercise, view.data.hints),
    gradeCommand: npmCommand("grade"),
    hintCommand: npmCommand("hint"),
    width: view.width,
  });
  const out = [...(view.showHeader ? [watchHeader(view), ""] : []), report, nextStep(result, [lesson], false)];
  if (allPassed(result)) {
    const following = view.course.lessons[view.course.lessons.indexOf(lesson) + 1];
    if (following) {
      out.push(
        ...wrapAnsi(`${c.green(`Lesson ${lesson.slug} passes.`)} When you are ready for the next one:`, view.width),
        `  ${c.cyan(`${npmCommand("watch")} ${following.slug}`)}`,
        c.dim("(watch mode stays on this lesson until you leave it)"),
      );
    } else {
      out.push(`${c.green(`Lesson ${lesson.slug} passes.`)} That was the last lesson.`);
    }
  }
  const two = (n: number) => String(n).padStart(2, "0");
  const t = view.gradedAt;
  const time = `${two(t.getHours())}:${two(t.getMinutes())}:${two(t.getSeconds())}`;
  out.push("", c.dim(`Graded at ${time} in ${(view.elapsedMs / 1000).toFixed(2)} s.`), keyLegend(view.singleKeys, c));
  return `${out.join("\n")}\n`;
}
