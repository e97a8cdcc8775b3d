/**
 * One call of learner code outside grading, in a sandboxed runner like every
 * other (the live lab predicts a scenario with the learner's nextState this
 * way): compile the file, load it with a harness, run one function of the
 * harness on one input, under a time limit. Never in this process.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { launchChild } from "./child-launcher.mjs";
import { compileHarness, compileTarget } from "./compile.mjs";
import type { Thrown } from "./protocol.ts";
import { RunnerGone, RunnerSession } from "./runner-session.ts";
import { revive } from "./transfer.ts";

export type OnceResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly why: "missing" | "does-not-compile" | "timeout" | "died" | "no-export"; readonly message: string }
  | { readonly ok: false; readonly why: "threw" | "threw-at-load"; readonly thrown: Thrown };

export interface OnceRequest {
  /** A harness module: its default export maps names to lists of `{ run(module, input) }` (the shape of a spec). */
  readonly harness: string;
  readonly name: string;
  /** The learner's file, and the function it must export. */
  readonly file: string;
  readonly exports: string;
  readonly input: unknown;
  readonly timeoutMs: number;
}

const SOLUTIONS = fileURLToPath(new URL("../../solutions", import.meta.url));

export async function runOnce(request: OnceRequest): Promise<OnceResult> {
  if (!existsSync(request.file)) return { ok: false, why: "missing", message: "does not exist yet" };
  let compiled;
  try {
    compiled = await compileTarget(request.file, "learner");
  } catch (error) {
    return { ok: false, why: "does-not-compile", message: ((error as Error).message ?? String(error)).split("\n")[0]! };
  }
  const harness = await compileHarness(request.harness, SOLUTIONS);
  const session = new RunnerSession(launchChild("learner"));
  try {
    if (!(await session.ready())) return { ok: false, why: "died", message: session.startProblem() };
    session.allowance = request.timeoutMs;
    const loaded = await session.load(harness, compiled.file);
    if (!loaded.ok) return { ok: false, why: "threw-at-load", thrown: loaded.thrown };
    if (!loaded.functions.includes(request.exports)) return { ok: false, why: "no-export", message: `does not export a ${request.exports} function` };
    const [outcome] = await session.run(request.name, 0, [request.input]);
    return outcome!.ok ? { ok: true, value: outcome!.marked ? revive(outcome!.value) : outcome!.value } : { ok: false, why: "threw", thrown: outcome!.thrown };
  } catch (error) {
    if (error instanceof RunnerGone) return { ok: false, why: error.reason, message: error.message };
    throw error;
  } finally {
    session.kill();
  }
}
