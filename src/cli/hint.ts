/**
 * `npm run hint -- [lesson] [--exercise NAME] [--all]`: one hint not seen yet
 * each time (the one written for the last failure first), for the first exercise
 * of the lesson that does not pass yet; remembered in progress.json. `--all`
 * shows again every hint seen so far. No lesson: the one the learner is on.
 */
import type { Lesson } from "../course/course.ts";
import { revealNextHint, seenHintsOf, type HintOutcome } from "../learner/hints.ts";
import { loadProgress } from "../learner/progress-check.ts";
import { colorsFor, type Colors } from "../ui/colors.ts";
import { wrapAnsi } from "../ui/text.ts";
import { EXIT, npmCommand, type Io } from "./io.ts";
import { pickOneLesson } from "./lesson-arg.ts";
import { parseCommand } from "./args.ts";

const USAGE = `Usage: npm run hint -- [lesson] [--exercise NAME] [--all]
  lesson            a slug or its start: 03, 03-handshake, handshake (default: the lesson you are on)
  --exercise NAME   a hint for this exercise (default: the first one that does not pass yet)
  --all             every hint you have seen so far, to read them again
Each run shows one hint you have not seen (the one for your last failure first), and remembers it.`;

export async function hintCommand(argv: string[], io: Io): Promise<number> {
  const args = parseCommand(argv, io, USAGE, { exercise: { type: "string", short: "e" }, all: { type: "boolean", short: "a" } });
  if (typeof args === "number") return args;
  const picked = pickOneLesson(io, args.positionals, npmCommand("hint"), true);
  if (!picked.ok) return picked.exitCode;
  if (args.values.all) return showSeenHints(picked.lesson, io, args.values.exercise);
  const outcome = await showHint(picked.lesson, io, args.values.exercise);
  return outcome.kind === "no-such-exercise" ? EXIT.usage : EXIT.ok;
}

/** Every hint of an exercise seen so far, in order (`--all`). */
async function showSeenHints(lesson: Lesson, io: Io, exercise?: string): Promise<number> {
  const { data } = await loadProgress(io.root, [lesson], (line) => io.stderr.write(`${line}\n`));
  const seen = seenHintsOf(lesson, data, exercise);
  if ("kind" in seen) {
    io.stderr.write(`${seen.kind === "no-such-exercise" ? seen.message : ""}\n`);
    return EXIT.usage;
  }
  const c = colorsFor(io.stdout);
  const width = Math.min(80, io.stdout.columns ?? 80);
  if (seen.hints.length === 0) {
    io.stdout.write(`${wrapAnsi(`You have not seen a hint for ${seen.exercise} yet. The first: ${npmCommand("hint")} ${lesson.slug}`, width).join("\n")}\n`);
    return EXIT.ok;
  }
  const { renderMarkdown } = await import("../ui/markdown.ts");
  const total = seen.hints[0]!.total;
  io.stdout.write(`${c.bold(`The hints you have seen for ${seen.exercise}`)}${c.dim(` (lesson ${lesson.slug}; ${seen.hints.length} of ${total})`)}\n`);
  for (const h of seen.hints) {
    const body = renderMarkdown(h.text, { width: width - 4, colors: c }).trimEnd().split("\n");
    io.stdout.write(`${c.dim(`${h.number}.`)} ${body.map((l, i) => (i === 0 ? l : `   ${l}`)).join("\n")}\n`);
  }
  return EXIT.ok;
}

/** Reveals the next hint of a lesson and prints it (also used by the menu). */
export async function showHint(lesson: Lesson, io: Io, exercise?: string): Promise<HintOutcome> {
  const { store, data } = await loadProgress(io.root, [lesson], (line) => io.stderr.write(`${line}\n`));
  const outcome = revealNextHint(lesson, store, data, exercise);
  if (outcome.kind === "no-such-exercise") io.stderr.write(`${outcome.message}\n`);
  else io.stdout.write(`${await formatHint(outcome, lesson, colorsFor(io.stdout), Math.min(80, io.stdout.columns ?? 80))}\n`);
  return outcome;
}

/** A hint in words, its Markdown (`code`, **bold**) rendered. */
export async function formatHint(outcome: HintOutcome, lesson: Lesson, c: Colors, width = 80): Promise<string> {
  switch (outcome.kind) {
    case "no-such-exercise":
      return outcome.message;
    case "all-passed":
      return [
        ...wrapAnsi(`Every exercise of ${lesson.slug} passes: no hint needed. To read one anyway:`, width),
        `  ${npmCommand("hint")} ${lesson.slug} --exercise ${lesson.exercises[0]!.name}`,
      ].join("\n");
    case "hint": {
      // Loaded only now: marked-terminal takes a third of a second to load.
      const { renderMarkdown } = await import("../ui/markdown.ts");
      const why = outcome.forThisFailure ? ", for your last failure" : "";
      const head = c.bold(`Hint ${outcome.number} of ${outcome.total} for ${outcome.exercise}`) + c.dim(` (lesson ${lesson.slug}${why})`);
      const body = renderMarkdown(outcome.text, { width: width - 2, colors: c }).trimEnd().split("\n").map((l) => (l ? `  ${l}` : l));
      const tail =
        outcome.unseen > 0
          ? wrapAnsi(`Ask again for another (${outcome.unseen} not seen yet); all you have seen: ${npmCommand("hint")} ${lesson.slug} --all`, width)
          : [
              ...wrapAnsi(`${outcome.wasLast ? "That is the last hint, again." : "That was the last hint."} Still stuck? Re-read the lesson, or see the reference solution:`, width),
              `  ${npmCommand("solution")} ${lesson.slug}`,
            ];
      return [head, ...body, ...tail.map(c.dim)].join("\n");
    }
  }
}
