/**
 * `npm run new-lesson -- <NN-slug> ["Title"] [--exercise name ...]`
 * Scaffolds a lesson in all four trees (src/course/scaffold.ts), refuses a slug
 * that is malformed or already used, and prints what to do next. The guide is
 * docs/authoring.md.
 */
import { defaultExerciseName, defaultTitle, PLACEHOLDER, scaffoldProblem, writeScaffold, type ScaffoldRequest } from "../course/scaffold.ts";
import { EXIT, npmCommand, type Io } from "./io.ts";
import { parseCommand } from "./args.ts";

const USAGE = `Usage: npm run new-lesson -- <NN-slug> ["Title"] [--exercise name ...]
  NN-slug           two digits, then lowercase words joined by hyphens: 09-window-scaling
  "Title"           the lesson's title (default: from the slug, "Window scaling")
  --exercise NAME   an exported function learners implement; repeat for several
                    (default: from the slug, windowScaling)
Writes content/NN-slug.md, exercises/NN-slug.ts, solutions/NN-slug.ts,
grader/NN-slug/spec.ts and grader/NN-slug/wrong/. Guide: docs/authoring.md`;

export async function newLessonCommand(argv: string[], io: Io): Promise<number> {
  const args = parseCommand(argv, io, USAGE, { exercise: { type: "string", short: "e", multiple: true } });
  if (typeof args === "number") return args;
  const { values, positionals } = args;
  if (positionals.length < 1 || positionals.length > 2) {
    io.stderr.write(`${positionals.length === 0 ? "Which lesson? Give its slug." : "Too many arguments: put the title in quotes."}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  const [slug, title] = positionals as [string, string | undefined];
  const request: ScaffoldRequest = {
    slug,
    title: title?.trim() || defaultTitle(slug),
    exercises: values.exercise?.length ? values.exercise : [defaultExerciseName(slug)],
  };
  const problem = scaffoldProblem(io.root, request);
  if (problem) {
    io.stderr.write(`${problem}\n`);
    return EXIT.usage;
  }
  const written = writeScaffold(io.root, request);
  io.stdout.write(`${nextSteps(request, written.map((f) => f.path))}\n`);
  return EXIT.ok;
}

function nextSteps({ slug, exercises }: ScaffoldRequest, paths: readonly string[]): string {
  const nn = slug.slice(0, 2);
  const [lesson, stub, solution, spec] = paths as [string, string, string, string];
  const wrongDir = `grader/${slug}/wrong/`;
  const wrongs = paths.filter((p) => p.startsWith(wrongDir)).length;
  const width = Math.max(lesson.length, spec.length, wrongDir.length);
  const line = (path: string, what: string) => `  ${path.padEnd(width)}  ${what}`;
  return [
    `Created lesson ${slug} (exercise${exercises.length === 1 ? "" : "s"}: ${exercises.join(", ")}):`,
    line(lesson, "the lesson text; front matter: title, tasks, hints"),
    line(stub, "the stub learners fill in"),
    line(solution, "the reference solution"),
    line(spec, "the hidden properties"),
    line(wrongDir, `${wrongs} known-wrong implementations (${exercises.map((e) => `${e}.*.ts`).join(", ")})`),
    "",
    `It is a small working example (the number after a sequence number). Every place`,
    `you must write the real thing is marked ${PLACEHOLDER}; the course self-check refuses`,
    `the lesson until none is left.`,
    "",
    "Next:",
    `  1. Write the lesson in ${lesson}: title, each exercise's task and hints, the text.`,
    `  2. Write the reference solution in ${solution},`,
    `     and the same functions in ${stub}, each only \`throw notImplemented("name")\`.`,
    `  3. Write the properties in ${spec}.`,
    `  4. Replace the files in grader/${slug}/wrong/ with real learner mistakes,`,
    `     at least three per exercise, named <exercise>.<mistake>.ts.`,
    `  5. Check the solution passes:   ${npmCommand("grade")} ${nn} --solutions`,
    `     Check the whole lesson:      SELF_CHECK_LESSONS=${slug} npx vitest run test/course`,
    `     Check everything:            npm test`,
    "",
    "The guide, with a worked example: docs/authoring.md",
  ].join("\n");
}
