// Mistake: ignores handshake "two-way": the listener still waits in SYN-RECEIVED.
import { makeSimulate } from "../variants.ts";

export const simulate = makeSimulate({ alwaysThreeWay: true });
