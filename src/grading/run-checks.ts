/**
 * Checks one exercise's properties against a learner's module, comparing with
 * the reference module. Pure computation: no processes, no printing. The child
 * process (child.ts) calls it; the supervisor keeps it safe from hostile code.
 */
import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { isNotImplemented } from "../../lib/not-implemented.ts";
import { isEvery, type AnyProperty } from "../../grader/kit/spec.ts";
import { printThrown, printValue } from "./print-value.ts";
import type { ExerciseResult, Failure } from "./results.ts";

export interface CheckOptions {
  readonly seed: number;
  /** Overrides each property's own run count (e.g. a quick watch-mode pass). */
  readonly numRuns?: number;
  /** Check only this property at exactly this case (from a replay token). */
  readonly replay?: Replay;
  /** The file being graded: a stub thrown from elsewhere is a dependency, not this exercise. */
  readonly learnerFile?: string;
}

export interface Replay {
  readonly exercise: string;
  readonly propertyIndex: number;
  readonly seed?: number;
  readonly path: string;
}

/** A spec's own mistake (the reference throws, or a hook crashes): never the learner's. */
export class SpecError extends Error {
  override name = "SpecError";
}

type Outcome =
  | { ok: true }
  | { ok: false; notStarted: boolean; expected: unknown; actual?: unknown; threw?: unknown };

export function formatReplay(exercise: string, propertyIndex: number, seed: number | undefined, path: string): string {
  return `${exercise}:${propertyIndex}:${seed ?? "all"}:${packPath(path)}`;
}

/** fast-check's shrink paths repeat a step many times ("0:0:0:…"): write a run of n as "0*n". */
function packPath(path: string): string {
  const out: string[] = [];
  for (const step of path.split(":")) {
    const last = out.at(-1);
    const [value, count = "1"] = last?.split("*") ?? [];
    if (last !== undefined && value === step) out[out.length - 1] = `${step}*${Number(count) + 1}`;
    else out.push(step);
  }
  return out.join(":");
}

function unpackPath(packed: string): string {
  return packed
    .split(":")
    .flatMap((part) => {
      const [value = "", count = "1"] = part.split("*");
      return Array.from({ length: Number(count) }, () => value);
    })
    .join(":");
}

export function parseReplay(token: string): Replay | undefined {
  const m = /^([A-Za-z_$][\w$]*):(\d+):(-?\d+|all):((?:\d+(?:\*\d+)?)(?::\d+(?:\*\d+)?)*)$/.exec(token);
  if (!m) return undefined;
  return {
    exercise: m[1]!,
    propertyIndex: Number(m[2]),
    seed: m[3] === "all" ? undefined : Number(m[3]),
    path: unpackPath(m[4]!),
  };
}

