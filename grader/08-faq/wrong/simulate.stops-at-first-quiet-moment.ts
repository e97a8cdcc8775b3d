// Mistake: stops as soon as the network is empty (after something was sent), skipping the rest of the script.
import { makeSimulate } from "../variants.ts";

export const simulate = makeSimulate({ stopsWhenQuiet: true });
