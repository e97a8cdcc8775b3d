// Mistake: checks the step bound only while running the script, then drains until the network is empty however long that takes.
import { makeSimulate } from "../variants.ts";

export const simulate = makeSimulate({ drainIgnoresBound: true });
