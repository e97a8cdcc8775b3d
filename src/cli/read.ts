/** `node bin/workbook.mjs read <lesson>`: a lesson rendered for the terminal, paged when long. */
import { colorsFor } from "../ui/colors.ts";
import { readLesson } from "../ui/lesson-reader.ts";
import { EXIT, type Io } from "./io.ts";
import { pickOneLesson } from "./lesson-arg.ts";
import { parseCommand } from "./args.ts";

const USAGE = `Usage: node bin/workbook.mjs read <lesson>
  lesson   a slug or its start: 03, 03-handshake, handshake`;

export async function readCommand(argv: string[], io: Io): Promise<number> {
  const args = parseCommand(argv, io, USAGE, {});
  if (typeof args === "number") return args;
  const picked = pickOneLesson(io, args.positionals, "node bin/workbook.mjs read");
  if (!picked.ok) return picked.exitCode;
  try {
    await readLesson(picked.course, picked.lesson, io, colorsFor(io.stdout));
  } catch (error) {
    if ((error as Error).name !== "UserLeft") throw error;
  }
  return EXIT.ok;
}
