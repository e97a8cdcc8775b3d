/**
 * `npm run hint -- <lesson> [--exercise NAME]`: one more hint each time, for the
 * first exercise of the lesson that does not pass yet; remembered in progress.json.
 */
import type { Lesson } from "../course/course.ts";
import { revealNextHint, type HintOutcome } from "../learner/hints.ts";
import { loadProgress } from "../learner/progress-check.ts";
import { colorsFor, type Colors } from "../ui/colors.ts";
import { wrapAnsi } from "../ui/text.ts";
import { EXIT, npmCommand, type Io } from "./io.ts";
import { pickOneLesson } from "./lesson-arg.ts";
import { parseCommand } from "./args.ts";

const USAGE = `Usage: npm run hint -- <lesson> [--exercise NAME]
  lesson            a slug or its start: 03, 03-handshake, handshake
  --exercise NAME   a hint for this exercise (default: the first one that does not pass yet)
Each run shows one more hint, and remembers it.`;

export async function hintCommand(argv: string[], io: Io): Promise<number> {
  const args = parseCommand(argv, io, USAGE, { exercise: { type: "string", short: "e" } });
  if (typeof args === "number") return args;
  const picked = pickOneLesson(io, args.positionals, npmCommand("hint"));
  if (!picked.ok) return picked.exitCode;
  const outcome = await showHint(picked.lesson, io, args.values.exercise);
  return outcome.kind === "no-such-exercise" ? EXIT.usage : EXIT.ok;
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
      const head = c.bold(`Hint ${outcome.number} of ${outcome.total} for ${outcome.exercise}`) + c.dim(` (lesson ${lesson.slug})`);
      const body = renderMarkdown(outcome.text, { width: width - 2, colors: c }).trimEnd().split("\n").map((l) => (l ? `  ${l}` : l));
      const tail =
        outcome.number < outcome.total
          ? [`Ask again for hint ${outcome.number + 1}.`]
          : [
              ...wrapAnsi(`${outcome.wasLast ? "That is the last hint, again." : "That was the last hint."} Still stuck? Re-read the lesson, or see the reference solution:`, width),
              `  ${npmCommand("solution")} ${lesson.slug}`,
            ];
      return [head, ...body, ...tail.map(c.dim)].join("\n");
    }
  }
}
