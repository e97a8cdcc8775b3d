/**
 * Dispatches `node bin/workbook.mjs <command> ...` (what the npm scripts run).
 * Each command's module is loaded only when it is used, to keep start-up short.
 */
import { EXIT, processIo, type Io } from "./io.ts";

type Command = (argv: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  grade: async () => (await import("./grade.ts")).gradeCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name = "start", ...rest] = argv;
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`Unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(", ")}\n`);
    return EXIT.usage;
  }
  return (await load())(rest, processIo());
}
