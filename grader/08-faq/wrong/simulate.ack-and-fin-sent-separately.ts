// Mistake: with thenClose, still sends the lone ACK before the FIN, so the close takes four segments.
import { makeSimulate } from "../variants.ts";

export const simulate = makeSimulate({ noPiggyback: true });
