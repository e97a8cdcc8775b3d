/**
 * What the sandboxed runner runs for the lab (see src/grading/run-once.ts): a
 * scenario's model ops predicted with the learner module's nextState. Shaped
 * like a spec, so it is compiled and loaded the same way.
 */
import { predictSteps, type ModelOp, type NextState } from "./model.ts";

export default {
  predict: [{ run: (module: { nextState?: unknown }, ops: readonly (readonly ModelOp[])[]) => predictSteps(module.nextState as NextState, ops) }],
};
