/**
 * The menu `npm start` opens: the lessons in order with their status and the
 * overall progress, a clear next step, and for a chosen lesson what can be done
 * with it. The menu only decides; what each choice does is handed in (`act`),
 * so its logic is tested on its own with @inquirer/testing.
 *
 * Ctrl-C in a prompt rejects with @inquirer's ExitPromptError, which the caller
 * turns into a clean exit.
 */
import { select, Separator } from "@inquirer/prompts";
import type { Course, Lesson } from "../course/course.ts";
import { hintSummary } from "../learner/hints.ts";
import { changedSinceGraded, courseProgress, exerciseFile, lessonProgress, nextStepSentence, stateLabel, stateMark, type LessonProgress } from "../learner/lesson-status.ts";
import { progressLine, statusMark } from "../report/text-report.ts";
import { solutionUnlocked } from "../learner/solution-access.ts";
import type { ProgressData } from "../state/progress.ts";
import { npmCommand } from "../cli/io.ts";
import type { Colors } from "./colors.ts";
import { padVisible, truncateVisible, wrapAnsi } from "./text.ts";

export const LESSON_ACTIONS = ["read", "grade", "watch", "hint", "reset", "solution", "lab"] as const;
export type LessonAction = (typeof LESSON_ACTIONS)[number];

export interface MenuOptions {
  readonly course: Course;
  readonly colors: Colors;
  /** Where the menu prints its headers (the prompts draw themselves). */
  readonly out: NodeJS.WritableStream;
  /** Terminal columns, asked each time the menu is drawn; the menu uses at most 100. */
  readonly width: number | (() => number);
  /** Calls `redraw` when the terminal is resized (the menu then reflows); returns how to stop. */
  readonly onResize?: (redraw: () => void) => () => void;
  /** The learner's progress now: asked again every time the menu is drawn. */
  readonly progress: () => Promise<ProgressData>;
  /** Does what the learner chose for a lesson. */
  readonly act: (action: LessonAction, lesson: Lesson) => Promise<void>;
  /** Called when a lesson's actions are shown and when they are left (start prepares a grading process). */
  readonly onLessonShown?: (lesson: Lesson) => void;
  readonly onActionChosen?: (action: LessonAction | "back") => void;
}

const QUIT = "\0quit";
const BACK = "back";
const KEYS_TIP = "↑↓ move · enter choose · ctrl-c leave";

/** Runs the menu until the learner chooses Quit. */
export async function runMenu(options: MenuOptions): Promise<void> {
  const { course, colors: c, out } = options;
  let current: string | undefined;
  for (;;) {
    const width = menuWidth(options);
    const data = await options.progress();
    const progress = courseProgress(course, data);
    out.write(`\n${courseHeader(progress, c, width)}\n`);
    const chosen = await ask(options, {
      message: "Choose a lesson",
      choices: [...lessonChoices(progress, c, width, data), new Separator(" "), { value: QUIT, name: "Quit", description: "Your progress is saved: npm start brings you back." }],
      default: current ?? progress.next?.lesson.slug ?? course.lessons[0]?.slug,
      pageSize: Math.min(course.lessons.length + 2, 16),
      loop: false,
      theme: { style: { keysHelpTip: () => c.dim(KEYS_TIP) } },
    });
    if (chosen === RESIZED) continue;
    if (chosen === QUIT) return;
    current = chosen;
    await lessonMenu(course.lessons.find((l) => l.slug === chosen)!, options);
  }
}

function menuWidth(options: MenuOptions): number {
  const columns = typeof options.width === "function" ? options.width() : options.width;
  return Math.min(100, Math.max(40, columns));
}

const RESIZED = "\0resized";

/** A select prompt that gives way (RESIZED) when the terminal is resized, so the menu is drawn again to fit. */
async function ask<T>(options: MenuOptions, config: Parameters<typeof select<T>>[0]): Promise<T | typeof RESIZED> {
  const controller = new AbortController();
  const stop = options.onResize?.(() => controller.abort()) ?? (() => {});
  try {
    return await select<T>(config, { signal: controller.signal });
  } catch (error) {
    if (!controller.signal.aborted) throw error;
    options.out.write("\x1b[2J\x1b[H"); // a clean screen: the old lines were drawn for the old width
    return RESIZED;
  } finally {
    stop();
  }
}

async function lessonMenu(lesson: Lesson, options: MenuOptions): Promise<void> {
  const c = options.colors;
  let last: LessonAction | undefined;
  for (;;) {
    const width = menuWidth(options);
    const data = await options.progress();
    const p = lessonProgress(lesson, data);
    const changed = changedSinceGraded(lesson, data);
    options.out.write(`\n${lessonHeader(p, c, width, changed)}\n`);
    options.onLessonShown?.(lesson);
    const untouched = p.exercises.every((e) => e.status === undefined || e.status === "not-started");
    const action = await ask<LessonAction | typeof BACK>(options, {
      message: `Lesson ${lesson.slug}: what next?`,
      choices: [...actionChoices(p, data, c), new Separator(" "), { value: BACK, name: "← Back to the lessons" }],
      default: last === "read" ? "watch" : (last ?? (changed ? "grade" : untouched ? "read" : "grade")),
      pageSize: 10,
      loop: false,
      theme: { style: { keysHelpTip: () => c.dim(KEYS_TIP) } },
    });
    if (action === RESIZED) continue;
    options.onActionChosen?.(action);
    if (action === BACK) return;
    last = action;
    await options.act(action, lesson);
  }
}

