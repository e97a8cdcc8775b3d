/** Shared by the lab's tests: run a scenario for real with the stub's predictions. */
import { expect } from "vitest";
import { openKernelReader, type KernelReader } from "../../src/lab/kernel-reader.ts";
import type { KernelSocket } from "../../src/lab/kernel-socket.ts";
import { predictSteps } from "../../src/lab/model.ts";
import type { PredictionSet } from "../../src/lab/predictor.ts";
import { runScenario, type RunResult, type StepResult } from "../../src/lab/runner.ts";
import type { Scenario } from "../../src/lab/scenario.ts";
import { findScenario } from "../../src/lab/scenarios/index.ts";
import { nextState as stubNextState } from "./stub-next-state.ts";

export const onLinux = process.platform === "linux";

let reader: Promise<KernelReader> | undefined;
export function kernelReader(): Promise<KernelReader> {
  reader ??= openKernelReader();
  return reader;
}

export function scenario(name: string): Scenario {
  const s = findScenario(name);
  if (!s) throw new Error(`no scenario ${name}`);
  return s;
}

export function stubPredictions(s: Scenario): PredictionSet {
  return { source: "reference", summary: "stub", steps: predictSteps(stubNextState, s.build().map((step) => step.model)) };
}

/** Runs the scenario on this machine; fails the test on a lab error. */
export async function runForReal(name: string): Promise<RunResult> {
  const s = scenario(name);
  const result = await runScenario(s, { reader: await kernelReader(), predictions: stubPredictions(s) });
  if (result.error !== undefined) throw result.error;
  expect(result.aborted).toBe(false);
  return result;
}

/** The step whose title starts with `prefix`. */
export function step(result: RunResult, prefix: string): StepResult {
  const found = result.steps.find((s) => s.step.title.startsWith(prefix));
  if (!found) throw new Error(`no step "${prefix}…" in ${result.steps.map((s) => s.step.title).join(" | ")}`);
  return found;
}

/** Every step reached the states its scenario expects of Linux, and the model agreed except where the step explains why not. */
export function expectAllStepsAsExpected(result: RunResult): void {
  for (const r of result.steps) {
    const expected = r.step.expect ?? {};
    for (const end of ["client", "server"] as const) {
      const want = expected[end];
      if (want !== undefined) expect(`${r.step.title}: ${end} ${r.observed[end].state}`).toBe(`${r.step.title}: ${end} ${want}`);
      if (r.step.differs?.[end] === undefined) {
        expect(`${r.step.title}: ${end} predicted ${r.prediction?.[end]}`).toBe(`${r.step.title}: ${end} predicted ${r.observed[end].state}`);
      }
    }
  }
}

/** The sockets still on these ports that are not TIME-WAIT (the kernel's, not ours): should be none. */
export async function socketsLeftOpen(ports: readonly number[]): Promise<KernelSocket[]> {
  const rows = await (await kernelReader()).read(ports);
  return rows.filter((r) => r.state !== "TIME-WAIT");
}
