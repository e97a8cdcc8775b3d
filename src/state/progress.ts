/**
 * The learner's progress: one small versioned file in the project folder, so it
 * travels with the folder. This module is its only reader and writer. Writes are
 * atomic (temporary file, then rename). A file that is corrupt or was edited by
 * hand (its checksum no longer matches) is set aside, reported, and rebuilt.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CourseResult, Status } from "../grading/results.ts";
import { STATUSES } from "../grading/results.ts";

export const PROGRESS_FILE = "progress.json";
export const PROGRESS_SCHEMA = 1;

export interface ProgressData {
  /** Last graded status per exercise, keyed "NN-slug/exerciseName". */
  readonly exercises: Readonly<Record<string, ExerciseProgress>>;
  /** How many hints of each exercise the learner had unlocked, in order (files written before seenHints existed). */
  readonly hints: Readonly<Record<string, number>>;
  /** The hints (1-based numbers) of each exercise the learner has been shown, so they can be read again. Optional: older files stay valid. */
  readonly seenHints?: Readonly<Record<string, readonly number[]>>;
  /**
   * Lessons whose reference solution the learner chose to see before passing
   * ("I give up"), keyed "NN-slug", with when. Optional: files written before it
   * existed stay valid.
   */
  readonly gaveUp?: Readonly<Record<string, string>>;
}

export interface ExerciseProgress {
  readonly status: Status;
  readonly at: string;
  /** For a failure: which property failed on which input, so `npm run hint` can pick the hint for it. */
  readonly failure?: { readonly property: string; readonly input: string };
}

interface ProgressFile {
  readonly schema: number;
  readonly note: string;
  readonly checksum: string;
  readonly data: ProgressData;
}

export interface LoadedProgress {
  readonly data: ProgressData;
  /** Set when the file had to be set aside: says what happened, for the learner. */
  readonly problem?: string;
}

const EMPTY: ProgressData = { exercises: {}, hints: {} };

/** Larger files are set aside unread: the workbook's own are a few kilobytes. */
const MAX_BYTES = 1 << 20;
/** More entries than any course has: a file with more was not written by the workbook. */
const MAX_ENTRIES = 10_000;

export function exerciseKey(lesson: string, exercise: string): string {
  return `${lesson}/${exercise}`;
}

export class ProgressStore {
  readonly file: string;

  constructor(root: string) {
    this.file = join(root, PROGRESS_FILE);
  }

  load(): LoadedProgress {
    if (!existsSync(this.file)) return { data: EMPTY };
    let problem: string | undefined;
    try {
      const size = statSync(this.file).size;
      // The workbook writes a few kilobytes: anything far larger was not written by it, and is not read.
      if (size > MAX_BYTES) throw new Error(`it is ${size} bytes, far more than the workbook ever writes`);
      const parsed = JSON.parse(readFileSync(this.file, "utf8")) as ProgressFile;
      if (parsed?.schema !== PROGRESS_SCHEMA) problem = `it has schema ${String(parsed?.schema)}, this workbook reads ${PROGRESS_SCHEMA}`;
      else if (!isProgressData(parsed.data)) problem = "its contents are not in the expected shape";
      else if (parsed.checksum !== checksum(parsed.data)) problem = "it was changed by hand (its checksum does not match)";
      else return { data: parsed.data };
    } catch (error) {
      const text = (error as Error).message;
      problem = error instanceof SyntaxError ? `it is not valid JSON (${text.slice(0, 200)})` : text.slice(0, 200);
    }
    const aside = `${this.file}.broken-${Date.now()}`;
    try {
      renameSync(this.file, aside);
    } catch {
      return { data: EMPTY, problem: `${PROGRESS_FILE} could not be used: ${problem}. It could not be set aside either (the folder cannot be written), so progress starts empty this time.` };
    }
    return {
      data: EMPTY,
      problem: `${PROGRESS_FILE} could not be used: ${problem}. It was kept as ${aside.split("/").pop()} and progress is rebuilt from your next grade.`,
    };
  }

