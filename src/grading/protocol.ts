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

/** Inputs for one property of an exercise. */
export interface Job {
  readonly property: number;
  readonly inputs: readonly unknown[];
}

export type ToRunner =
  | {
      readonly type: "load";
      /** The lesson's harness: a module (as text) mapping each exercise to its properties' `run` functions. */
      readonly harness: string;
      /** The compiled file to grade. */
      readonly module: string;
    }
  /**
   * Run properties of one exercise, each on its inputs: one request for many, so
   * an exercise costs one round trip. `jobs` as transfer.ts encodes them (`marked`:
   * some inputs must be revived).
   */
  | { readonly type: "run"; readonly request: number; readonly exercise: string; readonly jobs: readonly Job[]; readonly marked: boolean }
  /** Grading is over: report late faults (timers, rejections), then wait to be stopped. */
  | { readonly type: "end" };

/**
 * An outcome as sent: a value the runner sent before (the same object, returned
 * again, e.g. a conversation the harness memoizes for several properties) comes
 * as `same: id` instead of a second copy; `id` numbers the values sent.
 */
export type SentOutcome =
  | { readonly ok: true; readonly value: unknown; readonly marked?: boolean; readonly id?: number }
  | { readonly ok: true; readonly same: number }
  | { readonly ok: false; readonly thrown: Thrown };

export type FromRunner =
  | { readonly type: "ready" }
  | { readonly type: "loaded"; readonly functions: readonly string[]; readonly output: string }
  /** `byGrader`: the harness itself did not load, not the learner's module. */
  | { readonly type: "load-failed"; readonly thrown: Thrown; readonly output: string; readonly byGrader?: boolean }
  /** One list of outcomes per job, in order. */
  | { readonly type: "outcomes"; readonly request: number; readonly outcomes: readonly (readonly SentOutcome[])[]; readonly output: string }
  /** Learner code misbehaved outside a call (process.exit in a timer, an unhandled rejection...). */
  | { readonly type: "fault"; readonly message: string }
  | { readonly type: "ended"; readonly output: string };
