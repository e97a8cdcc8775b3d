// Mistake: "delay" lets only the next segment overtake the held-up one (swaps the first two) instead of moving it behind everything in flight. Only visible with three or more segments in flight.
import { makeSimulate } from "../variants.ts";

export const simulate = makeSimulate({ delayOnePlace: true });
