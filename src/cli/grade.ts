/**
 * `npm run grade -- [lesson...] [--json] [--replay TOKEN] [--seed N] [--solutions]`
 * Grades the learner's exercises (or, with --solutions, the reference solutions)
 * and prints the report or one JSON document. Exit code 0 only when every graded
 * exercise passed. The classroom options (--format, --pristine...) are in
 * src/classroom/grade-options.ts.
 */
import { existsSync, readFileSync } from "node:fs";
import { loadCourse, selectLessons, type Course, type Lesson } from "../course/course.ts";
import { gradeLessons, randomSeed } from "../grading/grade-course.ts";
import { allPassed, type CourseResult } from "../grading/results.ts";
import { CLASSROOM_OPTIONS, CLASSROOM_USAGE, closedBookNotice, defaultSeed, exitsZeroWhenGraded, readClassroomOptions } from "../classroom/grade-options.ts";
import { gradeWithPristine, summarizePaths } from "../classroom/pristine.ts";
import { emitReport } from "../report/formats/emit.ts";
import { parseReplay } from "../grading/replay.ts";
import { stopJudge, takePrestarted } from "../grading/child-launcher.mjs";
import { leftOut, noteLines, renderReport, screenRows, SHORTER_DETAILS, type DetailPart, type ReportContext } from "../report/text-report.ts";
import { typeNotes } from "../report/type-notes.ts";
import { hintForFailure, rememberReportHints } from "../learner/hints.ts";
import { isStub } from "../learner/originals.ts";
import { ProgressStore, type ProgressData } from "../state/progress.ts";
import { colorsFor, type Colors } from "../ui/colors.ts";
import { wrapAnsi } from "../ui/text.ts";
import { EXIT, npmCommand, type Io } from "./io.ts";
import { parseCommand } from "./args.ts";

const USAGE = `Usage: npm run grade -- [lesson ...] [options]
  lesson            a slug or its start: 03, 03-handshake, handshake (default: every lesson)
  --json            print one JSON document (schema 1) for classroom tools
  --replay TOKEN    re-run exactly one failing case, as printed by a failed grade
  --seed N          use this base seed for the random properties
  --solutions       grade the reference solutions instead of your exercises
  --full            every failure in full (on a terminal only the first is, the others one line each)
${CLASSROOM_USAGE}
  --no-color        plain output (also: NO_COLOR=1)
Without a lesson, every lesson is graded (lessons not started share one line).`;

