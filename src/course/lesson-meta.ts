/**
 * Reads and validates a lesson's front matter (format: docs/lesson-format.md).
 * Every problem names the file and the field, so an instructor can fix it at once.
 */
import { parse as parseYaml } from "yaml";

/**
 * One hint. A plain hint belongs to the ladder the learner climbs one step at a
 * time; a hint that names the properties (and optionally the inputs) it helps
 * with is shown by a failure report whenever the failure matches it.
 */
export interface Hint {
  readonly text: string;
  /** Words a failing property's name contains (case-insensitive): the hint is for those failures. */
  readonly properties?: readonly string[];
  /** A regular expression the printed smallest failing input must match, when the property alone is too broad. */
  readonly input?: string;
}

export interface ExerciseMeta {
  readonly name: string;
  readonly task: string;
  readonly hints: readonly Hint[];
}

export interface LessonMeta {
  readonly title: string;
  readonly exercises: readonly ExerciseMeta[];
  readonly labs: readonly string[];
}

export class LessonFormatError extends Error {
  override name = "LessonFormatError";
}

const MIN_HINTS = 2;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Splits `---\n yaml \n---\n body` into the front matter and the Markdown body. */
export function splitFrontMatter(file: string, text: string): { yaml: string; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) throw new LessonFormatError(`${file}: must start with front matter between two "---" lines (see docs/lesson-format.md)`);
  return { yaml: m[1]!, body: m[2]! };
}

export function parseLessonMeta(file: string, yamlText: string): LessonMeta {
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (error) {
    throw new LessonFormatError(`${file}: front matter is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  const fail = (field: string, problem: string): never => {
    throw new LessonFormatError(`${file}: ${field}: ${problem}`);
  };
  if (!isRecord(data)) return fail("front matter", "must be a mapping with title and exercises");
  onlyKeys(data, ["title", "exercises", "labs"], "", fail);

  const title = nonEmptyString(data.title, "title", fail);
  if (!Array.isArray(data.exercises) || data.exercises.length === 0) fail("exercises", "needs at least one exercise");
  const seen = new Set<string>();
  const exercises = (data.exercises as unknown[]).map((raw, i): ExerciseMeta => {
    const at = `exercises[${i}]`;
    if (!isRecord(raw)) return fail(at, "must be a mapping with name, task and hints");
    onlyKeys(raw, ["name", "task", "hints"], `${at}.`, fail);
    const name = nonEmptyString(raw.name, `${at}.name`, fail);
    if (!IDENTIFIER.test(name)) fail(`${at}.name`, `"${name}" is not a function name`);
    if (seen.has(name)) fail(`${at}.name`, `"${name}" appears twice`);
    seen.add(name);
    // From here on, a problem also names the exercise: "... found 1 (exercise segLen)".
    const failHere = (field: string, problem: string): never => fail(field, `${problem} (exercise ${name})`);
    const task = nonEmptyString(raw.task, `${at}.task`, failHere);
    if (task.includes("\n")) failHere(`${at}.task`, "must be one line");
    if (!Array.isArray(raw.hints)) return failHere(`${at}.hints`, `needs at least ${MIN_HINTS} hints, found none`);
    if (raw.hints.length < MIN_HINTS) failHere(`${at}.hints`, `needs at least ${MIN_HINTS} hints, found ${raw.hints.length}`);
    const hints = raw.hints.map((h, j) => parseHint(h, `${at}.hints[${j}]`, failHere));
    return { name, task, hints };
  });

  let labs: string[] = [];
  if (data.labs !== undefined) {
    if (!Array.isArray(data.labs)) fail("labs", "must be a list of scenario names");
    labs = (data.labs as unknown[]).map((l, i) => nonEmptyString(l, `labs[${i}]`, fail));
  }
  return { title, exercises, labs };
}

/** A hint: a string, or `{ text, properties, input }` for a hint chosen by the failure. */
function parseHint(raw: unknown, at: string, fail: (f: string, p: string) => never): Hint {
  if (!isRecord(raw)) return { text: nonEmptyString(raw, at, fail) };
  onlyKeys(raw, ["text", "properties", "input"], `${at}.`, fail);
  const text = nonEmptyString(raw.text, `${at}.text`, fail);
  if (!Array.isArray(raw.properties) || raw.properties.length === 0) {
    return fail(`${at}.properties`, "must list the properties (words of their names) the hint helps with");
  }
  const properties = raw.properties.map((p, k) => nonEmptyString(p, `${at}.properties[${k}]`, fail));
  if (raw.input === undefined) return { text, properties };
  const input = nonEmptyString(raw.input, `${at}.input`, fail);
  try {
    new RegExp(input);
  } catch (error) {
    fail(`${at}.input`, `is not a regular expression: ${(error as Error).message}`);
  }
  return { text, properties, input };
}

/** Whether a hint that names properties is for this failure (a plain hint is for none in particular). */
export function hintMatches(hint: Hint, failure: { readonly property: string; readonly input: string }): boolean {
  if (!hint.properties) return false;
  const name = failure.property.toLowerCase();
  if (!hint.properties.some((p) => name.includes(p.toLowerCase()))) return false;
  return hint.input === undefined || new RegExp(hint.input).test(failure.input);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function nonEmptyString(v: unknown, field: string, fail: (f: string, p: string) => never): string {
  if (typeof v !== "string" || v.trim() === "") return fail(field, "must be a non-empty string");
  return v.trim();
}

function onlyKeys(obj: Record<string, unknown>, allowed: string[], prefix: string, fail: (f: string, p: string) => never) {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) fail(`${prefix}${key}`, `unknown field (expected one of: ${allowed.join(", ")})`);
  }
}
