/**
 * Where the lab's predictions come from: the learner's `nextState` when it
 * works (lesson 04's, or, for the scenarios lesson 03 lists, lesson 03's while
 * lesson 04 is still a stub: the learner who has just finished lesson 03 sees
 * their own code in the handshake lab), else the reference solution's. Whatever module is used, the model only
 * sees a `nextState` function (see model.ts), so tests inject their own.
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import { compileModule } from "../grading/compile.mjs";
import { runOnce } from "../grading/run-once.ts";
import type { ModelOp, NextState, Prediction } from "./model.ts";
import { predictSteps } from "./model.ts";

/** A module that may export `nextState`, loaded on demand. */
export interface ModuleSource {
  /** Shown to the learner: "exercises/04-teardown.ts". */
  readonly label: string;
  readonly load: () => Promise<unknown>;
  /**
   * Set for the learner's module: it is then run in a sandboxed runner with a
   * time limit, like all learner code (it may never return, or misbehave).
   */
  readonly isolatedUrl?: string;
}

/** How long the learner's nextState may take to predict a whole scenario. */
const ISOLATED_TIME_LIMIT_MS = 5000;

export interface PredictionSet {
  /** Which module the predictions come from. */
  readonly source: "learner" | "reference" | "none";
  /** One line for the learner saying what is used and why. */
  readonly summary: string;
  /** One per step; absent when neither module could predict. */
  readonly steps?: readonly Prediction[];
  /** The reference's own predictions when the learner's are used (to tell a model bug from a kernel difference). */
  readonly reference?: readonly Prediction[];
}

/** Loads a TypeScript module of the project, compiled (the lab runs without a TypeScript loader). */
function importTs(relative: string): () => Promise<unknown> {
  return async () => import(pathToFileURL(await compileModule(fileURLToPath(new URL(relative, import.meta.url)))).href);
}

function learnerModule(slug: string): ModuleSource {
  return {
    label: `exercises/${slug}.ts`,
    load: importTs(`../../exercises/${slug}.ts`),
    isolatedUrl: new URL(`../../exercises/${slug}.ts`, import.meta.url).href,
  };
}

/** The learner's lesson-04 module and the reference solution, relative to this file. */
export const DEFAULT_SOURCES: { readonly learner: ModuleSource; readonly reference: ModuleSource } = {
  learner: learnerModule("04-teardown"),
  reference: { label: "solutions/04-teardown.ts", load: importTs("../../solutions/04-teardown.ts") },
};

/**
 * The learner's modules to try for a scenario, in order: lesson 04's nextState
 * (every transition), then lesson 03's when the scenario is one lesson 03 lists
 * in its `labs` (opening only, which lesson 03's nextState knows).
 */
export function learnerSourcesFor(scenario: string, openingLabs: readonly string[]): ModuleSource[] {
  return [DEFAULT_SOURCES.learner, ...(openingLabs.includes(scenario) ? [learnerModule("03-handshake")] : [])];
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === "NotImplementedError") return "is not implemented yet";
    const first = error.message.split("\n")[0] ?? "";
    return `threw ${error.name}: ${first.length > 120 ? first.slice(0, 117) + "…" : first}`;
  }
  return `threw ${String(error)}`;
}

export type Attempt = { ok: true; steps: Prediction[] } | { ok: false; why: string };

function attempt(source: ModuleSource, ops: readonly (readonly ModelOp[])[]): Promise<Attempt> {
  return source.isolatedUrl ? attemptIsolated(source.isolatedUrl, ops) : attemptInProcess(source, ops);
}

const HARNESS = fileURLToPath(new URL("./predict-harness.ts", import.meta.url));

async function attemptIsolated(url: string, ops: readonly (readonly ModelOp[])[]): Promise<Attempt> {
  const r = await runOnce({ harness: HARNESS, name: "predict", file: fileURLToPath(url), exports: "nextState", input: ops, timeoutMs: ISOLATED_TIME_LIMIT_MS });
  if (r.ok) return { ok: true, steps: r.value as Prediction[] };
  switch (r.why) {
    case "timeout":
      return { ok: false, why: `did not finish within ${ISOLATED_TIME_LIMIT_MS / 1000} s (an endless loop?)` };
    case "threw":
    case "threw-at-load": {
      const { text, notImplemented } = r.thrown;
      if (notImplemented) return { ok: false, why: "is not implemented yet" };
      const first = text.split("\n")[0] ?? "";
      const line = first.length > 120 ? first.slice(0, 117) + "…" : first;
      return { ok: false, why: r.why === "threw" ? `threw ${line}` : `does not load (${line})` };
    }
    case "does-not-compile":
      return { ok: false, why: `does not load (${r.message})` };
    default:
      return { ok: false, why: r.message };
  }
}

/** Loads the module and predicts every step with its nextState, in this thread. */
export async function attemptInProcess(source: ModuleSource, ops: readonly (readonly ModelOp[])[]): Promise<Attempt> {
  let mod: unknown;
  try {
    mod = await source.load();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === "ERR_MODULE_NOT_FOUND") return { ok: false, why: "does not exist yet" };
    return { ok: false, why: `does not load (${describeError(error).replace(/^threw /, "")})` };
  }
  const nextState = (mod as { nextState?: unknown } | null)?.nextState;
  if (typeof nextState !== "function") return { ok: false, why: "does not export a nextState function" };
  try {
    return { ok: true, steps: predictSteps(nextState as NextState, ops) };
  } catch (error) {
    return { ok: false, why: describeError(error) };
  }
}

/**
 * Runs the scenario's model ops with the learner's nextState; on any failure
 * (not implemented, a throw, a missing module, a bad return value) falls back
 * to the reference and says which one it used.
 */
export async function choosePredictions(
  ops: readonly (readonly ModelOp[])[],
  sources: { readonly learner: ModuleSource | readonly ModuleSource[]; readonly reference: ModuleSource } = DEFAULT_SOURCES,
): Promise<PredictionSet> {
  const learners = Array.isArray(sources.learner) ? (sources.learner as readonly ModuleSource[]) : [sources.learner as ModuleSource];
  // The first of the learner's modules that predicts every step wins; the others say why not.
  const failed: string[] = [];
  let mine: { source: ModuleSource; steps: Prediction[] } | undefined;
  for (const source of learners) {
    const tried = await attempt(source, ops);
    if (tried.ok) {
      mine = { source, steps: tried.steps };
      break;
    }
    failed.push(`your ${source.label} ${tried.why}`);
  }
  const reference = await attempt(sources.reference, ops);
  const why = failed.join(", and ");
  if (mine) {
    return {
      source: "learner",
      summary: `Predictions: your nextState (${mine.source.label}${why ? `; ${why}` : ""}).`,
      steps: mine.steps,
      ...(reference.ok ? { reference: reference.steps } : {}),
    };
  }
  if (reference.ok) {
    return {
      source: "reference",
      summary: `Predictions: the reference nextState (${sources.reference.label}), because ${why}.`,
      steps: reference.steps,
    };
  }
  return {
    source: "none",
    summary: `No predictions: ${why}, and ${sources.reference.label} ${reference.why}. The kernel's states are shown alone.`,
  };
}