export async function gradeCommand(argv: string[], io: Io): Promise<number> {
  const args = parseCommand(argv, io, USAGE, {
    json: { type: "boolean" },
    replay: { type: "string" },
    seed: { type: "string" },
    runs: { type: "string" },
    solutions: { type: "boolean" },
    full: { type: "boolean" },
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
  // Set once the course is loaded (report() below reads it; --pristine grades without it).
  let course: Course | undefined;
  if (options.pristine !== undefined) {
    for (const judge of prestarted) stopJudge(judge);
    const passOn = [...positionals, "--seed", String(seed), ...(values.runs ? ["--runs", values.runs] : []), ...(values.replay ? ["--replay", values.replay] : [])];
    const graded = await gradeWithPristine({ checkout: io.root, pristine: options.pristine, args: passOn });
    if (!graded.ok) return fail(graded.message);
    if (graded.changed.length) io.stderr.write(`Protected files that differ from ${options.pristine} (not used for grading): ${summarizePaths(graded.changed)}\n`);
    return report(graded.result, [], values.replay !== undefined, graded.changed);
  }
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
  const grading = gradeLessons(
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
  // The type check reads the learner's source (it runs none of it) in a worker thread,
  // alongside the grading; the report does not wait for it (src/report/type-notes.ts).
  const notesFor = format !== "text" || target !== "exercises" || replay ? undefined : typeNotesFor(selection.lessons, io.root);
  const result = await grading;
  if (live) io.stderr.write("\r\x1b[K");

  return report(result, selection.lessons, !!replay);

  /** Writes the result in the format asked for; `changed`: protected files that differ (--pristine). */
  async function report(result: CourseResult, lessons: readonly Lesson[], replay: boolean, changed?: readonly string[]): Promise<number> {
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
      const c = colorsFor(io.stdout);
      // On a terminal the first failure is shown in full and the others one line each, so the
      // one to fix first stays on screen; a pipe, a log or --full gets every detail.
      const compact = io.stdout.isTTY === true && !values.full;
      const width = io.stdout.columns ?? 80;
      const next = nextStep(result, lessons, replay, course ? { course, colors: c, width } : undefined);
      const draw = (omit: ReadonlySet<DetailPart>) => {
        const text = renderReport(result, {
          colors: c,
          hintFor: hintView(lessons, progress.data),
          gradeCommand: npmCommand("grade"),
          hintCommand: npmCommand("hint"),
          width,
          expand: compact ? "first" : "all",
          expandKey: "details: --full",
          omit,
        });
        const left = leftOut(omit);
        return [text, ...(left ? wrapAnsi(c.dim(`(left out to fit the screen: ${left}; add --full for all of it)`), width) : []), next].join("\n");
      };
      // On a terminal, the report fits the screen, so the failure to fix and "Next:" stay in view.
      // Room is kept for the shell's prompt, the lines npm prints before the command, and a type-check note.
      const rows = compact && io.stdout.rows ? io.stdout.rows - (process.env.npm_lifecycle_event ? 5 : 1) - (notesFor ? 2 : 0) : undefined;
      let text = "";
      for (const omit of compact && rows ? SHORTER_DETAILS : [[]]) {
        text = draw(new Set(omit));
        if (!rows || screenRows(text, width) <= rows) break;
      }
      io.stdout.write(`${text}\n`);
      if (progress.problem) io.stderr.write(`${progress.problem}\n`);
      if (own) rememberReportHints(store, lessons, result, progress.data);
      const notes = [...((await notesFor)?.values() ?? [])].flat();
      if (notes.length > 0) io.stdout.write(`${noteLines(notes, c, width).join("\n")}\n`);
    }
    return allPassed(result) ? EXIT.ok : EXIT.failed;
  }
}

/** The hint a report shows with a failure (src/learner/hints.ts chooses it). */
export function hintView(lessons: readonly Lesson[], data: ProgressData): ReportContext["hintFor"] {
  return (slug, exercise, failure) => {
    const lesson = lessons.find((l) => l.slug === slug);
    return lesson ? hintForFailure(lesson, exercise, failure, data) : undefined;
  };
}

/** Type-check notes for each lesson's exercise file, by slug (untouched stubs are skipped). */
export async function typeNotesFor(lessons: readonly Lesson[], root: string): Promise<Map<string, string[]>> {
  const checked = lessons.map(async (lesson) => {
    const file = lesson.files.exercise;
    const stub = !existsSync(file) || isStub(readFileSync(file, "utf8"), lesson.exercises.map((e) => e.name));
    return [lesson.slug, await typeNotes(file, root, stub)] as const;
  });
  return new Map(await Promise.all(checked));
}

/** What to do next, under a report: the exercise to fix, or, once a lesson passes, the next lesson. */
export function nextStep(result: CourseResult, lessons: readonly Lesson[], replay: boolean, forward?: { readonly course: Course; readonly colors: Colors; readonly watching?: boolean; readonly width?: number }): string {
  if (replay) return allPassed(result) ? "This case passes now. Grade the whole lesson again to check the rest." : "";
  const needsWork = (s: string) => s !== "passed" && s !== "not-started";
  // The exercise the report shows in full comes first, then the first not started.
  const todo =
    result.lessons.flatMap((l) => l.exercises.filter((e) => needsWork(e.status)).map((e) => ({ l, e })))[0] ??
    result.lessons.flatMap((l) => l.exercises.filter((e) => e.status !== "passed").map((e) => ({ l, e })))[0];
  if (todo) {
    return `Next: ${todo.e.name} in exercises/${todo.l.slug}.ts.`;
  }
  if (result.target === "solutions") return "Every reference solution passes.";
  const last = lessons.at(-1);
  const following = forward && last ? forward.course.lessons[forward.course.lessons.indexOf(forward.course.lessons.find((l) => l.slug === last.slug)!) + 1] : undefined;
  if (!forward || lessons.length !== 1) return "Every exercise graded here passes. Well done!";
  const c = forward.colors;
  if (!following) return `${c.green(`Lesson ${last!.slug} passes.`)} That was the last lesson: the whole course is yours.`;
  const how = forward.watching ? `press ${c.bold("n")} to watch it, or read it first: ${npmCommand("start")}` : `${c.cyan(`${npmCommand("watch")} ${following.slug}`)} (read it first: ${npmCommand("start")})`;
  return [...wrapAnsi(`${c.green(`Lesson ${last!.slug} passes.`)} Next: ${following.slug}, ${following.title}.`, forward.width ?? 80), `  ${how}`].join("\n");
}

/** The number a command-line value spells, digits only (no "1e3", no "0x10"), from 0 to `max`. */
function wholeNumber(text: string, max: number): number | undefined {
  if (!/^\d{1,16}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}
