/**
 * `npm run solution -- <lesson> [--give-up]`: the reference solution, once the
 * lesson passes, or earlier after an explicit "I give up" (asked on a terminal,
 * or --give-up), which is remembered.
 */
import { confirm } from "@inquirer/prompts";
import { existsSync, readFileSync } from "node:fs";
import type { Lesson } from "../course/course.ts";
import { exerciseFile } from "../learner/lesson-status.ts";
import { loadProgress } from "../learner/progress-check.ts";
import { solutionUnlocked } from "../learner/solution-access.ts";
import { colorsFor } from "../ui/colors.ts";
import { isLeaving } from "../ui/leave.ts";
import { page } from "../ui/pager.ts";
import { EXIT, isInteractive, npmCommand, type Io } from "./io.ts";
import { pickOneLesson } from "./lesson-arg.ts";
import { parseCommand } from "./args.ts";

const USAGE = `Usage: npm run solution -- <lesson> [--give-up]
  lesson      a slug or its start: 03, 03-handshake, handshake
  --give-up   see it before the lesson passes (you are asked otherwise)`;

export async function solutionCommand(argv: string[], io: Io): Promise<number> {
  const args = parseCommand(argv, io, USAGE, { "give-up": { type: "boolean" } });
  if (typeof args === "number") return args;
  const picked = pickOneLesson(io, args.positionals, npmCommand("solution"));
  if (!picked.ok) return picked.exitCode;
  try {
    return await showSolution(picked.lesson, io, args.values["give-up"] === true);
  } catch (error) {
    if (!isLeaving(error)) throw error;
    return EXIT.failed;
  }
}

/** Shows the reference solution if allowed, asking for a give-up when needed. Ctrl-C at the question propagates. */
export async function showSolution(lesson: Lesson, io: Io, giveUp: boolean): Promise<number> {
  const c = colorsFor(io.stdout);
  if (!existsSync(lesson.files.solution)) {
    io.stderr.write(`This copy of the workbook is closed-book: it has no reference solutions. Ask your teacher, or ${npmCommand("hint")} ${lesson.slug} for one more hint.\n`);
    return EXIT.failed;
  }
  const { store, data } = await loadProgress(io.root, [lesson], (line) => io.stderr.write(`${line}\n`));
  if (!solutionUnlocked(lesson, data)) {
    if (!giveUp) {
      if (!isInteractive(io)) {
        io.stderr.write(
          `The reference solution of ${lesson.slug} opens once the lesson passes. Stuck? ${npmCommand("hint")} ${lesson.slug} gives one more hint. ` +
            `To see it anyway, say that you give up: ${npmCommand("solution")} ${lesson.slug} --give-up\n`,
        );
        return EXIT.failed;
      }
      const sure = await confirm({
        message: `${lesson.slug} does not pass yet. Give up on it and see the reference solution?`,
        default: false,
      });
      if (!sure) {
        io.stdout.write(`Good, keep going. ${npmCommand("hint")} ${lesson.slug} shows one more hint.\n`);
        return EXIT.ok;
      }
    }
    store.giveUp(lesson.slug);
  }
  const source = readFileSync(lesson.files.solution, "utf8");
  const header = [
    c.bold(`Reference solution of ${lesson.slug}`) + c.dim(` (solutions/${lesson.slug}.ts)`),
    c.dim(`Your own ${exerciseFile(lesson)} is not changed. Any solution that passes the grader is right; this is one of them.`),
    "",
  ].join("\n");
  await page(`${header}\n${source}`, io, { title: `Solution ${lesson.slug}` });
  return EXIT.ok;
}
