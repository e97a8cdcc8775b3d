// Mistake: "deliver" takes the newest segment travelling to that end instead of the oldest (a stack, not a queue).
import { makeCloseOutcome } from "../close-variants.ts";

export const closeOutcome = makeCloseOutcome({ deliver: (inbox) => inbox.splice(-1) });
