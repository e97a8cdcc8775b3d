/**
 * `npm run reset -- <lesson> [--yes]`: puts the original exercise file back.
 * It asks first (or takes --yes), saves the learner's version in .backups/ and
 * says where. See src/learner/originals.ts for where the original comes from.
 * `--restore [NAME]` puts a backup back instead (the newest by default).
 */
import { confirm } from "@inquirer/prompts";
import type { Lesson } from "../course/course.ts";
import { exerciseFile } from "../learner/lesson-status.ts";
import { resetExercise, restoreBackup } from "../learner/reset.ts";
import { ProgressStore } from "../state/progress.ts";
import { colorsFor } from "../ui/colors.ts";
import { isLeaving } from "../ui/leave.ts";
import { EXIT, isInteractive, npmCommand, type Io } from "./io.ts";
import { pickOneLesson } from "./lesson-arg.ts";
import { parseCommand } from "./args.ts";

const USAGE = `Usage: npm run reset -- <lesson> [--yes] [--restore [BACKUP]]
  lesson      a slug or its start: 03, 03-handshake, handshake
  --yes       do not ask first
  --restore   put your newest backup back instead (or the one named: --restore 03-handshake.2026-11-26_22-35-08)
Your version of the file is saved in .backups/ first; nothing is lost.`;

export async function resetCommand(argv: string[], io: Io): Promise<number> {
  // --restore takes an optional name: parsed as a flag, the name (if any) is the second word.
  const restoring = argv.includes("--restore");
  const args = parseCommand(
    argv.filter((a) => a !== "--restore"),
    io,
    USAGE,
    { yes: { type: "boolean", short: "y" } },
  );
  if (typeof args === "number") return args;
  const [lessonWord, backupName] = args.positionals;
  const picked = pickOneLesson(io, lessonWord === undefined ? [] : [lessonWord], npmCommand("reset"));
  if (!picked.ok) return picked.exitCode;
  if (restoring) return restore(picked.course.root, picked.lesson, io, backupName);
  if (backupName !== undefined) {
    io.stderr.write(`One lesson at a time, please. To put a backup back: ${npmCommand("reset")} ${picked.lesson.slug} --restore ${backupName}\n`);
    return EXIT.usage;
  }
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
      if (outcome.backup) io.stdout.write(c.dim(`To put your version back: ${npmCommand("reset")} ${lesson.slug} --restore\n`));
      return EXIT.ok;
  }
}

/** `--restore`: puts a backup back, after backing up what it replaces. */
function restore(root: string, lesson: Lesson, io: Io, name: string | undefined): number {
  const c = colorsFor(io.stdout);
  const outcome = restoreBackup(root, lesson, new ProgressStore(root), name);
  if (outcome.kind === "no-backup") {
    io.stderr.write(
      outcome.available.length === 0
        ? `There is no backup of ${exerciseFile(lesson)} in .backups/ yet.\n`
        : `There is no backup "${name}". The backups of ${exerciseFile(lesson)}, newest first:\n${outcome.available.map((b) => `  ${b}`).join("\n")}\n`,
    );
    return EXIT.failed;
  }
  if (outcome.backup) io.stdout.write(`The file it replaces is saved as ${c.bold(outcome.backup)}\n`);
  io.stdout.write(`${c.green(`${exerciseFile(lesson)} is ${outcome.from} again.`)} Its grades are cleared: grade it to see where it stands.\n`);
  return EXIT.ok;
}
