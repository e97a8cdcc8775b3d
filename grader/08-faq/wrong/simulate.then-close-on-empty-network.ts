// Mistake: a "deliver" with thenClose finds nothing in flight and still calls close() at an end it guesses; the stub says a network action with nothing in flight does nothing.
import { makeSimulate } from "../variants.ts";

export const simulate = makeSimulate({ closesWithoutSegment: true });