  save(data: ProgressData): void {
    const content: ProgressFile = {
      schema: PROGRESS_SCHEMA,
      note: "Written by the workbook; do not edit (a changed file is set aside and rebuilt).",
      checksum: checksum(data),
      data,
    };
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(content, null, 2) + "\n");
    renameSync(temporary, this.file);
  }

  /**
   * Records a grading run, or, when the file cannot be written (a read-only
   * folder, a full disk), says so in `problem`: the grade itself still stands.
   */
  tryRecord(result: CourseResult): LoadedProgress {
    try {
      return this.record(result);
    } catch (error) {
      const loaded = this.load();
      const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      const problem = `Your progress was not saved: ${PROGRESS_FILE} could not be written (${why}${(error as NodeJS.ErrnoException).code ? `: ${describeCode(why)}` : ""}). The results above are still right.`;
      return { ...loaded, problem: loaded.problem ? `${loaded.problem}\n${problem}` : problem };
    }
  }

  /** Records the statuses of a grading run of the learner's exercises. */
  record(result: CourseResult): LoadedProgress {
    const loaded = this.load();
    const at = new Date().toISOString();
    const exercises = { ...loaded.data.exercises };
    for (const lesson of result.lessons) {
      for (const e of lesson.exercises) {
        const failure = e.failure ? { failure: { property: e.failure.property, input: e.failure.input } } : {};
        exercises[exerciseKey(lesson.slug, e.name)] = { status: e.status, at, ...failure };
      }
    }
    const data = { ...loaded.data, exercises };
    this.save(data);
    return { ...loaded, data };
  }

  /** Remembers that the learner was shown these hints (1-based numbers) of an exercise. */
  markHintsSeen(key: string, numbers: readonly number[]): ProgressData {
    const { data } = this.load();
    const before = data.seenHints?.[key] ?? [];
    const after = [...new Set([...before, ...numbers])].sort((a, b) => a - b);
    if (after.length === before.length) return data;
    const next = { ...data, seenHints: { ...data.seenHints, [key]: after } };
    this.save(next);
    return next;
  }

  /** Records that the learner gave up on a lesson and asked for its reference solution. */
  giveUp(lesson: string): ProgressData {
    const { data } = this.load();
    const next = { ...data, gaveUp: { ...data.gaveUp, [lesson]: new Date().toISOString() } };
    this.save(next);
    return next;
  }

  /** Forgets a lesson's grades (after its exercise file is reset); hints and give-ups stay. */
  forgetLesson(lesson: string): ProgressData {
    const { data } = this.load();
    const exercises = Object.fromEntries(Object.entries(data.exercises).filter(([key]) => !key.startsWith(`${lesson}/`)));
    const next = { ...data, exercises };
    this.save(next);
    return next;
  }
}

function checksum(data: ProgressData): string {
  return createHash("sha256").update(canonical(data)).digest("hex").slice(0, 16);
}

/** JSON with sorted keys, so the checksum does not depend on key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function isProgressData(v: unknown): v is ProgressData {
  if (!v || typeof v !== "object") return false;
  const { exercises, hints, gaveUp, seenHints } = v as Record<string, unknown>;
  if (!isRecord(exercises) || !isRecord(hints)) return false;
  if ([exercises, hints, gaveUp ?? {}, seenHints ?? {}].some((o) => !isRecord(o) || Object.keys(o).length > MAX_ENTRIES)) return false;
  if (gaveUp !== undefined && !Object.values(gaveUp as object).every((t) => typeof t === "string")) return false;
  const text = (t: unknown) => typeof t === "string" && t.length <= 10_000;
  // Exactly the fields the workbook writes: the checksum then covers a small, flat value.
  const failureOk = (f: unknown) => f === undefined || (isRecord(f) && Object.keys(f).every((k) => k === "property" || k === "input") && text(f.property) && text(f.input));
  const statusOk = Object.values(exercises).every(
    (e) =>
      isRecord(e) &&
      Object.keys(e).every((k) => k === "status" || k === "at" || k === "failure") &&
      (STATUSES as readonly string[]).includes(e.status as string) &&
      text(e.at) &&
      failureOk(e.failure),
  );
  const count = (n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 1000;
  const hintsOk = Object.values(hints).every(count);
  const seenOk = seenHints === undefined || Object.values(seenHints as object).every((l) => Array.isArray(l) && l.length <= 1000 && l.every(count));
  return statusOk && hintsOk && seenOk;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A file-system error code in words. */
function describeCode(code: string): string {
  return (
    {
      EACCES: "no permission to write in this folder",
      EPERM: "no permission to write in this folder",
      EROFS: "the folder is on a read-only file system",
      ENOSPC: "the disk is full",
      EDQUOT: "the disk quota is used up",
      EISDIR: "a folder has that name",
    }[code] ?? "the file system refused"
  );
}
