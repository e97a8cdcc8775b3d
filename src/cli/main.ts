/**
 * Dispatches `node bin/workbook.mjs <command> ...` (what the npm scripts run).
 * Each command's module is loaded only when it is used, to keep start-up short.
 */
import { EXIT, processIo, type Io } from "./io.ts";

type Command = (argv: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  grade: async () => (await import("./grade.ts")).gradeCommand,
  bench: async () => (await import("./bench.ts")).benchCommand,
  lab: async () => (await import("../lab/cli.ts")).runLab,
  start: async () => (await import("./start.ts")).startCommand,
  watch: async () => (await import("./watch.ts")).watchCommand,
  hint: async () => (await import("./hint.ts")).hintCommand,
  reset: async () => (await import("./reset.ts")).resetCommand,
  solution: async () => (await import("./solution.ts")).solutionCommand,
  read: async () => (await import("./read.ts")).readCommand,
  "new-lesson": async () => (await import("./new-lesson.ts")).newLessonCommand,
  "export-template": async () => (await import("./export-template.ts")).exportTemplateCommand,
  "class-report": async () => (await import("./class-report.ts")).classReportCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name = "start", ...rest] = argv;
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`Unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(", ")}\n`);
    return EXIT.usage;
  }
  try {
    return await (await load())(rest, processIo());
  } catch (error) {
    // A folder that cannot be written, a full disk: the learner's machine, not a bug. Say which file and why.
    const { code, path } = error as NodeJS.ErrnoException;
    if (code && ["EACCES", "EPERM", "EROFS", "ENOSPC", "EDQUOT"].includes(code)) {
      process.stderr.write(`The workbook could not write ${path ?? "a file it needs"} (${code}): check that this folder can be written and the disk is not full.\n`);
      return EXIT.failed;
    }
    // A bug in the workbook itself: one readable line, the stack only on request.
    process.stderr.write(`The workbook hit an unexpected problem: ${(error as Error)?.message ?? String(error)}\n`);
    if (process.env.WORKBOOK_DEBUG) process.stderr.write(`${(error as Error)?.stack}\n`);
    else process.stderr.write("Run it again with WORKBOOK_DEBUG=1 for details, and please report it.\n");
    return EXIT.failed;
  }
}
