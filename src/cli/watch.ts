/**
 * `npm run watch -- <lesson> [--poll]`: grades the lesson every time its
 * exercise file (or a local file it imports) is saved. Keys: r grade again,
 * h next hint, q stop. It never moves on to another lesson by itself.
 */
import { watchLesson } from "../watch/session.ts";
import { EXIT, npmCommand, type Io } from "./io.ts";
import { pickOneLesson } from "./lesson-arg.ts";
import { parseCommand } from "./args.ts";

const USAGE = `Usage: npm run watch -- <lesson> [--poll]
  lesson    a slug or its start: 03, 03-handshake, handshake
  --poll    check the files for changes every 300 ms instead of waiting for
            change events (for WSL or network drives, where events may not come)
Keys while watching: r grade again, h next hint, q stop (Ctrl-C too).`;

export async function watchCommand(argv: string[], io: Io): Promise<number> {
  const args = parseCommand(argv, io, USAGE, { poll: { type: "boolean" }, seed: { type: "string" } });
  if (typeof args === "number") return args;
  const seed = args.values.seed === undefined ? undefined : Number.parseInt(args.values.seed, 10);
  if (seed !== undefined && !Number.isSafeInteger(seed)) {
    io.stderr.write(`--seed must be a whole number, not "${args.values.seed}"\n`);
    return EXIT.usage;
  }
  const picked = pickOneLesson(io, args.positionals, npmCommand("watch"));
  if (!picked.ok) return picked.exitCode;
  await watchLesson({ course: picked.course, lesson: picked.lesson, io, poll: args.values.poll === true, ...(seed !== undefined ? { seed } : {}) });
  return EXIT.ok;
}
