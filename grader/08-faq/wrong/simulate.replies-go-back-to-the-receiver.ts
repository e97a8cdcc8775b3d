// Mistake: addresses the answer to a delivered segment to the end that received it instead of the end that sent it.
import { makeSimulate } from "../variants.ts";

export const simulate = makeSimulate({ repliesToReceiver: true });
