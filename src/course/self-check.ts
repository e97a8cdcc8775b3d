/**
 * The course self-check: everything a course must be before learners see it.
 *
 * `checkCourse(root)` checks any course folder (the workbook, a fixture course,
 * a temporary copy) and returns one finding per claim, each naming the lesson
 * and, where there is one, the exercise:
 *
 * - the lesson's front matter is valid and its four files exist;
 * - no `TODO(scaffold)` placeholder is left in any file of the lesson;
 * - the stub and the solution export exactly the exercises of the front matter,
 *   the spec has at least one property for each and nothing else, every
 *   known-wrong file is for a real exercise and exports it, at least three per exercise;
 * - every link and image of the lesson (and of its translations) points to a file that exists;
 * - the reference solution passes (a fixed and a random seed), the untouched stub
 *   is "not started", every known-wrong implementation is rejected, every accepted
 *   reading (grader/NN-slug/readings/) passes, and so does every later lesson's
 *   reference built on it (src/course/readings.ts): all graded in one supervised run;
 * - course-wide: no lesson file is orphaned or misnamed, no lesson number is used twice.
 *
 * `npm test` runs it on the workbook (test/course/), and so can an instructor on a new lesson.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Lexer, marked, type Token } from "marked";
import { gradeTargets, type SupervisorOptions } from "../grading/supervisor.ts";
import type { Target } from "../grading/protocol.ts";
import type { ExerciseResult } from "../grading/results.ts";
import { lessonTarget, randomSeed as freshSeed } from "../grading/grade-course.ts";
import { lessonSlugs, loadLesson, SLUG, TRANSLATION, translationFiles, wrongImplementations, type Course, type Lesson } from "./course.ts";
import type { InspectRequest, ModuleExports } from "./inspect-modules.ts";
import { splitFrontMatter } from "./lesson-meta.ts";
import { acceptedReadings, buildOnReading, buildsOn } from "./readings.ts";
import { PLACEHOLDER } from "./scaffold.ts";
import { SCENARIO_NAMES } from "../lab/scenarios/index.ts";
import { spawnCompiled } from "../grading/compile.mjs";
import { pristineStub } from "../learner/originals.ts";

export const FIXED_SEED = 20261126;

/** The marker `npm run new-lesson` writes wherever there is something to fill in (src/course/scaffold.ts). */
export { PLACEHOLDER };

/** Known-wrong implementations each exercise needs at least. */
export const MIN_WRONGS = 3;

/** Findings about the course as a whole (files of no lesson, misnamed files) use this in place of a slug. */
export const COURSE = "(course)";

export interface Expectation {
  readonly lesson: string;
  readonly exercise: string;
  /** What is being checked, in words: "the reference solution passes (seed 20261126)". */
  readonly claim: string;
  readonly target: Target;
  readonly seed: number;
  readonly holds: (result: ExerciseResult) => boolean;
  /** Why the claim does not hold, given a result for which `holds` is false. */
  readonly explain: (result: ExerciseResult) => string;
}