export function checkExercise<M>(
  exercise: string,
  properties: readonly AnyProperty<M>[],
  learner: M,
  reference: M,
  options: CheckOptions,
): ExerciseResult {
  const chosen = options.replay
    ? properties.map((p, i) => [p, i] as const).filter(([, i]) => i === options.replay!.propertyIndex)
    : properties.map((p, i) => [p, i] as const);
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
  let passed = 0;
  let notStartedCount = 0;
  let failure: Failure | undefined;
  for (const [property, index] of chosen) {
    const found = findCounterexample(exercise, property, index, learner, reference, options);
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

function findCounterexample<M>(
  exercise: string,
  property: AnyProperty<M>,
  index: number,
  learner: M,
  reference: M,
  options: CheckOptions,
): { failure: Failure; notStarted: boolean } | undefined {
  const evaluate = (input: unknown): Outcome => evaluateOnce(property, input, learner, reference, exercise, options.learnerFile);
  const describe = (input: unknown, outcome: Outcome & { ok: false }, seed: number | undefined, path: string) => ({
    failure: describeFailure(exercise, property, index, input, outcome, seed, path),
    notStarted: outcome.notStarted,
  });

  if (isEvery(property.input)) {
    const items = property.input.every;
    const start = options.replay ? Number(options.replay.path) : 0;
    const end = options.replay ? start + 1 : items.length;
    for (let i = start; i < end && i < items.length; i++) {
      const outcome = evaluate(items[i]);
      if (!outcome.ok) return describe(items[i], outcome, undefined, String(i));
    }
    return undefined;
  }

  const seed = options.replay?.seed ?? options.seed;
  const details = fc.check(
    fc.property(property.input, (input) => evaluate(input).ok),
    {
      seed,
      numRuns: options.numRuns ?? property.numRuns ?? 100,
      ...(options.replay ? { path: options.replay.path, endOnFailure: true } : {}),
    },
  );
  if (!details.failed || details.counterexample === null) {
    if (details.failed) throw new SpecError(`fast-check failed without a counterexample: ${printThrown(details.errorInstance)}`);
    return undefined;
  }
  const [input] = details.counterexample;
  const outcome = evaluate(input);
  if (outcome.ok) return undefined; // not reproducible: the learner's code is not deterministic
  return describe(input, outcome, details.seed, details.counterexamplePath ?? "0");
}

function evaluateOnce<M>(
  property: AnyProperty<M>,
  input: unknown,
  learner: M,
  reference: M,
  exercise: string,
  learnerFile: string | undefined,
): Outcome {
  let expected: unknown;
  try {
    expected = property.run(reference, deepFreeze(input));
  } catch (error) {
    throw new SpecError(`the reference failed on ${printValue(input)}: ${printThrown(error)}`);
  }
  let actual: unknown;
  try {
    actual = property.run(learner, input);
  } catch (threw) {
    // A stub of this lesson's own file (this exercise, or one it calls) means "not started";
    // a stub elsewhere (an earlier lesson this one builds on) is reported as a dependency.
    const ownStub = isNotImplemented(threw) && (!learnerFile || threw.site === learnerFile);
    return { ok: false, notStarted: ownStub, expected, threw };
  }
  let holds: boolean;
  try {
    holds = property.holds ? property.holds(actual, input, expected) : isDeepStrictEqual(actual, expected);
  } catch {
    holds = false; // e.g. the learner returned undefined where an object was due
  }
  return holds ? { ok: true } : { ok: false, notStarted: false, expected, actual };
}

function describeFailure<M>(
  exercise: string,
  property: AnyProperty<M>,
  index: number,
  input: unknown,
  outcome: Outcome & { ok: false },
  seed: number | undefined,
  path: string,
): Failure {
  const show = property.show ?? {};
  const safe = (f: () => string, fallback: () => string) => {
    try {
      return f();
    } catch {
      return fallback();
    }
  };
  const printOutput = (o: unknown) => safe(() => (show.output ? show.output(o) : printValue(o)), () => printValue(o));
  const threw = "threw" in outcome && outcome.threw !== undefined;
  return {
    property: property.name,
    propertyIndex: index,
    input: safe(() => (show.input ? show.input(input) : printValue(input)), () => printValue(input)),
    expected: printOutput(outcome.expected),
    ...(threw ? { threw: describeThrown(outcome.threw, exercise) } : { actual: printOutput(outcome.actual) }),
    ...(show.picture
      ? { picture: safe(() => show.picture!(input, outcome.expected, threw ? undefined : outcome.actual), () => "") }
      : {}),
    ...(seed === undefined ? {} : { seed }),
    path,
    replay: formatReplay(exercise, index, seed, path),
  };
}

/** A stub met inside another exercise's code says which one to finish first. */
function describeThrown(thrown: unknown, exercise: string): string {
  if (isNotImplemented(thrown) && thrown.what === exercise) {
    return `NotImplementedError: for this input your ${exercise} still reaches its "not implemented yet" line`;
  }
  if (isNotImplemented(thrown)) {
    const where = thrown.site ? ` in ${thrown.site.split("/").slice(-2).join("/")}` : "";
    return `NotImplementedError: this relies on ${thrown.what}${where}, which is not implemented yet; finish it first`;
  }
  return printThrown(thrown);
}

/**
 * Learners must not mutate their arguments: inputs are deep-frozen before any
 * code sees them, so a write throws (ESM code is strict). Freezing in place is
 * safe because generators make fresh values and specs' fixed inputs are constants.
 */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
