// Mistake: treats "drop" as if nothing happened, so a lost segment still arrives later.
import { makeSimulate } from "../variants.ts";

export const simulate = makeSimulate({ dropDoesNothing: true });
