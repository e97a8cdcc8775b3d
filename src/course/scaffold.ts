/**
 * The files `npm run new-lesson` writes: a new lesson in all four trees, as a
 * small working example (its solution passes its spec, its stub is not started,
 * its known-wrong implementations are caught) with a TODO(scaffold) marker
 * wherever the instructor has to write the real thing. So a fresh scaffold
 * fails the course self-check for its placeholders only. docs/authoring.md
 * walks through filling it in.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { lessonFiles, SLUG } from "./course.ts";

/**
 * The marker the scaffold writes wherever the instructor has something to fill in.
 * A lesson containing it anywhere is unfinished; the course self-check says where.
 */
export const PLACEHOLDER = "TODO(scaffold)";

export interface ScaffoldRequest {
  readonly slug: string;
  readonly title: string;
  /** The exercises (exported function names), at least one. */
  readonly exercises: readonly string[];
}

export interface ScaffoldFile {
  /** Relative to the course root, with forward slashes. */
  readonly path: string;
  readonly content: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const RESERVED = new Set(
  ("break case catch class const continue debugger default delete do else enum export extends false finally for function if " +
    "import in instanceof new null return super switch this throw true try typeof var void while with yield let static " +
    "implements interface package private protected public await arguments eval undefined NaN Infinity")
    .split(" "),
);

/** "window-scaling" → "windowScaling": the default exercise name for a slug. */
export function defaultExerciseName(slug: string): string {
  const words = slug.slice(3).split("-");
  const name = words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join("");
  return IDENTIFIER.test(name) && !RESERVED.has(name) ? name : `exercise${slug.slice(0, 2)}`;
}

/** "09-window-scaling" → "Window scaling": the default title. */
export function defaultTitle(slug: string): string {
  const words = slug.slice(3).replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Why this lesson cannot be created in `root`, or undefined when it can: a malformed
 * slug, a number another lesson uses, a file that already exists, a bad exercise name.
 */
export function scaffoldProblem(root: string, request: ScaffoldRequest): string | undefined {
  const { slug, title, exercises } = request;
  if (!SLUG.test(slug)) {
    return `"${slug}" is not a lesson slug: it must be two digits, a hyphen, then lowercase words (a-z, 0-9) joined by hyphens, e.g. 09-window-scaling.`;
  }
  const number = slug.slice(0, 2);
  for (const dir of ["content", "exercises", "solutions", "grader"]) {
    if (!existsSync(join(root, dir))) continue;
    const taken = readdirSync(join(root, dir)).find((f) => f.startsWith(`${number}-`) && !f.startsWith(`${slug}.`) && f !== slug);
    if (taken) return `Lesson number ${number} is already used by ${dir}/${taken}. Pick a number no lesson uses (lessons are ordered by it).`;
  }
  const existing = files(request)
    .map((f) => f.path)
    .filter((p) => !p.startsWith("grader/") && existsSync(join(root, p)));
  if (existsSync(join(root, "grader", slug))) existing.push(`grader/${slug}/`);
  if (existing.length > 0) return `Lesson ${slug} already exists (${existing.join(", ")}). Nothing was written.`;
  if (title.trim() === "" || title.includes("\n")) return "The title must be one non-empty line.";
  if (exercises.length === 0) return "A lesson needs at least one exercise.";
  for (const name of exercises) {
    if (!IDENTIFIER.test(name) || RESERVED.has(name)) return `"${name}" cannot be an exercise: it must be a JavaScript function name, such as scaledWindow.`;
  }
  if (new Set(exercises).size !== exercises.length) return "Each exercise name may appear only once.";
  return undefined;
}

/** Writes the scaffold. Call scaffoldProblem first; this refuses to overwrite anything. */
export function writeScaffold(root: string, request: ScaffoldRequest): ScaffoldFile[] {
  const out = files(request);
  for (const f of out) {
    const path = join(root, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content, { flag: "wx" });
  }
  return out;
}

/** The files of a new lesson, relative to the course root. */
export function files(request: ScaffoldRequest): ScaffoldFile[] {
  const { slug, exercises } = request;
  const paths = lessonFiles("", slug);
  const p = (path: string) => path.split(sep).join("/");
  return [
    { path: p(paths.lesson), content: lessonMarkdown(request) },
    { path: p(paths.exercise), content: stub(request) },
    { path: p(paths.solution), content: solution(request) },
    { path: p(paths.spec), content: spec(request) },
    ...exercises.flatMap((name) => WRONGS.map((w) => ({ path: `${p(paths.wrongDir)}/${name}.${w.mistake}.ts`, content: wrong(slug, name, w) }))),
  ];
}

// ---------------------------------------------------------------------------
// Templates. The example every exercise starts with: the sequence number that
// follows `seq`, wrapping at 2^32. Small, and it shows the kit's edge values.

const T = PLACEHOLDER;

function lessonMarkdown({ slug, title, exercises }: ScaffoldRequest): string {
  const nn = slug.slice(0, 2);
  const entries = exercises
    .map(
      (name) => `  - name: ${name}
    task: "${T}: say in one line what ${name} computes (shown in menus and reports)."
    hints:
      - "${T}: a gentle first hint, pointing at the idea rather than the answer."
      - "${T}: a stronger hint, close enough to the answer to unblock anyone."`,
    )
    .join("\n");
  const list = exercises.map((name, i) => `${i + 1}. **\`${name}(...)\`** ${T}: what it takes, what it returns, one example worked by hand.`).join("\n");
  return `---
title: ${JSON.stringify(title)}
exercises:
${entries}
---

# ${title}

${T}: why this matters, in two or three paragraphs a learner can follow
without the RFC open: which problem TCP has here and how it solves it.

## ${T}: the idea

${T}: the rule, with a diagram or a worked example (sequence numbers,
segments written as \`SYN,ACK seq=300 ack=101\`), and the mistakes people make.

## Your exercises

Open \`exercises/${slug}.ts\` and implement:

${list}

When you are ready, grade your work:

\`\`\`sh
npm run grade -- ${nn}
\`\`\`

## RFC references

- ${T}: RFC 9293 §x.y, what it says about this.
`;
}

function stub({ slug, title, exercises }: ScaffoldRequest): string {
  const nn = slug.slice(0, 2);
  const fns = exercises
    .map(
      (name) => `/**
 * ${T}: what ${name} computes, in the lesson's words, with one example.
 * (The scaffold's example: the sequence number that follows \`seq\`, wrapping at 2^32.)
 */
export function ${name}(seq: number): number {
  throw notImplemented("${name}");
}`,
    )
    .join("\n\n");
  return `/**
 * Lesson ${nn}: ${title}. Read content/${slug}.md first (\`npm start\`, then "Read").
 * Check your work with \`npm run grade -- ${nn}\`.
 */
import { notImplemented } from "../lib/not-implemented.ts";

${fns}
`;
}

function solution({ slug, exercises }: ScaffoldRequest): string {
  const fns = exercises
    .map(
      (name) => `// ${T}: replace this example with the reference solution of ${name}, same signature as the stub.
export function ${name}(seq: number): number {
  return (seq + 1) % 2 ** 32;
}`,
    )
    .join("\n\n");
  return `/** Lesson ${slug.slice(0, 2)}, reference solution. */

${fns}
`;
}

function spec({ slug, exercises }: ScaffoldRequest): string {
  const entries = exercises
    .map(
      (name) => `  ${name}: [
    // ${T}: replace these example properties with ${name}'s own (at least one; see docs/authoring.md).
    property({
      name: "the number after each edge sequence number is one more, wrapping at 2^32",
      input: every(EDGE_SEQS),
      run: (m, seq) => m.${name}(seq),
      show: { input: (seq) => \`seq=\${seq}\` },
    }),
    property({
      name: "the number after any sequence number is one more, modulo 2^32",
      input: seqNumber,
      run: (m, seq) => m.${name}(seq),
      holds: (actual, seq) => actual === (seq + 1) % 2 ** 32,
      show: { input: (seq) => \`seq=\${seq}\` },
    }),
  ],`,
    )
    .join("\n");
  return `/**
 * Lesson ${slug.slice(0, 2)}: the hidden properties the grader checks. How to write them: docs/authoring.md.
 */
import { EDGE_SEQS, seqNumber } from "../kit/arbitraries.ts";
import { every, specFor } from "../kit/spec.ts";

const { property, spec } = specFor<typeof import("../../solutions/${slug}.ts")>();

export default spec({
${entries}
});
`;
}

interface WrongTemplate {
  readonly mistake: string;
  readonly says: string;
  readonly body: string;
}

const WRONGS: readonly WrongTemplate[] = [
  { mistake: "forgets-wrap-around", says: "adds one but forgets that sequence numbers wrap at 2^32.", body: "return seq + 1;" },
  { mistake: "wraps-at-2-31", says: "wraps at 2^31, as if sequence numbers were signed.", body: "return (seq + 1) % 2 ** 31;" },
  { mistake: "returns-its-argument", says: "returns the number it was given instead of the next one.", body: "return seq;" },
];

function wrong(slug: string, name: string, w: WrongTemplate): string {
  return `// Mistake: ${w.says}
// ${T}: replace this example with a real mistake learners make in ${name} (docs/authoring.md), named ${name}.<mistake>.ts.
// It may import the reference (../../../solutions/${slug}.ts) and change only what the mistake changes.
export function ${name}(seq: number): number {
  ${w.body}
}
`;
}
