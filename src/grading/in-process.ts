/**
 * Runs a module's exercises in this very process, as the runner would in its
 * sandbox: for the course's own trusted code only (the mutation tests grade
 * mutated reference solutions this way, thousands of times). Never for learner
 * code, which always runs in a sandboxed runner (runner.ts).
 */
import type { Spec } from "../../grader/kit/spec.ts";
import type { LearnerRuns } from "./judge.ts";
import type { Outcome } from "./protocol.ts";
import { deepFreeze, describeThrown, toTransferable } from "./transfer.ts";

export function inProcessRuns<M>(spec: Spec<M>, module: M): LearnerRuns {
  const runOne = (exercise: string, property: number, inputs: readonly unknown[]): Outcome[] => {
    const run = spec[exercise as keyof M]?.[property]?.run;
    if (!run) throw new Error(`no property ${property} for ${exercise}`);
    return inputs.map((input): Outcome => {
      try {
        return { ok: true, ...toTransferable(run(module, deepFreeze(structuredClone(input)))) };
      } catch (thrown) {
        return { ok: false, thrown: describeThrown(thrown) };
      }
    });
  };
  return {
    run: async (exercise, property, inputs) => runOne(exercise, property, inputs),
    runMany: async (exercise, jobs) => jobs.map((job) => runOne(exercise, job.property, job.inputs)),
  };
}
