/**
 * Runs a module's exercises in this very process, as the runner would in its
 * sandbox: for the course's own trusted code only (the mutation tests grade
 * mutated reference solutions this way, thousands of times). Never for learner
 * code, which always runs in a sandboxed runner (runner.ts).
 */
import type { Spec } from "../../grader/kit/spec.ts";
import { AnswerBook } from "./answers.ts";
import type { LearnerRuns } from "./judge.ts";
import type { Answer, Outcome } from "./protocol.ts";
import { deepFreeze } from "./transfer.ts";

export function inProcessRuns<M>(spec: Spec<M>, module: M): LearnerRuns {
  const answers = new AnswerBook();
  const runOne = (exercise: string, property: number, inputs: readonly unknown[], digests: boolean): Answer[] => {
    const run = spec[exercise as keyof M]?.[property]?.run;
    if (!run) throw new Error(`no property ${property} for ${exercise}`);
    return inputs.map((input) => answers.answer(() => run(module, deepFreeze(structuredClone(input))), digests));
  };
  return {
    run: async (exercise, property, inputs) => runOne(exercise, property, inputs, false) as Outcome[],
    runMany: async (exercise, jobs) => jobs.map((job) => runOne(exercise, job.property, job.inputs, true)),
    values: async (ids) => answers.texts(ids).map((text): Outcome => ({ ok: true, value: JSON.parse(text) as unknown })),
  };
}
