/**
 * A lesson as the learner reads it in the terminal: its title, the Markdown
 * rendered for the terminal, and at the end what to do with it (the exercises,
 * the file, the commands). Long lessons go through the pager.
 */
import type { Course, Lesson } from "../course/course.ts";
import { exerciseFile } from "../learner/lesson-status.ts";
import type { Colors } from "./colors.ts";
import { renderMarkdown } from "./markdown.ts";
import { page, type PagerIo } from "./pager.ts";
import { wrapAnsi } from "./text.ts";

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
  out.push("", renderMarkdown(lesson.body, { width, colors }).trimEnd(), "", c.dim("─".repeat(width)));
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
  return `${out.join("\n")}\n`;
}

/** Renders a lesson and shows it, paged when it is longer than the screen. */
export async function readLesson(course: Course, lesson: Lesson, io: PagerIo, colors: Colors): Promise<void> {
  const text = renderLesson(course, lesson, colors, io.stdout.isTTY ? (io.stdout.columns ?? READING_WIDTH) : READING_WIDTH);
  await page(text, io, { title: `Lesson ${lesson.slug}` });
}
