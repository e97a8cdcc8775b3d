/**
 * `npm run reset -- <lesson> [--yes]`: puts the original exercise file back.
 * It asks first (or takes --yes), saves the learner's version in .backups/ and
 * says where. See src/learner/originals.ts for where the original comes from.
 */
import { confirm } from "@inquirer/prompts";
import type { Lesson } from "../course/course.ts";
import { exerciseFile } from "../learner/lesson-status.ts";
import { resetExercise } from "../learner/reset.ts";
import { ProgressStore } from "../state/progress.ts";
import { colorsFor } from "../ui/colors.ts";
import { isLeaving } from "../ui/leave.ts";
import { EXIT, isInteractive, npmCommand, type Io } from "./io.ts";
import { pickOneLesson } from "./lesson-arg.ts";
import { parseCommand } from "./args.ts";

const USAGE = `Usage: npm run reset -- <lesson> [--yes]
  lesson   a slug or its start: 03, 03-handshake, handshake
  --yes    do not ask first
Your version of the file is saved in .backups/ first; nothing is lost.`;

export async function resetCommand(argv: string[], io: Io): Promise<number> {
  const args = parseCommand(argv, io, USAGE, { yes: { type: "boolean", short: "y" } });
  if (typeof args === "number") return args;
  const picked = pickOneLesson(io, args.positionals, npmCommand("reset"));
  if (!picked.ok) return picked.exitCode;
  try {
    return await resetLesson(picked.course.root, picked.lesson, io, args.values.yes === true);
  } catch (error) {
    if (!isLeaving(error)) throw error;
    io.stderr.write("Nothing was changed.\n");
    return EXIT.failed;
  }
}

/** Asks (unless `yes`), backs up, resets, and says what happened. Ctrl-C at the question propagates. */
export async function resetLesson(root: string, lesson: Lesson, io: Io, yes: boolean): Promise<number> {
  const c = colorsFor(io.stdout);
  const file = exerciseFile(lesson);
  if (!yes) {
    if (!isInteractive(io)) {
      io.stderr.write(`Reset asks before it replaces ${file}. To reset without being asked: ${npmCommand("reset")} ${lesson.slug} --yes\n`);
      return EXIT.usage;
    }
    const sure = await confirm({
      message: `Replace ${file} with the original? Your version is saved in .backups/ first.`,
      default: false,
    });
    if (!sure) {
      io.stdout.write(`Nothing was changed.\n`);
      return EXIT.ok;
    }
  }
  const outcome = resetExercise(root, lesson, new ProgressStore(root));
  switch (outcome.kind) {
    case "already-original":
      io.stdout.write(`${file} is already the original; nothing to reset.\n`);
      return EXIT.ok;
    case "no-original":
      io.stderr.write(
        `Cannot find the original ${file}: this folder has no git history of it, and no copy was kept in .backups/originals/. ` +
          `Your file is unchanged. Download the workbook again and copy ${file} from it.\n`,
      );
      return EXIT.failed;
    case "reset":
      if (outcome.backup) io.stdout.write(`Your version is saved as ${c.bold(outcome.backup)}\n`);
      io.stdout.write(`${c.green(`${file} is back to the original`)} (from ${outcome.from}). Its grades are cleared.\n`);
      return EXIT.ok;
  }
}
