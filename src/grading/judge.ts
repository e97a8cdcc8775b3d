/**
 * The judge: checks one exercise's properties by comparing what the learner's
 * module gave (computed in the runner, see runner.ts) with what the reference
 * gives (computed here). It runs in the grading command's own process, which
 * never loads learner code, so the verdict cannot be touched by it.
 *
 * Every wrong answer seen is a failure: nothing is checked twice to turn a
 * failure into a pass. A function that answers the same input differently is
 * reported as exactly that.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { isEvery, type AnyProperty } from "../../grader/kit/spec.ts";
import { printThrown, printValue } from "./print-value.ts";
import type { Answer, Digested, Frame, Job, Outcome, Thrown } from "./protocol.ts";
import { formatReplay, type Replay } from "./replay.ts";
import type { ExerciseResult, Failure } from "./results.ts";
import type { ExpectedDigests } from "./expected-digests.ts";
import type { Place } from "./source-map.ts";
import { capText, fingerprintOf, revive, toTransferable } from "./transfer.ts";

export interface CheckOptions {
  readonly seed: number;
  /** Overrides each property's own run count (e.g. a quick watch-mode pass). */
  readonly numRuns?: number;
  /** Check only this property at exactly this case (from a replay token). */
  readonly replay?: Replay;
  /** The file being graded: a stub thrown from elsewhere is a dependency, not this exercise. */
  readonly learnerFile?: string;
  /** The course folder, to print the learner's files relative to it. */
  readonly root?: string;
  /** Maps a stack's frames in the compiled module to the source files' lines (see source-map.ts). */
  readonly places?: (frames: readonly Frame[]) => Place[];
  /** The learner's own source files (not lib/): where "Where" may point. */
  readonly ownFiles?: readonly string[];
  /** The reference's digests for `every` lists, kept between runs (read, and completed here). */
  readonly expectedDigests?: ExpectedDigests;
}

/** What the learner's module gives: `run` of property `property` of `exercise` on each input. */
export interface LearnerRuns {
  /** Rejects when the learner's code cannot answer (it timed out, or its process died). */
  run(exercise: string, property: number, inputs: readonly unknown[]): Promise<readonly Outcome[]>;
  /** The same for several properties at once (one round trip): one list of outcomes per job, values or digests. */
  runMany(exercise: string, jobs: readonly Job[]): Promise<readonly (readonly Answer[])[]>;
  /** The values of outcomes answered by digest, by id. */
  values(ids: readonly number[]): Promise<readonly Outcome[]>;
}

/**
 * An answer whose digest is the reference's: the same value, and the
 * reference's answer has the property (see expectedDigest), so this one has it.
 */
const AGREED = { ok: true, agreed: true } as const;
type Checked = Outcome | typeof AGREED;

/** A property's first inputs with both answers to them, computed for all properties at once. */
interface Batch {
  readonly inputs: readonly unknown[];
  /** The reference's answer to input k (computed when first needed, for lists whose digests are known). */
  readonly expected: (k: number) => unknown;
  /**
   * The learner's answer to input k. One answered by a digest that is not the
   * reference's is fetched when first needed, with the next few such (most
   * exercises with a wrong answer have many, and only the first is shown).
   */
  readonly answer: (k: number) => Checked | Promise<Checked>;
}

/** A spec's own mistake (the reference throws): never the learner's. */
export class SpecError extends Error {
  override name = "SpecError";
}

/** How long shrinking a counterexample may take. */
const SHRINK_MS = 1000;

/** A replayed case is run this many times, so a failure that does not happen every time still shows. */
const REPLAY_TRIES = 20;

type Verdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly notStarted: boolean; readonly expected: unknown; readonly actual?: unknown; readonly thrown?: Thrown; readonly outcome: Outcome };

interface Found {
  readonly failure: Failure;
  readonly notStarted: boolean;
}

