/**
 * `npm run watch -- <lesson> [--poll]`: grades the lesson every time its
 * exercise file (or a local file it imports) is saved. Keys: r grade again,
 * h next hint, e every failure in full, n next lesson once this one passes, q stop.
 */
import { watchLesson } from "../watch/session.ts";
import { EXIT, npmCommand, type Io } from "./io.ts";
import { pickOneLesson } from "./lesson-arg.ts";
import { parseCommand } from "./args.ts";

const USAGE = `Usage: npm run watch -- [lesson] [--poll]
  lesson    a slug or its start: 03, 03-handshake, handshake (default: the lesson you are on)
  --poll    check the files for changes every 300 ms instead of waiting for
            change events (for WSL or network drives, where events may not come)
Keys while watching: r grade again, h next hint, e every failure in full,
n the next lesson (once this one passes), q stop (Ctrl-C too).`;

export async function watchCommand(argv: string[], io: Io): Promise<number> {
  const args = parseCommand(argv, io, USAGE, { poll: { type: "boolean" }, seed: { type: "string" } });
  if (typeof args === "number") return args;
  const seed = args.values.seed === undefined ? undefined : Number.parseInt(args.values.seed, 10);
  if (seed !== undefined && !Number.isSafeInteger(seed)) {
    io.stderr.write(`--seed must be a whole number, not "${args.values.seed}"\n`);
    return EXIT.usage;
  }
  const picked = pickOneLesson(io, args.positionals, npmCommand("watch"), true);
  if (!picked.ok) return picked.exitCode;
  // n (once a lesson passes) moves on to the next lesson.
  for (let lesson = picked.lesson; ; ) {
    const end = await watchLesson({ course: picked.course, lesson, io, poll: args.values.poll === true, ...(seed !== undefined ? { seed } : {}) });
    // Ctrl-C is a way to end watch mode too: it says goodbye as q does, and exits 0 so npm adds no error.
    if (end === "interrupt") io.stdout.write(`Bye! Your progress is saved; ${npmCommand("watch")} ${lesson.slug} brings you back.\n`);
    if (typeof end !== "object") return EXIT.ok;
    lesson = end.next;
  }
}
