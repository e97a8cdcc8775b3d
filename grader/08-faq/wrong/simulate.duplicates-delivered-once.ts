// Mistake: makes no copy on "duplicate", so a duplicated segment arrives only once.
import { makeSimulate } from "../variants.ts";

export const simulate = makeSimulate({ duplicateDoesNothing: true });
