/**
 * Messages between the judge (the grading command's own process, which holds
 * the specs and the reference solutions and decides every verdict) and the
 * runner (a sandboxed child process that runs learner code and nothing else).
 *
 * The runner only ever computes a spec's `run(module, input)` for inputs the
 * judge sends, and sends the values back. It never sees a reference answer,
 * a comparison or a verdict, so nothing learner code does there can pass an
 * exercise that is not solved.
 */
import type { Replay } from "./replay.ts";

/** One module to grade against one lesson's spec: the learner's file, a solution, or a known-wrong one. */
export interface Target {
  /** Unique within a run, e.g. "03-handshake" or "03-handshake/wrong/nextState.both-established". */
  readonly id: string;
  readonly lesson: string;
  readonly specFile: string;
  readonly referenceFile: string;
  readonly learnerFile: string;
  /**
   * "learner": the learner's exercise file, which may import only other exercise
   * files and lib/; "trusted": a reference or known-wrong file of the course
   * itself (the self-check), which may import anything. Both run sandboxed.
   */
  readonly kind: RunnerKind;
  /** Exercises to grade, in order. */
  readonly exercises: readonly string[];
}

export type RunnerKind = "learner" | "trusted";

export interface GradeOptions {
  readonly seed: number;
  readonly numRuns?: number;
  readonly replay?: Replay;
}

/** Something learner code threw, described in the runner (where it happened), capped in size. */
export interface Thrown {
  /** "TypeError: Cannot read properties of undefined (reading 'flags')". */
  readonly text: string;
  /** Set when it was a stub's "not implemented yet". */
  readonly notImplemented?: { readonly what: string; readonly site?: string };
  /** The stack's frames in the compiled module, innermost first (mapped to .ts lines by the judge, see source-map.ts). */
  readonly frames?: readonly Frame[];
  /** It looks like a write to a read-only (frozen) input. */
  readonly wroteToInput?: boolean;
}

/** A place in a file: 1-based line and column. */
export interface Frame {
  readonly line: number;
  readonly column: number;
}

/** What one call of `run` gave: a value (made transferable, see transfer.ts; `marked` when it holds markers) or something thrown. */
export type Outcome = { readonly ok: true; readonly value: unknown; readonly marked?: boolean } | { readonly ok: false; readonly thrown: Thrown };

/**
 * A value answered by digest, when the judge asked for digests: the digest of
 * its exact JSON text (transfer.ts digestOf). The value stays in the runner,
 * where the judge can ask for it by `id` when the digest is not the reference's.
 */
export interface Digested {
  readonly ok: true;
  readonly digest: string;
  readonly id: number;
}

export type Answer = Outcome | Digested;

/** Inputs for one property of an exercise. */
export interface Job {
  readonly property: number;
  readonly inputs: readonly unknown[];
  /**
   * Set when `inputs` is the property's own `every` list, which the runner's
   * harness holds too: then only this fingerprint of the list travels
   * (transfer.ts fingerprintOf), and the runner uses its own copy if it matches.
   */
  readonly every?: string;
}

/** A job as sent: its inputs, or the fingerprint of the `every` list the runner holds. */
export type SentJob = { readonly property: number; readonly inputs: readonly unknown[] } | { readonly property: number; readonly every: string };

export type ToRunner =
  | {
      readonly type: "load";
      /** The lesson's harness: a script (as text) giving, for each exercise, its properties' `run` functions and `every` lists. */
      readonly harness: string;
      /** The compiled file to grade. */
      readonly module: string;
    }
  /**
   * Run properties of one exercise, each on its inputs: one request for many, so
   * an exercise costs one round trip. `jobs` as transfer.ts encodes them (`marked`:
   * some inputs must be revived). `digests`: answer with digests where values allow.
   */
  | { readonly type: "run"; readonly request: number; readonly exercise: string; readonly jobs: readonly SentJob[]; readonly marked: boolean; readonly digests: boolean }
  /** The exact JSON texts of values answered earlier by digest. */
  | { readonly type: "values"; readonly request: number; readonly ids: readonly number[] }
  /** Grading is over: report late faults (timers, rejections), then wait to be stopped. */
  | { readonly type: "end" };

export type FromRunner =
  | { readonly type: "ready" }
  | { readonly type: "loaded"; readonly functions: readonly string[]; readonly output: string }
  /** `byGrader`: the harness itself did not load, not the learner's module. */
  | { readonly type: "load-failed"; readonly thrown: Thrown; readonly output: string; readonly byGrader?: boolean }
  /**
   * One list of outcomes per job, in order; `unheld` lists the jobs whose `every`
   * list the runner does not hold (their lists are empty: the judge sends their inputs).
   */
  | { readonly type: "outcomes"; readonly request: number; readonly outcomes: readonly (readonly Answer[])[]; readonly unheld?: readonly number[]; readonly output: string }
  /** The texts asked for, in order ("" for an id the runner never gave). */
  | { readonly type: "values"; readonly request: number; readonly texts: readonly string[] }
  /** Learner code misbehaved outside a call (process.exit in a timer, an unhandled rejection...). */
  | { readonly type: "fault"; readonly message: string }
  /** `reusable`: the lesson left nothing behind, so the runner may take another (see leftovers.ts). */
  | { readonly type: "ended"; readonly output: string; readonly reusable?: boolean };
