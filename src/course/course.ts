/**
 * Finds the lessons of a course folder and where each lesson's files live.
 * The layout is documented in docs/lesson-format.md; the engine's own tests use a
 * tiny fixture course laid out the same way.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { LessonFormatError, parseLessonMeta, splitFrontMatter, type LessonMeta } from "./lesson-meta.ts";

/** The workbook's own folder (where package.json is). */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export const SLUG = /^(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface LessonFiles {
  /** content/NN-slug.md */
  readonly lesson: string;
  /** exercises/NN-slug.ts: the learner's code */
  readonly exercise: string;
  /** solutions/NN-slug.ts: the reference */
  readonly solution: string;
  /** grader/NN-slug/spec.ts: the hidden properties */
  readonly spec: string;
  /** grader/NN-slug/wrong/: known-wrong implementations */
  readonly wrongDir: string;
}

export interface Lesson extends LessonMeta {
  readonly slug: string;
  readonly number: number;
  readonly files: LessonFiles;
  /** The Markdown after the front matter. */
  readonly body: string;
}

export interface Course {
  readonly root: string;
  readonly lessons: readonly Lesson[];
  /**
   * A classroom copy without `solutions/` and the lessons' specs (only
   * `grader/kit/`, which holds no answers), exported with --closed-book: its
   * exercises are graded only when they are pushed.
   */
  readonly closedBook?: boolean;
}

export interface CourseOptions {
  /**
   * Where the exercise files are, when not in the course's own `exercises/`:
   * `grade --pristine` grades a learner's exercises with a trusted course.
   */
  readonly exercisesDir?: string;
}

export function lessonFiles(root: string, slug: string, options: CourseOptions = {}): LessonFiles {
  return {
    lesson: join(root, "content", `${slug}.md`),
    exercise: join(options.exercisesDir ?? join(root, "exercises"), `${slug}.ts`),
    solution: join(root, "solutions", `${slug}.ts`),
    spec: join(root, "grader", slug, "spec.ts"),
    wrongDir: join(root, "grader", slug, "wrong"),
  };
}

/**
 * A translation of a lesson's text: `content/NN-slug.<lang>.md` next to `content/NN-slug.md`,
 * e.g. `01-flags.fr.md` or `01-flags.pt-BR.md`. See docs/authoring.md (not loaded by the UI yet).
 */
export const TRANSLATION = /^(\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md$/;

/** The slugs of the lessons of a course folder (its `content/NN-slug.md` files), in order. */
export function lessonSlugs(root: string): string[] {
  return readdirSync(join(root, "content"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => f.slice(0, -3))
    .filter((s) => SLUG.test(s))
    .sort();
}

/** The translations of a lesson: `content/NN-slug.<lang>.md` files, by language. */
export function translationFiles(root: string, slug: string): { lang: string; file: string }[] {
  const contentDir = join(root, "content");
  return readdirSync(contentDir)
    .map((f) => [f, TRANSLATION.exec(f)] as const)
    .filter(([, m]) => m?.[1] === slug)
    .map(([f, m]) => ({ lang: m![2]!, file: join(contentDir, f) }))
    .sort((a, b) => a.lang.localeCompare(b.lang));
}

/** Whether a course folder is a closed-book classroom copy: it has no reference solutions (nor specs) to grade with. */
export function isClosedBook(root: string): boolean {
  return !existsSync(join(root, "solutions"));
}

/** Loads every lesson of the course, in order. Throws LessonFormatError naming the file and field. */
export function loadCourse(root: string = PROJECT_ROOT, options: CourseOptions = {}): Course {
  const closedBook = isClosedBook(root);
  const lessons = lessonSlugs(root).map((slug) => loadLesson(root, slug, { ...options, closedBook }));
  const numbers = new Map<number, string>();
  for (const l of lessons) {
    const other = numbers.get(l.number);
    if (other) throw new LessonFormatError(`content/${l.slug}.md: lesson number ${l.number} is also used by ${other}`);
    numbers.set(l.number, l.slug);
  }
  return { root, lessons, closedBook };
}

export function loadLesson(root: string, slug: string, options: CourseOptions & { closedBook?: boolean } = {}): Lesson {
  const files = lessonFiles(root, slug, options);
  const shown = relative(root, files.lesson);
  const { yaml, body } = splitFrontMatter(shown, readFileSync(files.lesson, "utf8"));
  const meta = parseLessonMeta(shown, yaml);
  // A missing exercise file is the learner's to restore (`npm run reset`), not a broken course:
  // it is reported against its own lesson when graded. A closed-book copy has neither
  // reference nor spec: grading happens in the classroom's workflow.
  const required: [string, string][] = options.closedBook ? [] : [["reference solution", files.solution], ["spec", files.spec]];
  for (const [what, path] of required) {
    if (!existsSync(path)) throw new LessonFormatError(`${shown}: its ${what} ${relative(root, path)} is missing`);
  }
  return { ...meta, slug, number: Number(SLUG.exec(slug)![1]), files, body };
}

export type Selection = { ok: true; lessons: Lesson[] } | { ok: false; message: string };

/**
 * Picks lessons by slug or prefix ("03", "03-hand", "handshake"); no query means all.
 * An unknown or ambiguous query lists the valid slugs.
 */
export function selectLessons(course: Course, queries: readonly string[]): Selection {
  if (queries.length === 0) return { ok: true, lessons: [...course.lessons] };
  const picked: Lesson[] = [];
  for (const q of queries) {
    const exact = course.lessons.find((l) => l.slug === q);
    const matches = exact
      ? [exact]
      : course.lessons.filter((l) => l.slug.startsWith(q) || l.slug.slice(3).startsWith(q));
    const valid = `Lessons: ${course.lessons.map((l) => l.slug).join(", ")}`;
    if (matches.length === 0) {
      const near = nearest(q, course.lessons);
      return { ok: false, message: `There is no lesson "${q}".${near ? ` Did you mean ${near.slug}?` : ""} ${valid}` };
    }
    if (matches.length > 1) {
      return { ok: false, message: `"${q}" matches ${matches.map((l) => l.slug).join(" and ")}; be more precise. ${valid}` };
    }
    if (!picked.includes(matches[0]!)) picked.push(matches[0]!);
  }
  return { ok: true, lessons: picked.sort((a, b) => a.number - b.number) };
}

/** The known-wrong implementations of a lesson: `<exercise>.<mistake>.ts` files. */
export function wrongImplementations(lesson: Lesson): { exercise: string; mistake: string; file: string }[] {
  if (!existsSync(lesson.files.wrongDir)) return [];
  return readdirSync(lesson.files.wrongDir)
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((f) => {
      const [exercise = "", ...rest] = f.slice(0, -3).split(".");
      return { exercise, mistake: rest.join("."), file: join(lesson.files.wrongDir, f) };
    });
}

/** The lesson whose slug, or a word of it, is one or two typing mistakes away from `query` ("hanshake"). */
function nearest(query: string, lessons: readonly Lesson[]): Lesson | undefined {
  const q = query.toLowerCase();
  const allowed = q.length <= 4 ? 1 : 2;
  const scored = lessons
    .map((l) => ({ l, d: Math.min(...[l.slug, l.slug.slice(3), ...l.slug.slice(3).split("-")].map((w) => editDistance(q, w))) }))
    .filter((x) => x.d <= allowed)
    .sort((a, b) => a.d - b.d);
  return scored[0]?.l;
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}