/** Everything the self-check will claim about the behaviour of a course's code, before anything runs. */
export function expectations(course: Course, randomSeed: number): Expectation[] {
  const out: Expectation[] = [];
  for (const lesson of course.lessons) {
    for (const seed of [FIXED_SEED, randomSeed]) {
      const target = { ...lessonTarget(lesson, "solutions"), id: `${lesson.slug}/solution@${seed}` };
      for (const e of lesson.exercises) {
        out.push({
          lesson: lesson.slug,
          exercise: e.name,
          claim: `the reference solution passes (seed ${seed})`,
          target,
          seed,
          holds: (r) => r.status === "passed",
          explain: (r) => `the reference solution ${rel(course.root, lesson.files.solution)} does not pass its spec (seed ${seed}): ${describeResult(r)}`,
        });
      }
    }
    const stub = { ...lessonTarget(lesson, "exercises"), id: `${lesson.slug}/stub` };
    for (const e of lesson.exercises) {
      out.push({
        lesson: lesson.slug,
        exercise: e.name,
        claim: "the untouched stub is reported as not started",
        target: stub,
        seed: FIXED_SEED,
        holds: (r) => r.status === "not-started",
        explain: (r) =>
          r.status === "passed"
            ? `the stub in ${rel(course.root, lesson.files.exercise)} already passes its spec, so a learner would pass without writing anything. The stub must \`throw notImplemented("${e.name}")\`.`
            : `the stub in ${rel(course.root, lesson.files.exercise)} must only \`throw notImplemented("${e.name}")\`, but it was reported ${r.status}: ${describeResult(r)}`,
      });
    }
    out.push(...readingExpectations(course, lesson, randomSeed));
    // A file named for no exercise is reported by the file checks; grading it would prove nothing.
    for (const wrong of wrongImplementations(lesson).filter((w) => lesson.exercises.some((e) => e.name === w.exercise))) {
      const target: Target = { ...lessonTarget(lesson, "solutions", [wrong.exercise]), id: `${lesson.slug}/wrong/${wrong.exercise}.${wrong.mistake}`, learnerFile: wrong.file };
      out.push({
        lesson: lesson.slug,
        exercise: wrong.exercise,
        claim: `the known-wrong "${wrong.mistake}" is rejected`,
        target,
        seed: randomSeed,
        holds: (r) => r.status === "failed",
        explain: (r) =>
          r.status === "passed"
            ? `the known-wrong ${rel(course.root, wrong.file)} passes the spec (seed ${randomSeed}): no property catches this mistake. Add one that does.`
            : `the known-wrong ${rel(course.root, wrong.file)} must fail the spec on a property, but it was reported ${r.status}: ${describeResult(r)}`,
      });
    }
  }
  return out;
}

/**
 * The claims that prove lessons building on each other grade consistently: each
 * accepted reading of `lesson` passes it, and every later lesson's reference built
 * on that reading passes too (on the fixed and the random seed).
 */
function readingExpectations(course: Course, lesson: Lesson, randomSeed: number): Expectation[] {
  const out: Expectation[] = [];
  const later = course.lessons.filter((l) => l.number > lesson.number && buildsOn(l, lesson));
  for (const reading of acceptedReadings(lesson)) {
    const file = rel(course.root, reading.file);
    const built = buildOnReading(reading, later);
    for (const seed of [FIXED_SEED, randomSeed]) {
      const own: Target = { ...lessonTarget(lesson, "solutions"), id: `${lesson.slug}/reading/${reading.name}@${seed}`, learnerFile: reading.file };
      for (const e of lesson.exercises) {
        out.push({
          lesson: lesson.slug,
          exercise: e.name,
          claim: `the accepted reading "${reading.name}" passes (seed ${seed})`,
          target: own,
          seed,
          holds: (r) => r.status === "passed",
          explain: (r) => `the accepted reading ${file} does not pass its own lesson (seed ${seed}): ${describeResult(r)}. Either the reading is wrong, or the spec refuses an answer the stub allows.`,
        });
      }
      for (const next of later) {
        const target: Target = { ...lessonTarget(next, "solutions"), id: `${next.slug}/on-reading/${lesson.slug}.${reading.name}@${seed}`, learnerFile: built.get(next.slug)! };
        for (const e of next.exercises) {
          out.push({
            lesson: next.slug,
            exercise: e.name,
            claim: `the reference passes when built on ${lesson.slug}'s accepted reading "${reading.name}" (seed ${seed})`,
            target,
            seed,
            holds: (r) => r.status === "passed",
            explain: (r) =>
              `${rel(course.root, next.files.solution)} built on ${file} (which passes ${lesson.slug}) fails ${next.slug} (seed ${seed}): ${describeResult(r)}. ${next.slug} depends on a case ${lesson.slug} does not grade or leaves open: grade it in ${lesson.slug}, or keep ${next.slug} from producing it.`,
          });
        }
      }
    }
  }
  return out;
}