/** Title, overall progress bar, and the one next step. */
export function courseHeader(progress: ReturnType<typeof courseProgress>, c: Colors, width: number): string {
  return [
    c.bold("TCP connection workbook"),
    progressLine(progress.passed, progress.total, c),
    ...wrapAnsi(nextStepSentence(progress), width),
  ].join("\n");
}

/** What the menu says of a file saved after its last grade, whose ✓ or ✗ may be out of date. */
const CHANGED = "changed since graded";

/** One line per lesson: mark, slug, title, and its status in words ("changed since graded" when the file is newer). */
export function lessonChoices(progress: ReturnType<typeof courseProgress>, c: Colors, width: number, data?: ProgressData) {
  const changed = new Set(progress.lessons.filter((p) => data && changedSinceGraded(p.lesson, data)).map((p) => p.lesson.slug));
  const label = (p: LessonProgress) => (changed.has(p.lesson.slug) ? `${stateLabel(p)}, ${CHANGED}` : stateLabel(p));
  const slugWidth = Math.max(...progress.lessons.map((l) => l.lesson.slug.length));
  const labelWidth = Math.max(...progress.lessons.map((l) => label(l).length));
  // "❯ " + mark + " " + slug + "  " + title + "  " + label; the title gives way first, down to nothing on a narrow screen.
  const titleWidth = Math.max(0, width - 2 - 2 - slugWidth - 2 - 2 - labelWidth - 1);
  return progress.lessons.map((p) => ({
    value: p.lesson.slug,
    name: truncateVisible(
      `${stateMark(p, c)} ${p.lesson.slug.padEnd(slugWidth)}  ${titleWidth > 0 ? `${padVisible(truncateVisible(p.lesson.title, titleWidth), titleWidth)}  ` : ""}${paintLabel(p, c, changed.has(p.lesson.slug))}`,
      width - 3,
    ),
    short: p.lesson.slug,
    description: `${p.passed} of ${p.total} exercises passed · ${exerciseFile(p.lesson)}${changed.has(p.lesson.slug) ? ` · saved after its last grade: grade it again` : ""}`,
  }));
}

function paintLabel(p: LessonProgress, c: Colors, changed: boolean): string {
  const label = stateLabel(p);
  const painted = p.state === "passed" ? c.green(label) : p.state === "failed" ? c.red(label) : c.dim(label);
  return changed ? `${painted}${c.yellow(`, ${CHANGED}`)}` : painted;
}

/** The lesson's title and each exercise's status. */
export function lessonHeader(p: LessonProgress, c: Colors, width: number, changed = false): string {
  const nameWidth = Math.max(...p.exercises.map((e) => e.name.length));
  const words = (status: string | undefined) => (status === undefined ? "not graded yet" : status.replace("-", " "));
  return [
    truncateVisible(`${c.bold(p.lesson.slug)}  ${p.lesson.title}`, width),
    ...p.exercises.map((e) => `  ${statusMark(e.status ?? "not-started", c)} ${e.name.padEnd(nameWidth)}  ${words(e.status)}`),
    ...(changed ? wrapAnsi(c.yellow(`${exerciseFile(p.lesson)} was saved after its last grade: grade it to see where it stands now.`), width) : []),
  ].join("\n");
}

/** What can be done with a lesson, each with the direct command that does the same. */
export function actionChoices(p: LessonProgress, data: ProgressData, c: Colors) {
  const slug = p.lesson.slug;
  const same = (command: string) => c.dim(`Same as: ${command} ${slug}`);
  const hint = hintSummary(p.lesson, data);
  const unlocked = solutionUnlocked(p.lesson, data);
  return [
    { value: "read" as const, name: "Read the lesson", description: c.dim(`content/${slug}.md, paged: space for the next page, q to come back.`) },
    { value: "grade" as const, name: "Grade it", description: same(npmCommand("grade")) },
    {
      value: "watch" as const,
      name: "Watch it: grade again on every save",
      description: c.dim(`Keys: r grade again, h next hint, e every failure, n next lesson once it passes, q back here. `) + same(npmCommand("watch")),
    },
    {
      value: "hint" as const,
      name: !hint
        ? "Next hint (every exercise passes)"
        : hint.unseen === 0
          ? `A hint again (all ${hint.total} seen, for ${hint.exercise})`
          : `Next hint (${hint.unseen} of ${hint.total} not seen yet, for ${hint.exercise})`,
      description: same(npmCommand("hint")),
    },
    {
      value: "reset" as const,
      name: `Reset ${exerciseFile(p.lesson)} to the original`,
      description: c.dim("Asks first; your version is saved in .backups/. ") + same(npmCommand("reset")),
    },
    {
      value: "solution" as const,
      name: unlocked ? "See the reference solution" : "See the reference solution (only if you give up)",
      description: unlocked
        ? same(npmCommand("solution"))
        : c.dim("It opens once the lesson passes; before that, only after you confirm that you give up. ") + same(npmCommand("solution")),
    },
    ...(p.lesson.labs.length === 0
      ? []
      : [
          {
            value: "lab" as const,
            name: `Live lab: watch your own kernel do it (${p.lesson.labs.join(", ")})`,
            description: c.dim(`Real connections on 127.0.0.1, the kernel's states next to nextState's. Same as: ${npmCommand("lab")} ${p.lesson.labs[0]}`),
          },
        ]),
  ];
}

/** Which of a lesson's live-lab scenarios to run (asked only when it has several). */
export async function chooseLab(lesson: Lesson): Promise<string> {
  if (lesson.labs.length === 1) return lesson.labs[0]!;
  return select({ message: "Which scenario?", choices: lesson.labs.map((name) => ({ value: name, name })) });
}
