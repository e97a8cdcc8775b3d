// Mistake: "duplicate" puts the copy at the back of the network, behind everything else in flight, instead of right behind the original. Only visible with three or more segments in flight.
import { makeSimulate } from "../variants.ts";

export const simulate = makeSimulate({ duplicateAtBack: true });
