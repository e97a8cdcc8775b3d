/**
 * The one lesson a command works on (`npm run hint -- 03`), found with the
 * engine's own slug and prefix matching, and the course it belongs to. Every
 * such command also refreshes the snapshots of untouched exercise files that
 * reset relies on when there is no git.
 */
import { loadCourse, selectLessons, type Course, type Lesson } from "../course/course.ts";
import { snapshotOriginals } from "../learner/originals.ts";
import { EXIT, type Io } from "./io.ts";
import { courseProgress } from "../learner/lesson-status.ts";
import { ProgressStore } from "../state/progress.ts";

export type OneLesson = { readonly ok: true; readonly course: Course; readonly lesson: Lesson } | { readonly ok: false; readonly exitCode: number };

export function loadCourseFor(io: Io): Course | undefined {
  try {
    const course = loadCourse(io.root);
    snapshotOriginals(course);
    return course;
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n`);
    return undefined;
  }
}

/** The lesson the learner is on: the first that does not pass yet (by their last grades), else the last. */
export function currentLesson(course: Course): Lesson | undefined {
  let data;
  try {
    data = new ProgressStore(course.root).load().data;
  } catch {
    return course.lessons[0];
  }
  return courseProgress(course, data).next?.lesson ?? course.lessons.at(-1);
}

/**
 * `command`: how the learner typed it, for the example ("npm run hint --").
 * `orCurrent`: with no lesson named, use the one the learner is on (and say so).
 */
export function pickOneLesson(io: Io, positionals: readonly string[], command: string, orCurrent = false): OneLesson {
  const course = loadCourseFor(io);
  if (!course) return { ok: false, exitCode: EXIT.usage };
  const example = course.lessons[0]?.slug.slice(0, 2) ?? "01";
  const lessons = `Lessons: ${course.lessons.map((l) => l.slug).join(", ")}`;
  const current = orCurrent && positionals.length === 0 ? currentLesson(course) : undefined;
  if (current) {
    io.stderr.write(`Lesson ${current.slug}, the one you are on (another: ${command} NN).\n`);
    return { ok: true, course, lesson: current };
  }
  if (positionals.length !== 1) {
    const why = positionals.length === 0 ? "Which lesson?" : "One lesson at a time, please.";
    io.stderr.write(`${why} For example: ${command} ${example}\n${lessons}\n`);
    return { ok: false, exitCode: EXIT.usage };
  }
  const selection = selectLessons(course, positionals);
  if (!selection.ok) {
    io.stderr.write(`${selection.message}\n`);
    return { ok: false, exitCode: EXIT.usage };
  }
  return { ok: true, course, lesson: selection.lessons[0]! };
}
