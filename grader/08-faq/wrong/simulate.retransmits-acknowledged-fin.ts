// Mistake: retransmits the last SYN or FIN even when it was already acknowledged (e.g. from FIN-WAIT-2 or TIME-WAIT).
import { makeSimulate } from "../variants.ts";

export const simulate = makeSimulate({ retransmitsAcknowledged: true });
