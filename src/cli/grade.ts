/**
 * `npm run grade -- [lesson...] [--json] [--replay TOKEN] [--seed N] [--solutions]`
 * Grades the learner's exercises (or, with --solutions, the reference solutions)
 * and prints the report or one JSON document. Exit code 0 only when every graded
 * exercise passed. The classroom options (--format, --pristine...) are in
 * src/classroom/grade-options.ts.
 */
import { loadCourse, selectLessons, type Lesson } from "../course/course.ts";
import { gradeLessons, randomSeed } from "../grading/grade-course.ts";
import { allPassed, type CourseResult } from "../grading/results.ts";
import { CLASSROOM_OPTIONS, CLASSROOM_USAGE, closedBookNotice, defaultSeed, exitsZeroWhenGraded, readClassroomOptions } from "../classroom/grade-options.ts";
import { gradeWithPristine, summarizePaths } from "../classroom/pristine.ts";
import { emitReport } from "../report/formats/emit.ts";
import { parseReplay } from "../grading/replay.ts";
import { stopJudge, takePrestarted } from "../grading/child-launcher.mjs";
import { renderReport, type HintView } from "../report/text-report.ts";
import { exerciseKey, ProgressStore } from "../state/progress.ts";
import { colorsFor } from "../ui/colors.ts";
import { EXIT, npmCommand, type Io } from "./io.ts";
import { parseCommand } from "./args.ts";

const USAGE = `Usage: npm run grade -- [lesson ...] [options]
  lesson            a slug or its start: 03, 03-handshake, handshake (default: every lesson)
  --json            print one JSON document (schema 1) for classroom tools
  --replay TOKEN    re-run exactly one failing case, as printed by a failed grade
  --seed N          use this base seed for the random properties
  --solutions       grade the reference solutions instead of your exercises
${CLASSROOM_USAGE}
  --no-color        plain output (also: NO_COLOR=1)`;

