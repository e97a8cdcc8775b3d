/** `node bin/workbook.mjs read <lesson>`: a lesson rendered for the terminal, paged when long. */
import { parseArgs } from "node:util";
import { colorsFor } from "../ui/colors.ts";
import { readLesson } from "../ui/lesson-reader.ts";
import { EXIT, type Io } from "./io.ts";
import { pickOneLesson } from "./lesson-arg.ts";

const USAGE = `Usage: node bin/workbook.mjs read <lesson>
  lesson   a slug or its start: 03, 03-handshake, handshake`;

export async function readCommand(argv: string[], io: Io): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { "no-color": { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (args.values.help) {
    io.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  const picked = pickOneLesson(io, args.positionals, "node bin/workbook.mjs read");
  if (!picked.ok) return picked.exitCode;
  try {
    await readLesson(picked.course, picked.lesson, io, colorsFor(io.stdout));
  } catch (error) {
    if ((error as Error).name !== "UserLeft") throw error;
  }
  return EXIT.ok;
}
