/**
 * The one lesson a command works on (`npm run hint -- 03`), found with the
 * engine's own slug and prefix matching, and the course it belongs to. Every
 * such command also refreshes the snapshots of untouched exercise files that
 * reset relies on when there is no git.
 */
import { loadCourse, selectLessons, type Course, type Lesson } from "../course/course.ts";
import { snapshotOriginals } from "../learner/originals.ts";
import { EXIT, type Io } from "./io.ts";

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

/** `command`: how the learner typed it, for the example ("npm run hint --"). */
export function pickOneLesson(io: Io, positionals: readonly string[], command: string): OneLesson {
  const course = loadCourseFor(io);
  if (!course) return { ok: false, exitCode: EXIT.usage };
  const example = course.lessons[0]?.slug.slice(0, 2) ?? "01";
  const lessons = `Lessons: ${course.lessons.map((l) => l.slug).join(", ")}`;
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