export async function judgeExercise<M>(
  exercise: string,
  properties: readonly AnyProperty<M>[],
  reference: M,
  learner: LearnerRuns,
  options: CheckOptions,
): Promise<ExerciseResult> {
  const chosen = properties.map((p, i) => [p, i] as const).filter(([, i]) => !options.replay || i === options.replay.propertyIndex);
  if (chosen.length === 0) {
    return {
      name: exercise,
      status: "failed",
      propertiesRun: 0,
      propertiesPassed: 0,
      message: options.replay
        ? `There is no property number ${options.replay.propertyIndex} for ${exercise}.`
        : `The grader has no properties for ${exercise}, so it cannot count as passed.`,
    };
  }
  // Every property's inputs go to the runner in one request, and the reference answers them
  // while it works: an exercise costs one round trip unless something fails (replays go one by one).
  const batches = options.replay ? [] : await firstBatches(exercise, chosen, reference, learner, options);
  let passed = 0;
  let notStartedCount = 0;
  let failure: Failure | undefined;
  for (const [k, [property, index]] of chosen.entries()) {
    const found = await findCounterexample(exercise, property, index, reference, learner, options, batches[k]);
    if (!found) {
      passed++;
      continue;
    }
    if (found.notStarted) notStartedCount++;
    failure ??= found.failure;
  }
  if (!failure) return { name: exercise, status: "passed", propertiesRun: chosen.length, propertiesPassed: passed };
  if (notStartedCount === chosen.length) {
    return {
      name: exercise,
      status: "not-started",
      propertiesRun: chosen.length,
      propertiesPassed: 0,
      message: `${exercise} still throws "not implemented yet": replace that line with your code.`,
    };
  }
  return {
    name: exercise,
    status: "failed",
    propertiesRun: chosen.length,
    propertiesPassed: passed,
    failure,
    message: `${exercise} does not yet have this property: ${failure.property}.`,
  };
}

/** The inputs a property is checked on first: every item, or the run fast-check generates from the seed. */
function firstInputs<M>(property: AnyProperty<M>, options: CheckOptions): unknown[] {
  if (isEvery(property.input)) return [...property.input.every];
  const inputs: unknown[] = [];
  fc.check(fc.property(property.input, (input) => void inputs.push(input)), { seed: options.seed, numRuns: options.numRuns ?? property.numRuns ?? 100 });
  return inputs;
}

async function firstBatches<M>(
  exercise: string,
  chosen: readonly (readonly [AnyProperty<M>, number])[],
  reference: M,
  learner: LearnerRuns,
  options: CheckOptions,
): Promise<Batch[]> {
  const jobs: Job[] = chosen.map(([property, index]) => {
    const every = isEvery(property.input) ? everyFingerprint(property.input.every) : undefined;
    return { property: index, inputs: firstInputs(property, options), ...(every ? { every } : {}) };
  });
  const pending = learner.runMany(exercise, jobs);
  pending.catch(() => undefined); // awaited below, unless the reference fails first
  // The reference's digests: kept from an earlier run for an `every` list, else computed (and kept) while the runner works.
  const digests = jobs.map((job, k) => {
    const kept = job.every ? options.expectedDigests?.get(exercise, job.property, job.inputs.length) : undefined;
    if (kept) return { kept, expected: [] as unknown[] };
    const property = chosen[k]![0];
    const expected = job.inputs.map((input) => runReference(property, reference, input));
    const computed = expected.map((e, j) => expectedDigest(property, job.inputs[j], e));
    if (job.every) options.expectedDigests?.set(exercise, job.property, computed);
    return { kept: computed, expected };
  });
  const answered = await pending;
  return jobs.map((job, k) => {
    const { kept, expected } = digests[k]!;
    // An answer whose digest is the reference's holds; the others are fetched when needed.
    const answers = answered[k]!.map((o, j): Checked | Digested => ("digest" in o && kept[j] === o.digest ? AGREED : o));
    let chunk = FETCH_FIRST;
    const fetch = async (j: number): Promise<Checked> => {
      const due: number[] = [];
      for (let i = j; i < answers.length && due.length < chunk; i++) if ("digest" in answers[i]!) due.push(i);
      chunk = Math.min(chunk * 4, FETCH_MOST);
      const values = await learner.values(due.map((i) => (answers[i] as Digested).id));
      due.forEach((i, n) => (answers[i] = values[n]!));
      return answers[j] as Checked;
    };
    return {
      inputs: job.inputs,
      expected: (j: number) => (j in expected ? expected[j] : (expected[j] = runReference(chosen[k]![0], reference, job.inputs[j]))),
      answer: (j: number) => {
        const a = answers[j]!;
        return "digest" in a ? fetch(j) : a;
      },
    };
  });
}