export async function gradeCommand(argv: string[], io: Io): Promise<number> {
  const args = parseCommand(argv, io, USAGE, {
    json: { type: "boolean" },
    replay: { type: "string" },
    seed: { type: "string" },
    runs: { type: "string" },
    solutions: { type: "boolean" },
    ...CLASSROOM_OPTIONS,
  });
  if (typeof args === "number") return args;
  const { values, positionals } = args;
  // Judges started by bin/workbook.mjs before this command loaded, if any.
  const prestarted = takePrestarted();
  const fail = (message: string) => {
    for (const judge of prestarted) stopJudge(judge);
    io.stderr.write(`${message}\n`);
    return EXIT.usage;
  };
  const target = values.solutions ? "solutions" : "exercises";
  const classroom = readClassroomOptions(values);
  if (!classroom.ok) return fail(classroom.message);
  const options = classroom.options;
  const { format } = options;
  const seeded = values.seed === undefined ? defaultSeed(options, io.root, randomSeed) : undefined;
  const seed = seeded?.seed ?? wholeNumber(values.seed!, 2 ** 31 - 1);
  if (seed === undefined) return fail(`--seed must be a whole number from 0 to ${2 ** 31 - 1}, not "${values.seed}"`);
  const numRuns = values.runs === undefined ? undefined : wholeNumber(values.runs, 100_000);
  if (numRuns === 0 || (values.runs !== undefined && numRuns === undefined)) return fail(`--runs must be a whole number from 1 to 100000, not "${values.runs}"`);
  if (seeded?.note) io.stderr.write(`${seeded.note}\n`);
  if (options.pristine !== undefined) {
    for (const judge of prestarted) stopJudge(judge);
    const passOn = [...positionals, "--seed", String(seed), ...(values.runs ? ["--runs", values.runs] : []), ...(values.replay ? ["--replay", values.replay] : [])];
    const graded = await gradeWithPristine({ checkout: io.root, pristine: options.pristine, args: passOn });
    if (!graded.ok) return fail(graded.message);
    if (graded.changed.length) io.stderr.write(`Protected files that differ from ${options.pristine} (not used for grading): ${summarizePaths(graded.changed)}\n`);
    return report(graded.result, [], values.replay !== undefined, graded.changed);
  }
  let course;
  try {
    course = loadCourse(io.root, options.exercisesDir ? { exercisesDir: options.exercisesDir } : {});
  } catch (error) {
    return fail((error as Error).message);
  }
  if (course.closedBook) {
    for (const judge of prestarted) stopJudge(judge);
    io.stdout.write(`${closedBookNotice(`${npmCommand("start")}, ${npmCommand("hint")} 01, ${npmCommand("lab")} handshake`)}\n`);
    return EXIT.ok;
  }
  const selection = selectLessons(course, positionals);
  if (!selection.ok) return fail(selection.message);

  const replay = values.replay === undefined ? undefined : parseReplay(values.replay);
  if (values.replay !== undefined) {
    if (!replay) return fail(`"${values.replay}" is not a replay token; copy it from the Replay line of a failed grade.`);
    if (selection.lessons.length !== 1) return fail("--replay needs exactly one lesson, e.g. npm run grade -- 01-flags --replay TOKEN");
  }

  const total = selection.lessons.reduce((n, l) => n + (replay ? 1 : l.exercises.length), 0);
  const live = format === "text" && io.stderr.isTTY === true;
  let graded = 0;
  const result = await gradeLessons(
    selection.lessons,
    target,
    { seed, ...(numRuns ? { numRuns } : {}), ...(replay ? { replay } : {}) },
    {
      prestarted,
      ...(replay ? { only: replay.exercise } : {}),
      onProgress: () => {
        graded++;
        if (live) io.stderr.write(`\rGrading… ${graded}/${total}`);
      },
    },
  );
  if (live) io.stderr.write("\r\x1b[K");

  return report(result, selection.lessons, !!replay);

  /** Writes the result in the format asked for; `changed`: protected files that differ (--pristine). */
  function report(result: CourseResult, lessons: readonly Lesson[], replay: boolean, changed?: readonly string[]): number {
    // Progress belongs to this folder's own exercises, graded here.
    const store = new ProgressStore(io.root);
    const own = target === "exercises" && !replay && !options.exercisesDir && !changed;
    const progress = own ? store.tryRecord(result) : store.load();
    if (format !== "text") {
      const githubOutput = process.env.GITHUB_OUTPUT;
      const where = emitReport(format, result, { stdout: io.stdout, gradeCommand: npmCommand("grade"), ...options, ...(githubOutput ? { githubOutput } : {}), ...(changed ? { changed } : {}) });
      if (where) io.stderr.write(`${where}\n`);
      if (progress.problem) io.stderr.write(`${progress.problem}\n`);
      if (exitsZeroWhenGraded(format)) return EXIT.ok;
    } else {
      const hintFor = (slug: string, exercise: string) => hintView(lessons, slug, exercise, progress.data.hints);
      io.stdout.write(
        `${renderReport(result, { colors: colorsFor(io.stdout), hintFor, gradeCommand: npmCommand("grade"), hintCommand: npmCommand("hint"), width: io.stdout.columns })}\n`,
      );
      io.stdout.write(`${nextStep(result, lessons, replay)}\n`);
      if (progress.problem) io.stderr.write(`${progress.problem}\n`);
    }
    return allPassed(result) ? EXIT.ok : EXIT.failed;
  }
}

/** The hint a report shows with a failure: the learner's latest unlocked one, at least the first. */
export function hintView(lessons: readonly Lesson[], slug: string, exercise: string, unlocked: Record<string, number>): HintView | undefined {
  const hints = lessons.find((l) => l.slug === slug)?.exercises.find((e) => e.name === exercise)?.hints;
  if (!hints?.length) return undefined;
  const number = Math.max(1, Math.min(hints.length, unlocked[exerciseKey(slug, exercise)] ?? 1));
  return { text: hints[number - 1]!, number, total: hints.length };
}

/** The sentence under a report that says what to do next. */
export function nextStep(result: CourseResult, lessons: readonly Lesson[], replay: boolean): string {
  if (replay) return allPassed(result) ? "This case passes now. Grade the whole lesson again to check the rest." : "";
  for (const lesson of result.lessons) {
    const todo = lesson.exercises.find((e) => e.status !== "passed");
    if (todo) {
      const file = `exercises/${lesson.slug}.ts`;
      return `Next: ${todo.name} in ${file}.`;
    }
  }
  return result.target === "solutions" ? "Every reference solution passes." : "Every exercise graded here passes. Well done!";
}

/** The number a command-line value spells, digits only (no "1e3", no "0x10"), from 0 to `max`. */
function wholeNumber(text: string, max: number): number | undefined {
  if (!/^\d{1,16}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}
