/**
 * `npm start`: the menu. Without a terminal (piped, CI) it says in one line
 * which commands to use instead and exits with 2. Ctrl-C leaves cleanly from
 * anywhere: a prompt, watch mode, the pager, or while grading.
 */
import { loadCourse, type Lesson } from "../course/course.ts";
import { prestart, stopPrestarted } from "../grading/child-launcher.mjs";
import { loadProgress } from "../learner/progress-check.ts";
import { colorsFor } from "../ui/colors.ts";
import { interruptsIgnored, isLeaving, UserLeft } from "../ui/leave.ts";
import { chooseLab, runMenu, type LessonAction } from "../ui/menu.ts";
import { watchLesson } from "../watch/session.ts";
import { gradeCommand } from "./grade.ts";
import { showHint } from "./hint.ts";
import { EXIT, isInteractive, npmCommand, type Io } from "./io.ts";
import { currentLesson, loadCourseFor } from "./lesson-arg.ts";
import { resetLesson } from "./reset.ts";
import { showSolution } from "./solution.ts";
import { parseCommand } from "./args.ts";

const USAGE = `Usage: npm start
Opens the workbook's menu: the lessons, your progress, and for each lesson:
read, grade, watch, next hint, reset, reference solution. Needs a terminal;
elsewhere use the commands (npm run grade|watch|hint|reset|solution -- <lesson>).`;

export async function startCommand(argv: string[], io: Io): Promise<number> {
  const args = parseCommand(argv, io, USAGE, {});
  if (typeof args === "number") return args;
  if (!isInteractive(io)) {
    // The examples name the lesson the learner is on, not always the first.
    let on = "01";
    try {
      on = currentLesson(loadCourse(io.root))?.slug.slice(0, 2) ?? on;
    } catch {
      // A broken course is reported by the commands themselves.
    }
    io.stderr.write(
      `The menu needs a terminal. Without one, use the commands: ${npmCommand("grade")} ${on} · ${npmCommand("watch")} ${on} · ` +
        `${npmCommand("hint")} ${on} · ${npmCommand("reset")} ${on} --yes · ${npmCommand("solution")} ${on}\n`,
    );
    return EXIT.usage;
  }
  const course = loadCourseFor(io);
  if (!course) return EXIT.usage;
  if (course.lessons.length === 0) {
    io.stderr.write(`There are no lessons in ${course.root} yet (content/NN-slug.md).\n`);
    return EXIT.usage;
  }
  const c = colorsFor(io.stdout);
  const goodbye = () => io.stdout.write(`\n${c.dim("Bye! Your progress is saved; npm start brings you back here.")}\n`);

  // Ctrl-C outside a prompt (while grading) arrives as SIGINT: leave at once, terminal intact.
  const onSigint = () => {
    if (interruptsIgnored()) return;
    io.stdin?.setRawMode?.(false);
    io.stdout.write("\x1b[?25h");
    stopPrestarted();
    goodbye();
    process.exit(EXIT.ok);
  };
  process.on("SIGINT", onSigint);

  const progress = async () => {
    const live = io.stderr.isTTY === true;
    const counter = (done: number, total: number) => io.stderr.write(`\r${c.dim(`Grading… ${done}/${total}`)}${done === total ? "\r\x1b[K" : ""}`);
    const say = (line: string) => io.stderr.write(`${c.yellow(line)}\n`);
    return (await loadProgress(course.root, course.lessons, say, live ? counter : undefined)).data;
  };
  const act = async (action: LessonAction, lesson: Lesson): Promise<void> => {
    switch (action) {
      case "read": {
        // Loaded on first use: marked-terminal takes a third of a second to load.
        const { readLesson } = await import("../ui/lesson-reader.ts");
        return readLesson(course, lesson, io, c);
      }
      case "grade":
        await gradeCommand([lesson.slug], io);
        return;
      case "watch":
        for (let watched = lesson; ; ) {
          const end = await watchLesson({ course, lesson: watched, io });
          if (end === "interrupt") throw new UserLeft();
          if (end === "quit") return;
          watched = end.next;
        }
      case "hint":
        await showHint(lesson, io);
        return;
      case "reset":
        await resetLesson(course.root, lesson, io, false);
        return;
      case "solution":
        await showSolution(lesson, io, false);
        return;
      case "lab": {
        const scenario = await chooseLab(lesson);
        const { runLab } = await import("../lab/cli.ts");
        // The lab closes its own sockets on Ctrl-C before it exits; the menu must not exit first.
        process.off("SIGINT", onSigint);
        try {
          await runLab([scenario], io);
        } finally {
          process.on("SIGINT", onSigint);
        }
        return;
      }
    }
  };

  try {
    await runMenu({
      course,
      colors: c,
      out: io.stdout,
      width: () => io.stdout.columns ?? 80,
      onResize: (redraw) => {
        io.stdout.on("resize", redraw);
        return () => io.stdout.off("resize", redraw);
      },
      progress,
      act,
      // A grading process starts while the learner picks an action, so "Grade it" and "Watch it" answer sooner.
      onLessonShown: () => prestart({ count: 1 }),
      onActionChosen: (action) => {
        if (action !== "grade" && action !== "watch") stopPrestarted();
      },
    });
    goodbye();
    return EXIT.ok;
  } catch (error) {
    if (!isLeaving(error)) throw error;
    goodbye();
    return EXIT.ok;
  } finally {
    process.off("SIGINT", onSigint);
    stopPrestarted();
  }
}
