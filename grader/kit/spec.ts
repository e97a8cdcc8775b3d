/**
 * How a hidden spec is written. A spec lists, for each exercise of a lesson,
 * the properties it must have. Every property is checked the same way:
 *
 *   1. pick an input (random from `input`, or each one in turn from `every(...)`);
 *   2. compute `run(module, input)` once with the learner's module and once with
 *      the reference solution;
 *   3. the property holds when `holds(actual, input, expected)` says so, or, when
 *      `holds` is absent, when the two results are deeply equal.
 *
 * So a failure can always show the input, what the reference gives and what the
 * learner's code gave. A law ("decoding undoes encoding") is written as a `run`
 * that composes calls plus a `holds` that checks the law, and the reference's
 * result still shows what a correct solution produces.
 *
 * Specs test behaviour only: never wording, error text, or the order of internal
 * steps. See docs/authoring.md for how to write good ones.
 *
 * Where each part runs: `run` in the sandboxed runner, with the learner's module
 * (the reference solutions are withheld there); inputs, the reference's `run`,
 * `holds` and `show` in the judge. Inputs therefore must be plain data, and
 * `holds`/`show` receive a copy of what the learner's code returned.
 */
import type { Arbitrary } from "fast-check";

/** Check every item of a small domain, in order, instead of sampling. */
export interface Every<I> {
  readonly every: readonly I[];
}

/** Optional ways to print a counterexample better than the generic printer. */
export interface Show<I, O> {
  /** The input in words or notation a learner knows ("SYN seq=100"). */
  readonly input?: (input: I) => string;
  /** A result in the same spirit. */
  readonly output?: (output: O) => string;
  /**
   * A picture of the failing case, e.g. a two-column sequence diagram. Receives
   * the expected result and, when the learner's code returned at all, its result.
   */
  readonly picture?: (input: I, expected: O, actual: O | undefined) => string;
}

export interface Property<M, I, O> {
  /** The property in plain words, as the lesson would say it. */
  readonly name: string;
  /** Random inputs (a fast-check arbitrary) or every input of a small domain. */
  readonly input: Arbitrary<I> | Every<I>;
  /** What to compute with a module: the learner's, and the reference for comparison. */
  readonly run: (module: M, input: I) => O;
  /** When absent: the result must deeply equal the reference's. */
  readonly holds?: (actual: O, input: I, expected: O) => boolean;
  /** Runs for random inputs (default 100). Ignored for `every`. */
  readonly numRuns?: number;
  readonly show?: Show<I, O>;
}

// Properties of one spec share M but each has its own input and output types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProperty<M> = Property<M, any, any>;

/** The spec of a lesson: for each exported exercise, its properties. */
export type Spec<M> = { readonly [E in keyof M]?: readonly AnyProperty<M>[] };

export function every<I>(items: readonly I[]): Every<I> {
  return { every: items };
}

export function isEvery<I>(input: Arbitrary<I> | Every<I>): input is Every<I> {
  return "every" in input && Array.isArray((input as Every<I>).every);
}

/**
 * Binds the module type once so each property infers its own input and output:
 *
 *   const { property, spec } = specFor<typeof import("../../solutions/01-flags.ts")>();
 *   export default spec({ encodeFlags: [property({ name: ..., input: ..., run: ... })] });
 */
export function specFor<M>() {
  return {
    property<I, O>(p: Property<M, I, O>): Property<M, I, O> {
      return p;
    },
    spec(s: Spec<M>): Spec<M> {
      return s;
    },
  };
}
