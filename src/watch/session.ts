/**
 * Watch mode for one lesson: grade, show, wait for a save or a key, grade again.
 *
 * Two event sources feed it, as in rustlings: the file watcher (the exercise
 * file and the local files it imports) and the keys (r grade again, h next
 * hint, q stop; Ctrl-C leaves). Every grade runs the learner's code in a fresh
 * sandboxed runner, so edited modules are loaded anew; one judge stays for the
 * whole session and starts the runner for the next grade as soon as a grade
 * ends, so a save is graded without waiting for a process to start. Saves that
 * arrive during a grade are graded right after it, once.
 * Once the lesson passes, n moves on to the next one (never by itself); e shows
 * every failure in full. Type-check notes (src/report/type-notes.ts) are added
 * to the screen once the report is up, so they never delay it.
 */
import type { Course, Lesson } from "../course/course.ts";
import { startJudge, stopJudge, takePrestarted } from "../grading/child-launcher.mjs";
import { gradeLessons, randomSeed } from "../grading/grade-course.ts";
import type { CourseResult } from "../grading/results.ts";
import { formatHint } from "../cli/hint.ts";
import { npmCommand, type Io } from "../cli/io.ts";
import { closedBookNotice } from "../classroom/grade-options.ts";
import { revealNextHint } from "../learner/hints.ts";
import { ProgressStore } from "../state/progress.ts";
import { colorsFor } from "../ui/colors.ts";
import { isInterrupt, listenForKeys, type Key } from "../ui/keys.ts";
import { watchFiles } from "./file-watcher.ts";
import { localDependencies } from "./imports.ts";
import { keyLegend, renderWatchScreen, watchHeader, type WatchView } from "./screen.ts";
import { typeNotesFor } from "../cli/grade.ts";
import { allPassed } from "../grading/results.ts";

export interface WatchOptions {
  readonly course: Course;
  readonly lesson: Lesson;
  readonly io: Io;
  /** Poll modification times instead of waiting for change events. */
  readonly poll?: boolean;
  /** Base seed for every grade of this session (default: random), so a failure stays put between saves. */
  readonly seed?: number;
  readonly debounceMs?: number;
  /** Called after each grade (tests measure latency with it). */
  readonly onGraded?: (result: CourseResult, elapsedMs: number) => void;
}

/** How watch mode ended: q (back to where it was started), Ctrl-C (leave the workbook), or n (watch the next lesson). */
export type WatchEnd = "quit" | "interrupt" | { readonly next: Lesson };

export function watchLesson(options: WatchOptions): Promise<WatchEnd> {
  const { course, lesson, io } = options;
  if (course.closedBook) {
    takePrestarted(0); // stops the grading process started for this watch
    io.stdout.write(`${closedBookNotice(`${npmCommand("hint")} ${lesson.slug}`)}\n`);
    return Promise.resolve("quit");
  }
  const c = colorsFor(io.stdout);
  const tty = io.stdout.isTTY === true;
  const singleKeys = io.stdin?.isTTY === true;
  const store = new ProgressStore(course.root);
  const seed = options.seed ?? randomSeed();
  let files = localDependencies(lesson.files.exercise, course.root);
  const judge = takePrestarted(1)[0] ?? startJudge("learner");
  let running = false;
  let again = false;
  let closed = false;
  let expanded = false;
  let shown: Pick<WatchView, "result" | "data" | "elapsedMs" | "gradedAt" | "notes"> | undefined;

  return new Promise<WatchEnd>((resolve) => {
    const write = (text: string) => {
      if (!closed) io.stdout.write(text);
    };

    const grade = async () => {
      if (closed) return;
      if (running) {
        again = true;
        return;
      }
      running = true;
      write(tty ? `\r\x1b[K${c.dim("Grading…")}` : "");
      const started = performance.now();
      try {
        const result = await gradeLessons([lesson], "exercises", { seed }, { prestarted: [judge], keepJudges: true });
        if (closed) return;
        const elapsedMs = performance.now() - started;
        const { data, problem } = store.tryRecord(result);
        files = localDependencies(lesson.files.exercise, course.root);
        watcher.watch(files);
        shown = { result, data, elapsedMs, gradedAt: new Date(), notes: [] };
        draw();
        if (problem) write(`${c.yellow(problem)}\n`);
        options.onGraded?.(result, elapsedMs);
        // The type check runs in a worker thread after the report, and never holds up the next
        // grade; its notes are added only while this grade is still the one on screen.
        const drawn = shown;
        void typeNotesFor([lesson], course.root).then((all) => {
          const notes = all.get(lesson.slug) ?? [];
          if (notes.length > 0 && !closed && shown === drawn) {
            shown = { ...drawn, notes };
            draw();
          }
        });
      } catch (error) {
        write(`\n${c.red(`Grading failed: ${(error as Error).message}`)}\n`);
      } finally {
        running = false;
      }
      if (again) {
        again = false;
        void grade();
      }
    };

    /** Draws the last grade again: after a grade, a key that changes the view, or a resize. */
    const draw = () => {
      if (!shown) return;
      const view = { course, lesson, files, ...shown, colors: c, width: io.stdout.columns ?? 80, singleKeys, showHeader: tty, expanded };
      const screen = renderWatchScreen(tty && io.stdout.rows ? { ...view, rows: io.stdout.rows } : view);
      write(tty ? `\x1b[H\x1b[2J${screen}` : `\n${c.dim("─".repeat(40))}\n${screen}`);
    };

    const hint = async () => {
      const outcome = revealNextHint(lesson, store, store.load().data);
      write(`\n${await formatHint(outcome, lesson, c, Math.min(80, io.stdout.columns ?? 80))}\n`);
    };

    const end = (how: WatchEnd) => {
      if (closed) return;
      write(`\nStopped watching ${lesson.slug}.\n`);
      closed = true;
      watcher.close();
      stopKeys();
      process.off("SIGINT", onSigint);
      io.stdout.off?.("resize", draw);
      stopJudge(judge);
      resolve(how);
    };

    const onKey = (key: Key) => {
      if (isInterrupt(key)) return end("interrupt");
      switch (key.name) {
        case "q":
        case "escape":
          return end("quit");
        case "r":
        case "return":
          return void grade();
        case "h":
          return void hint();
        case "e":
          expanded = !expanded;
          return draw();
        case "n": {
          const following = course.lessons[course.lessons.indexOf(lesson) + 1];
          if (shown && allPassed(shown.result) && following) return end({ next: following });
          return write(`\n${c.dim(following ? `n moves on once ${lesson.slug} passes.` : "This is the last lesson.")}\n`);
        }
        case "?":
          return write(`\n${keyLegend(singleKeys, c)}\n`);
      }
    };
    const onSigint = () => end("interrupt");

    const watcher = watchFiles(() => void grade(), {
      poll: options.poll ?? false,
      ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
      onWarning: (message) => write(`\n${c.yellow(message)}\n`),
    });
    watcher.watch(files);
    const stopKeys = io.stdin ? listenForKeys(io.stdin, onKey) : () => {};
    process.on("SIGINT", onSigint);
    io.stdout.on?.("resize", draw);
    write(`${watchHeader({ course, lesson, files, colors: c, width: io.stdout.columns ?? 80 })}\n`);
    void grade();
  });
}