/** How many answers whose digests differ are fetched at first, and at most at once (the count grows fourfold each time). */
const FETCH_FIRST = 8;
const FETCH_MOST = 2048;

/**
 * The digest an answer must have to hold without being looked at: the
 * reference's, when its own answer has the property (a reference that fails
 * its own spec, which the self-check must see, gets no digest, so every answer
 * to that input is compared in full).
 */
function expectedDigest<M>(property: AnyProperty<M>, input: unknown, expected: unknown): string | null {
  if (property.holds) {
    try {
      if (property.holds(expected, input, expected) !== true) return null;
    } catch {
      return null;
    }
  }
  return fingerprintOf(expected) ?? null;
}

/** The fingerprint of an `every` list, once per list (the runner's harness holds the same list). */
const everyFingerprints = new WeakMap<readonly unknown[], string | undefined>();
function everyFingerprint(items: readonly unknown[]): string | undefined {
  if (!everyFingerprints.has(items)) everyFingerprints.set(items, fingerprintOf(items));
  return everyFingerprints.get(items);
}

async function findCounterexample<M>(
  exercise: string,
  property: AnyProperty<M>,
  index: number,
  reference: M,
  learner: LearnerRuns,
  options: CheckOptions,
  first: Batch | undefined,
): Promise<Found | undefined> {
  const expectedOf = (input: unknown) => runReference(property, reference, input);
  const judge = (input: unknown, expected: unknown, outcome: Checked): Verdict => ("agreed" in outcome ? { ok: true } : verdictOf(property, input, expected, outcome, options));
  /** The learner's outcomes for some inputs; the reference is computed while the runner works. */
  const both = async (inputs: readonly unknown[]) => {
    const pending = learner.run(exercise, index, inputs);
    pending.catch(() => undefined); // awaited below, unless the reference fails first
    const expected = inputs.map(expectedOf);
    return { expected, outcomes: await pending };
  };
  /** The first wrong answer of a batch: its index and verdict, or undefined. */
  const firstWrong = async (batch: Batch) => {
    for (let k = 0; k < batch.inputs.length; k++) {
      let outcome = batch.answer(k);
      if ("agreed" in outcome) continue;
      if (outcome instanceof Promise) outcome = await outcome;
      const verdict = judge(batch.inputs[k], batch.expected(k), outcome);
      if (!verdict.ok) return { k, verdict };
    }
    return undefined;
  };
  const tries = options.replay ? REPLAY_TRIES : 1;
  /** Runs one input (`tries` times when replaying) and returns the first wrong answer, if any. */
  const single = async (input: unknown) => {
    const { expected, outcomes } = await both(Array.from({ length: tries }, () => input));
    for (const outcome of outcomes) {
      const verdict = judge(input, expected[0], outcome);
      if (!verdict.ok) return verdict;
    }
    return { ok: true } as const;
  };
  const found = async (input: unknown, verdict: Verdict & { ok: false }, seed: number | undefined, path: string): Promise<Found> => {
    const again = await learner.run(exercise, index, [input]).then(([o]) => o, () => undefined);
    const note = again && !sameOutcome(again, verdict.outcome) ? `for this same input your code gave ${printOutcome(verdict.outcome)} once and ${printOutcome(again)} another time: an exercise function must answer the same input the same way every time` : undefined;
    return { failure: describeFailure(exercise, property, index, input, verdict, seed, path, note, options), notStarted: verdict.notStarted };
  };

  if (isEvery(property.input)) {
    const items = property.input.every;
    if (options.replay) {
      const i = Number(options.replay.path);
      if (!(i >= 0 && i < items.length)) return undefined;
      const verdict = await single(items[i]);
      return verdict.ok ? undefined : found(items[i], verdict, undefined, String(i));
    }
    const wrong = first && (await firstWrong(first));
    return wrong ? found(items[wrong.k], wrong.verdict, undefined, String(wrong.k)) : undefined;
  }

  const seed = options.replay?.seed ?? options.seed;
  const numRuns = options.numRuns ?? property.numRuns ?? 100;
  // Every answer of the first batch right: the property holds. Only a failure needs fast-check again, to
  // shrink it: it generates the same inputs from the same seed, so their answers are taken from the batch.
  if (first && !(await firstWrong(first))) return undefined;
  let calls = 0;
  let last: { input: unknown; verdict: Verdict & { ok: false } } | undefined;
  let aborted: unknown;
  let shrinkUntil = Infinity;
  const predicate = async (input: unknown): Promise<boolean> => {
    if (aborted !== undefined) return true; // let fast-check finish at once; the reason is thrown below
    // Shrinking asks the runner once per candidate: it stops at a time limit (the smallest case found so far
    // is shown), and a stub's "not implemented yet" needs no smaller case at all.
    if (last && (last.verdict.notStarted || Date.now() > shrinkUntil)) return true;
    const k = calls++;
    try {
      let verdict: Verdict;
      if (first && k < first.inputs.length && isDeepStrictEqual(input, first.inputs[k])) verdict = judge(input, first.expected(k), await first.answer(k));
      else verdict = await single(input);
      if (!verdict.ok) {
        last = { input, verdict };
        if (shrinkUntil === Infinity) shrinkUntil = Date.now() + SHRINK_MS;
      }
      return verdict.ok;
    } catch (error) {
      aborted = error;
      return true;
    }
  };
  const details = await fc.check(fc.asyncProperty(property.input, predicate), {
    seed,
    numRuns,
    ...(options.replay ? { path: options.replay.path, endOnFailure: true } : {}),
  });
  if (aborted !== undefined) throw aborted;
  if (!details.failed) return undefined;
  if (!last) throw new SpecError(`fast-check failed without a counterexample: ${printThrown(details.errorInstance)}`);
  return found(last.input, last.verdict, details.seed, details.counterexamplePath ?? "0");
}

