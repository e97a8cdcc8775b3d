/**
 * A lesson as the learner reads it in the terminal: a short box with the task
 * first (built from the front matter, so it never drifts from the exercises),
 * the Markdown rendered for the terminal, then what to do (the exercises, the
 * file, the commands), and last the answers to "Check yourself", moved out of
 * sight of the questions. Long lessons go through the pager.
 */
import type { Course, Lesson } from "../course/course.ts";
import { exerciseFile } from "../learner/lesson-status.ts";
import type { Colors } from "./colors.ts";
import { renderMarkdown } from "./markdown.ts";
import { page, type PagerIo } from "./pager.ts";
import { padVisible, wrapAnsi } from "./text.ts";

/** Lessons are written for 80 columns: wider terminals still get 80, for readable lines. */
export const READING_WIDTH = 80;

export function renderLesson(course: Course, lesson: Lesson, colors: Colors, columns: number): string {
  const c = colors;
  const width = Math.min(READING_WIDTH, columns);
  const out: string[] = [];
  out.push(c.dim(`Lesson ${course.lessons.indexOf(lesson) + 1} of ${course.lessons.length} · ${lesson.slug}`));
  if (columns < READING_WIDTH) {
    out.push(c.yellow(`Your terminal is ${columns} columns wide; the diagrams need ${READING_WIDTH}. Widen the window for the best view.`));
  }
  const { body, answers } = splitAnswers(lesson.body);
  out.push("", ...taskBox(lesson, c, width));
  out.push("", renderMarkdown(body, { width, colors }).trimEnd(), "", c.dim("─".repeat(width)));
  out.push(`${c.bold("Your exercises")}, in ${c.yellow(exerciseFile(lesson))}:`);
  const nameWidth = Math.max(...lesson.exercises.map((e) => e.name.length));
  for (const e of lesson.exercises) {
    const [first = "", ...rest] = wrapAnsi(e.task, Math.max(20, width - nameWidth - 4));
    out.push(`  ${c.bold(e.name.padEnd(nameWidth))}  ${first}`, ...rest.map((l) => `${" ".repeat(nameWidth + 4)}${l}`));
  }
  out.push(
    "",
    `Grade them:                  ${c.cyan(`npm run grade -- ${lesson.slug}`)}`,
    `Grade them on every save:    ${c.cyan(`npm run watch -- ${lesson.slug}`)}`,
    `Stuck? One more hint:        ${c.cyan(`npm run hint -- ${lesson.slug}`)}`,
  );
  if (answers.length > 0) {
    out.push("", c.dim("─".repeat(width)), c.bold('Answers to "Check yourself"'), "", renderMarkdown(answers.join("\n\n"), { width, colors }).trimEnd());
  }
  return `${out.join("\n")}\n`;
}

/** "In this lesson you will write …, then run …": the task before the reading, from the front matter. */
export function taskBox(lesson: Lesson, c: Colors, width: number): string[] {
  const names = lesson.exercises.map((e) => e.name);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  const inner = Math.max(20, width - 4);
  const text = [
    ...wrapAnsi(`In this lesson you will write ${c.bold(list)} in ${c.yellow(exerciseFile(lesson))}, then run ${c.cyan(`npm run watch -- ${lesson.slug}`)}, which grades ${names.length === 1 ? "it" : "them"} every time you save.`, inner),
    ...wrapAnsi(c.dim("What each one does is at the end of the lesson; read on first."), inner),
  ];
  const bar = "─".repeat(inner + 2);
  return [c.dim(`┌${bar}┐`), ...text.map((l) => `${c.dim("│")} ${padVisible(l, inner)} ${c.dim("│")}`), c.dim(`└${bar}┘`)];
}

/**
 * Takes the answers out of the "Check yourself" section (paragraphs that start
 * with "Answers"), so they are not read by accident right under the questions;
 * the reader shows them at the very end.
 */
export function splitAnswers(body: string): { body: string; answers: string[] } {
  const answers: string[] = [];
  const parts = body.split(/(?=^## )/m);
  const kept = parts.map((part) => {
    if (!/^## Check yourself\b/.test(part)) return part;
    const paragraphs = part.split(/\n{2,}/);
    const mine = paragraphs.filter((p) => /^(\*\*)?Answers?\b/.test(p.trim()));
    if (mine.length === 0) return part;
    answers.push(...mine.map((p) => p.trim()));
    const rest = paragraphs.filter((p) => !mine.includes(p));
    return `${rest.join("\n\n").trimEnd()}\n\n_(The answers are at the very end of the lesson, after the exercises.)_\n\n`;
  });
  return { body: kept.join(""), answers };
}

/** Renders a lesson and shows it, paged when it is longer than the screen. */
export async function readLesson(course: Course, lesson: Lesson, io: PagerIo, colors: Colors): Promise<void> {
  const text = renderLesson(course, lesson, colors, io.stdout.isTTY ? (io.stdout.columns ?? READING_WIDTH) : READING_WIDTH);
  await page(text, io, { title: `Lesson ${lesson.slug}` });
}
