// Mistake: only what close() sends goes into the network; the ACK an end sends when a FIN arrives is forgotten.
import { makeCloseOutcome } from "../close-variants.ts";

export const closeOutcome = makeCloseOutcome({ forgetReplies: true });