function runReference<M>(property: AnyProperty<M>, reference: M, input: unknown): unknown {
  // Not frozen here: the references never change their inputs (the self-check grades each one in a
  // runner, where inputs are frozen), and the runner was sent its copy before this runs.
  try {
    return property.run(reference, input);
  } catch (error) {
    throw new SpecError(`the reference failed on ${printValue(input)}: ${printThrown(error)}`);
  }
}

function verdictOf<M>(property: AnyProperty<M>, input: unknown, expected: unknown, outcome: Outcome, options: CheckOptions): Verdict {
  if (!outcome.ok) {
    // A stub of this lesson's own file (this exercise, or one it calls) means "not started";
    // a stub elsewhere (an earlier lesson this one builds on) is reported as a dependency.
    const stub = outcome.thrown.notImplemented;
    const site = stub && (stub.site ?? stubSite(outcome.thrown, options));
    const thrown = stub && site !== stub.site ? { ...outcome.thrown, notImplemented: { ...stub, ...(site ? { site } : {}) } } : outcome.thrown;
    const ownStub = stub !== undefined && (!options.learnerFile || site === options.learnerFile);
    return { ok: false, notStarted: ownStub, expected, thrown, outcome };
  }
  const actual = outcome.marked ? revive(outcome.value) : outcome.value;
  let holds: boolean;
  try {
    // The learner's value arrives as a copy (see transfer.ts), so it is compared with a copy of the reference's:
    // a record's prototype (fast-check makes some without one) is not part of any answer.
    holds = property.holds ? property.holds(actual, input, expected) === true : isDeepStrictEqual(actual, revive(toTransferable(expected).value));
  } catch {
    holds = false; // e.g. the learner returned undefined where an object was due
  }
  return holds ? { ok: true } : { ok: false, notStarted: false, expected, actual, outcome };
}