/** Runs every expectation's target once (grouped by seed) and pairs each claim with its result. */
export async function runSelfCheck(claims: readonly Expectation[], supervisor: SupervisorOptions = {}): Promise<Map<Expectation, ExerciseResult>> {
  const out = new Map<Expectation, ExerciseResult>();
  const seeds = [...new Set(claims.map((c) => c.seed))];
  for (const seed of seeds) {
    const mine = claims.filter((c) => c.seed === seed);
    const targets = [...new Map(mine.map((c) => [c.target.id, c.target])).values()];
    const results = await gradeTargets(targets, { seed }, supervisor);
    for (const claim of mine) {
      const result = results.get(claim.target.id)!.find((r) => r.name === claim.exercise);
      if (result) out.set(claim, result);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// The whole self-check on one course folder

export interface Finding {
  /** The lesson's slug, or COURSE for the course as a whole. */
  readonly lesson: string;
  /** The exercise the claim is about, when it is about one. */
  readonly exercise?: string;
  /** The claim in words: "no TODO(scaffold) placeholder is left". */
  readonly claim: string;
  readonly ok: boolean;
  /** Which kind of check: placeholders are what a fresh scaffold still lacks. */
  readonly kind: "format" | "placeholders" | "files" | "links" | "behaviour";
  /** When not ok: what is wrong, naming the lesson, the exercise and the file. */
  readonly problem?: string;
}

export interface SelfCheckOptions {
  /**
   * Check only these lessons (a slug or its start, e.g. "09" or "09-window"); default all.
   * Course-wide checks then look only at files of these lessons.
   */
  readonly lessons?: readonly string[];
  /** The seed for the random run (default: a fresh one). The fixed run always uses FIXED_SEED. */
  readonly randomSeed?: number;
}

export interface SelfCheckReport {
  readonly root: string;
  /** The lessons checked, in order (slugs). */
  readonly lessons: readonly string[];
  /** Every claim, held or not, lesson by lesson; COURSE findings first. */
  readonly findings: readonly Finding[];
  readonly problems: readonly Finding[];
  readonly randomSeed: number;
  readonly durationMs: number;
}

/** Runs the whole self-check on the course in `root`. Never throws for a problem of the course: it reports it. */
export async function checkCourse(root: string, options: SelfCheckOptions = {}): Promise<SelfCheckReport> {
  const started = Date.now();
  const randomSeed = options.randomSeed ?? freshSeed();
  const findings: Finding[] = [];
  const add = (f: Finding) => findings.push(f);

  const all = lessonSlugs(root);
  const wanted = (slug: string) => !options.lessons || options.lessons.some((q) => slug === q || slug.startsWith(q));
  const slugs = all.filter(wanted);
  for (const q of options.lessons ?? []) {
    if (!all.some((s) => s === q || s.startsWith(q))) {
      add(fail(COURSE, undefined, "format", `the lesson "${q}" exists`, `there is no lesson "${q}" in ${root} (lessons: ${all.join(", ") || "none"})`));
    }
  }
  for (const f of courseFindings(root, all, wanted, !!options.lessons)) add(f);

  const lessons: Lesson[] = [];
  const stubs: ReturnType<typeof pristineStub>[] = [];
  for (const slug of slugs) {
    try {
      // The stub as shipped, not the learner's work in progress: the course is checked, not the learner.
      const lesson = loadLesson(root, slug);
      const stub = pristineStub(root, lesson);
      stubs.push(stub);
      lessons.push({ ...lesson, files: { ...lesson.files, exercise: stub.file } });
      add(pass(slug, undefined, "format", "its front matter is valid and its four files exist"));
    } catch (error) {
      add(fail(slug, undefined, "format", "its front matter is valid and its four files exist", `${slug}: ${(error as Error).message}`));
    }
  }

  const inspection = inspectModules(lessons.flatMap(modulesOf));
  for (const lesson of lessons) {
    add(placeholderFinding(root, lesson));
    add(linkFinding(root, lesson));
    add(labFinding(lesson));
  }
  const claims = expectations({ root, lessons }, randomSeed);
  const [results, inspected] = await Promise.all([runSelfCheck(claims), inspection]).finally(() => stubs.forEach((s) => s.dispose()));
  for (const lesson of lessons) for (const f of [...fileFindings(root, lesson, inspected), hintFinding(lesson, inspected)]) add(f);
  for (const claim of claims) {
    const result = results.get(claim);
    const ok = !!result && claim.holds(result);
    const exercise = claim.exercise;
    add({
      lesson: claim.lesson,
      exercise,
      claim: claim.claim,
      kind: "behaviour",
      ok,
      ...(ok ? {} : { problem: `${claim.lesson} ${exercise}: ${result ? claim.explain(result) : "the grader produced no result"}` }),
    });
  }

  const order = [COURSE, ...slugs];
  const sorted = order.flatMap((slug) => findings.filter((f) => f.lesson === slug));
  return { root, lessons: slugs, findings: sorted, problems: sorted.filter((f) => !f.ok), randomSeed, durationMs: Date.now() - started };
}

// ---------------------------------------------------------------------------
// Course-wide: files that belong to no lesson, misnamed lessons, numbers used twice

function courseFindings(root: string, slugs: readonly string[], wanted: (slug: string) => boolean, restricted: boolean): Finding[] {
  const out: Finding[] = [];
  const known = new Set(slugs);
  const orphans: string[] = [];
  const misnamed: string[] = [];
  const dirs: [string, (name: string) => string | undefined][] = [
    ["exercises", (f) => (f.endsWith(".ts") ? f.slice(0, -3) : undefined)],
    ["solutions", (f) => (f.endsWith(".ts") ? f.slice(0, -3) : undefined)],
    ["grader", (f) => (isDir(join(root, "grader", f)) ? f : undefined)],
  ];
  for (const [dir, slugOf] of dirs) {
    if (!existsSync(join(root, dir))) continue;
    for (const name of readdirSync(join(root, dir)).sort()) {
      const slug = slugOf(name);
      if (slug === undefined || !/^\d/.test(slug)) continue; // grader/kit and the like
      if (!SLUG.test(slug)) misnamed.push(`${dir}/${name}`);
      else if (!known.has(slug) && wanted(slug)) orphans.push(`${dir}/${name} (no content/${slug}.md)`);
    }
  }
  for (const name of readdirSync(join(root, "content")).sort()) {
    if (!name.endsWith(".md") || !/^\d/.test(name)) continue;
    const translation = TRANSLATION.exec(name);
    if (translation) {
      if (!known.has(translation[1]!) && wanted(translation[1]!)) orphans.push(`content/${name} (a translation of content/${translation[1]}.md, which does not exist)`);
    } else if (!SLUG.test(name.slice(0, -3))) misnamed.push(`content/${name}`);
  }
  out.push(
    orphans.length === 0
      ? pass(COURSE, undefined, "files", "every lesson file belongs to a lesson")
      : fail(COURSE, undefined, "files", "every lesson file belongs to a lesson", `these files belong to no lesson, so nothing grades or shows them: ${orphans.join("; ")}`),
  );
  // A misnamed file belongs to no lesson, so only a check of the whole course reports it.
  if (!restricted) {
    out.push(
      misnamed.length === 0
        ? pass(COURSE, undefined, "files", "every lesson file is named NN-slug")
        : fail(COURSE, undefined, "files", "every lesson file is named NN-slug", `not named NN-slug (two digits, then lowercase words joined by hyphens), so they are ignored: ${misnamed.join(", ")}`),
    );
  }
  const byNumber = new Map<string, string[]>();
  for (const slug of slugs) byNumber.set(slug.slice(0, 2), [...(byNumber.get(slug.slice(0, 2)) ?? []), slug]);
  const twice = [...byNumber.values()].filter((s) => s.length > 1 && s.some(wanted));
  out.push(
    twice.length === 0
      ? pass(COURSE, undefined, "files", "no lesson number is used twice")
      : fail(COURSE, undefined, "files", "no lesson number is used twice", twice.map((s) => `lesson number ${s[0]!.slice(0, 2)} is used by ${s.join(" and ")}`).join("; ")),
  );
  return out;
}

// ---------------------------------------------------------------------------
// Placeholders

/** Every file of a lesson, in all four trees (and its translations). */
function filesOf(root: string, lesson: Lesson): string[] {
  const { lesson: md, exercise, solution } = lesson.files;
  const graderDir = dirname(lesson.files.spec);
  return [md, ...translationFiles(root, lesson.slug).map((t) => t.file), exercise, solution, ...walk(graderDir)].filter((f) => existsSync(f));
}

function placeholderFinding(root: string, lesson: Lesson): Finding {
  const claim = `no ${PLACEHOLDER} placeholder is left`;
  const found: string[] = [];
  const exercises = new Set<string>();
  for (const file of filesOf(root, lesson)) {
    const lines = readFileSync(file, "utf8").split("\n");
    lines.forEach((line, i) => {
      if (!line.includes(PLACEHOLDER)) return;
      const exercise = exerciseAt(lesson, file, lines, i);
      if (exercise) exercises.add(exercise);
      const text = line.trim().length > 100 ? `${line.trim().slice(0, 97)}...` : line.trim();
      found.push(`  ${rel(root, file)}:${i + 1}${exercise ? ` (${exercise})` : ""}: ${text}`);
    });
  }
  if (found.length === 0) return pass(lesson.slug, undefined, "placeholders", claim);
  const names = exercises.size > 0 ? ` (exercises: ${[...exercises].join(", ")})` : "";
  return fail(
    lesson.slug,
    undefined,
    "placeholders",
    claim,
    `${lesson.slug}: the lesson is not finished${names}: ${found.length} ${PLACEHOLDER} placeholder${found.length === 1 ? "" : "s"} left. Fill each in and delete the marker (docs/authoring.md):\n${found.join("\n")}`,
  );
}

/** Which exercise a line of a lesson file is about, when that can be told. */
function exerciseAt(lesson: Lesson, file: string, lines: readonly string[], index: number): string | undefined {
  const names = lesson.exercises.map((e) => e.name);
  const wrong = wrongImplementations(lesson).find((w) => w.file === file);
  if (wrong) return wrong.exercise;
  if (file === lesson.files.lesson) {
    // In the front matter: the exercise whose "- name:" comes last before the line.
    const end = lines.findIndex((l, i) => i > 0 && l.trimEnd() === "---");
    if (index > end) return undefined;
    for (let i = index; i > 0; i--) {
      const m = /^\s*-?\s*name:\s*["']?([\w$]+)/.exec(lines[i]!);
      if (m && names.includes(m[1]!)) return m[1];
    }
    return undefined;
  }
  if (file === lesson.files.exercise || file === lesson.files.solution) {
    // A comment before a function: the next exported function.
    for (let i = index; i < lines.length; i++) {
      const m = /^export\s+(?:async\s+)?function\s+([\w$]+)/.exec(lines[i]!);
      if (m) return names.includes(m[1]!) ? m[1] : undefined;
    }
    return undefined;
  }
  if (file === lesson.files.spec) {
    // Inside `spec({ name: [ ... ] })`: the last entry opened before the line.
    for (let i = index; i >= 0; i--) {
      const m = /^\s*([\w$]+):\s*\[/.exec(lines[i]!);
      if (m && names.includes(m[1]!)) return m[1];
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Links and images

function linkFinding(root: string, lesson: Lesson): Finding {
  const claim = "its links and images point to files that exist";
  const broken: string[] = [];
  const texts = [lesson.files.lesson, ...translationFiles(root, lesson.slug).map((t) => t.file)];
  for (const file of texts) {
    const text = readFileSync(file, "utf8");
    let body = text;
    try {
      body = splitFrontMatter(file, text).body;
    } catch {
      // a translation may be a body only
    }
    let cursor = text.length - body.length;
    const lines = new Map<string, number[]>(); // "broken link x.md" -> lines where it appears
    for (const ref of localReferences(body)) {
      const at = text.indexOf(ref.raw, cursor);
      if (at >= 0) cursor = at + 1;
      const path = ref.target.startsWith("/") ? join(root, ref.target) : resolve(dirname(file), ref.target);
      if (existsSync(path) && (ref.kind === "link" || !isDir(path))) continue;
      const what = `${ref.kind === "image" ? "missing image" : "broken link"} ${ref.target}`;
      const line = at < 0 ? [] : [text.slice(0, at).split("\n").length];
      lines.set(what, [...new Set([...(lines.get(what) ?? []), ...line])]);
    }
    for (const [what, at] of lines) broken.push(`${what} (${rel(root, file)}${at.length > 0 ? `:${at.join(",")}` : ""})`);
  }
  if (broken.length === 0) return pass(lesson.slug, undefined, "links", claim);
  return fail(lesson.slug, undefined, "links", claim, `${lesson.slug}: ${broken.join("; ")}`);
}

/** Every live-lab scenario a lesson names must exist (`npm run lab -- --list`). */
function labFinding(lesson: Lesson): Finding {
  const claim = "names only live-lab scenarios that exist";
  const unknown = lesson.labs.filter((name) => !SCENARIO_NAMES.includes(name));
  if (unknown.length === 0) return pass(lesson.slug, undefined, "links", claim);
  return fail(lesson.slug, undefined, "links", claim, `${lesson.slug}: labs: no scenario named ${unknown.join(", ")} (scenarios: ${SCENARIO_NAMES.join(", ")})`);
}

interface Reference {
  readonly kind: "link" | "image";
  /** The path, without #fragment or ?query, decoded. */
  readonly target: string;
  readonly raw: string;
}

/**
 * The links and images of a Markdown text that point into the course folder:
 * `[text](path)`, `![alt](path)`, reference-style links and `<img src>` / `<a href>`.
 * Code blocks and code spans are not links. Web, mail and same-page (#) links are skipped.
 */
export function localReferences(markdown: string): Reference[] {
  const out: Reference[] = [];
  const push = (kind: Reference["kind"], href: string, raw: string) => {
    if (/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(href)) return;
    const path = href.split("#")[0]!.split("?")[0]!;
    if (path === "") return;
    let target = path;
    try {
      target = decodeURI(path);
    } catch {
      // keep it as written
    }
    out.push({ kind, target, raw });
  };
  marked.walkTokens(Lexer.lex(markdown), (token: Token) => {
    if (token.type === "link") push("link", token.href, token.raw);
    else if (token.type === "image") push("image", token.href, token.raw);
    else if (token.type === "html") {
      for (const m of token.raw.matchAll(/<(img|a)\b[^>]*?\s(src|href)\s*=\s*["']([^"']+)["']/gi)) push(m[1]!.toLowerCase() === "img" ? "image" : "link", m[3]!, token.raw);
    }
  });
  return out;
}

// ---------------------------------------------------------------------------
// Metadata against files: exports, spec entries, known-wrong files

function modulesOf(lesson: Lesson): InspectRequest[] {
  return [
    { file: lesson.files.exercise, kind: "module" },
    { file: lesson.files.solution, kind: "module" },
    { file: lesson.files.spec, kind: "spec" },
    ...wrongImplementations(lesson).map((w) => ({ file: w.file, kind: "module" as const })),
  ];
}

function fileFindings(root: string, lesson: Lesson, inspected: ReadonlyMap<string, ModuleExports>): Finding[] {
  const out: Finding[] = [];
  const slug = lesson.slug;
  const names = lesson.exercises.map((e) => e.name);
  const info = (file: string): ModuleExports => inspected.get(file) ?? { file, error: "was not inspected", functions: [] };
  const loadProblem = (file: string) => `${rel(root, file)} could not be imported: ${info(file).error}`;

  for (const [what, file] of [
    ["stub", lesson.files.exercise],
    ["reference solution", lesson.files.solution],
  ] as const) {
    const claim = `the ${what} exports exactly the exercises of the front matter`;
    const m = info(file);
    if (m.error) {
      out.push(fail(slug, undefined, "files", claim, `${slug}: ${loadProblem(file)}`));
      continue;
    }
    const missing = names.filter((n) => !m.functions.includes(n));
    const extra = m.functions.filter((n) => !names.includes(n));
    const problems = [
      ...missing.map((n) => `exercise ${n} is in the front matter, but ${rel(root, file)} exports no function ${n}`),
      ...(extra.length > 0
        ? [`${rel(root, file)} exports ${extra.map((n) => `function ${n}`).join(", ")}, which ${extra.length === 1 ? "is not an exercise" : "are not exercises"} of content/${slug}.md (add ${extra.length === 1 ? "it" : "them"} to the front matter, or do not export ${extra.length === 1 ? "it" : "them"})`]
        : []),
    ];
    out.push(problems.length === 0 ? pass(slug, undefined, "files", claim) : fail(slug, undefined, "files", claim, `${slug}: ${problems.join("; ")}`));
  }

  const spec = info(lesson.files.spec);
  const specFile = rel(root, lesson.files.spec);
  const entriesClaim = "the spec has entries only for exercises of the front matter";
  const entries = spec.specEntries ?? {};
  if (spec.error || spec.specProblem) {
    out.push(fail(slug, undefined, "files", entriesClaim, `${slug}: ${spec.error ? loadProblem(lesson.files.spec) : `${specFile} ${spec.specProblem}`}`));
  } else {
    const unknown = Object.keys(entries).filter((n) => !names.includes(n));
    out.push(
      unknown.length === 0
        ? pass(slug, undefined, "files", entriesClaim)
        : fail(slug, undefined, "files", entriesClaim, `${slug}: ${specFile} has properties for ${unknown.join(", ")}, which ${unknown.length === 1 ? "is not an exercise" : "are not exercises"} of content/${slug}.md`),
    );
  }
  for (const name of names) {
    const claim = "the spec has at least one property for it";
    if (spec.error || spec.specProblem) continue; // reported above
    const count = entries[name];
    out.push(
      typeof count === "number" && count > 0
        ? pass(slug, name, "files", claim)
        : fail(slug, name, "files", claim, `${slug} ${name}: ${specFile} ${count === undefined ? `has no entry ${name}` : count === null ? `entry ${name} is not a list of properties` : `has no properties for ${name}`}; an exercise needs at least one`),
    );
  }

  const wrongs = wrongImplementations(lesson);
  const wrongProblems: string[] = [];
  for (const w of wrongs) {
    const file = rel(root, w.file);
    if (!names.includes(w.exercise)) {
      wrongProblems.push(`${file} is named for "${w.exercise}", which is not an exercise of the lesson (name it <exercise>.<mistake>.ts)`);
      continue;
    }
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(w.mistake)) wrongProblems.push(`${file}: the mistake "${w.mistake}" must be lowercase words joined by hyphens (<exercise>.<mistake>.ts)`);
    const m = info(w.file);
    if (m.error) wrongProblems.push(loadProblem(w.file));
    else if (!m.functions.includes(w.exercise)) wrongProblems.push(`${file} exports no function ${w.exercise}`);
    if (!/^\s*(\/\/|\/\*)/.test(readFileSync(w.file, "utf8"))) wrongProblems.push(`${file} must start with a comment saying what the mistake is`);
  }
  const wrongClaim = "every known-wrong file is for a real exercise, says its mistake and exports the exercise";
  out.push(wrongProblems.length === 0 ? pass(slug, undefined, "files", wrongClaim) : fail(slug, undefined, "files", wrongClaim, `${slug}: ${wrongProblems.join("; ")}`));
  for (const name of names) {
    const count = wrongs.filter((w) => w.exercise === name).length;
    const claim = `has at least ${MIN_WRONGS} known-wrong implementations`;
    out.push(
      count >= MIN_WRONGS
        ? pass(slug, name, "files", claim)
        : fail(slug, name, "files", claim, `${slug} ${name}: ${count} known-wrong implementation${count === 1 ? "" : "s"} in ${rel(root, lesson.files.wrongDir)}/, needs at least ${MIN_WRONGS} (files named ${name}.<mistake>.ts)`),
    );
  }
  return out;
}

/** Imports the modules in a fresh child process and reports their exports, by file. */
function inspectModules(requests: readonly InspectRequest[], timeoutMs = 30_000): Promise<Map<string, ModuleExports>> {
  if (requests.length === 0) return Promise.resolve(new Map());
  const failAll = (why: string) => new Map(requests.map((r) => [r.file, { file: r.file, error: why, functions: [] }]));
  return new Promise((done) => {
    const child = spawnCompiled(INSPECT_FILE);
    let stderr = "";
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      done(failAll(`importing did not finish within ${timeoutMs / 1000} s (code at the top level that never stops?)`));
    }, timeoutMs);
    child.on("message", (message: "ready" | ModuleExports[]) => {
      if (message === "ready") {
        child.send(requests);
        return;
      }
      clearTimeout(timer);
      done(new Map(message.map((m) => [m.file, m])));
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      done(failAll(`the process importing it ended (${signal ?? `exit code ${code}`}): ${stderr.trim().split("\n").slice(-2).join(" ")}`));
    });
  });
}

const INSPECT_FILE = fileURLToPath(new URL("./inspect-modules.ts", import.meta.url));

// ---------------------------------------------------------------------------

function describeResult(r: ExerciseResult): string {
  if (r.failure) {
    const got = r.failure.threw !== undefined ? `threw ${r.failure.threw}` : `got ${r.failure.actual}`;
    return `property "${r.failure.property}"; input ${r.failure.input}; expected ${r.failure.expected}; ${got}`;
  }
  return r.message ?? r.status;
}

function pass(lesson: string, exercise: string | undefined, kind: Finding["kind"], claim: string): Finding {
  return { lesson, ...(exercise ? { exercise } : {}), claim, kind, ok: true };
}

function fail(lesson: string, exercise: string | undefined, kind: Finding["kind"], claim: string, problem: string): Finding {
  return { lesson, ...(exercise ? { exercise } : {}), claim, kind, ok: false, problem };
}

function rel(root: string, file: string): string {
  return relative(root, file) || file;
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function walk(dir: string): string[] {
  if (!isDir(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}


/** Every hint written for some failures names properties its exercise's spec really has (a renamed property would orphan it). */
function hintFinding(lesson: Lesson, inspected: ReadonlyMap<string, ModuleExports>): Finding {
  const claim = "every hint written for some failures names a property of its exercise";
  const names = inspected.get(lesson.files.spec)?.propertyNames;
  if (!names) return pass(lesson.slug, undefined, "files", claim); // an unreadable spec is reported by the file checks
  const orphans = lesson.exercises.flatMap((e) =>
    e.hints.flatMap((h, i) =>
      (h.properties ?? [])
        .filter((words) => !(names[e.name] ?? []).some((n) => n.toLowerCase().includes(words.toLowerCase())))
        .map((words) => `${e.name} hint ${i + 1} names "${words}", which no property of ${e.name} contains`),
    ),
  );
  return orphans.length === 0 ? pass(lesson.slug, undefined, "files", claim) : fail(lesson.slug, undefined, "files", claim, `${lesson.slug}: ${orphans.join("; ")} (content/${lesson.slug}.md)`);
}