/** The file whose code threw a stub's error: the innermost frame outside lib/not-implemented.ts. */
function stubSite(thrown: Thrown, options: CheckOptions): string | undefined {
  if (!thrown.frames || !options.places) return undefined;
  return options.places(thrown.frames).find((p) => !p.file.endsWith(`${"/"}lib/not-implemented.ts`))?.file;
}

/** The innermost place in the learner's own files where it threw. */
function ownPlace(thrown: Thrown, options: CheckOptions): Place | undefined {
  if (!thrown.frames || !options.places) return undefined;
  return options.places(thrown.frames).find((p) => options.ownFiles?.includes(p.file));
}

function sameOutcome(a: Outcome, b: Outcome): boolean {
  if (a.ok && b.ok) return isDeepStrictEqual(a.value, b.value);
  if (!a.ok && !b.ok) return a.thrown.text === b.thrown.text;
  return false;
}

function printOutcome(o: Outcome): string {
  return capText(o.ok ? printValue(o.marked ? revive(o.value) : o.value) : `an exception (${o.thrown.text})`, 400);
}

function describeFailure<M>(
  exercise: string,
  property: AnyProperty<M>,
  index: number,
  input: unknown,
  verdict: Verdict & { ok: false },
  seed: number | undefined,
  path: string,
  note: string | undefined,
  options: CheckOptions,
): Failure {
  const show = property.show ?? {};
  // Spec printers see learner-shaped values: whatever they do, the report gets a capped string.
  const safe = (f: () => string, fallback: () => string) => {
    let text: string;
    try {
      text = f();
    } catch {
      text = fallback();
    }
    return capText(typeof text === "string" ? text : fallback());
  };
  const printOutput = (o: unknown) => safe(() => (show.output ? show.output(o) : printValue(o)), () => printValue(o));
  const thrown = verdict.thrown;
  const place = thrown && !thrown.notImplemented ? ownPlace(thrown, options) : undefined;
  const where = place ? `${relative(options.root ?? "", place.file)}:${place.line}:${place.column}` : undefined;
  return {
    property: property.name,
    propertyIndex: index,
    input: safe(() => (show.input ? show.input(input) : printValue(input)), () => printValue(input)),
    expected: printOutput(verdict.expected),
    ...(thrown ? { threw: describeThrownFor(thrown, exercise) } : { actual: printOutput(verdict.actual) }),
    ...(place ? { where, ...codeFrame(place.file, place.line) } : {}),
    ...(show.picture ? { picture: safe(() => show.picture!(input, verdict.expected, thrown ? undefined : verdict.actual), () => "") } : {}),
    ...(note ? { note } : {}),
    ...(seed === undefined ? {} : { seed }),
    path,
    replay: formatReplay(exercise, index, seed, path),
  };
}

/** Three lines of the learner's file around `line`, the line itself marked. */
function codeFrame(file: string, line: number): { frame?: string } {
  let lines: string[];
  try {
    lines = readFileSync(file, "utf8").split("\n");
  } catch {
    return {};
  }
  if (line < 1 || line > lines.length) return {};
  const numbers = [line - 1, line, line + 1].filter((n) => n >= 1 && n <= lines.length);
  const width = String(numbers.at(-1)).length;
  return { frame: numbers.map((n) => `${n === line ? ">" : " "} ${String(n).padStart(width)} | ${capText(lines[n - 1]!, 160)}`).join("\n") };
}

/** What was thrown, in words: a stub met inside another exercise's code says which one to finish first. */
function describeThrownFor(thrown: Thrown, exercise: string): string {
  const stub = thrown.notImplemented;
  if (stub && stub.what === exercise) {
    return `NotImplementedError: for this input your ${exercise} still reaches its "not implemented yet" line`;
  }
  if (stub) {
    const where = stub.site ? ` in ${stub.site.split("/").slice(-2).join("/")}` : "";
    return `NotImplementedError: this relies on ${stub.what}${where}, which is not implemented yet; finish it first`;
  }
  if (thrown.wroteToInput) return `${thrown.text} (your code changed its input: arguments are read-only, return a new object instead)`;
  return thrown.text;
}

