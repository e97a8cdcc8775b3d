// Mistake: one "deliver" step hands over every segment travelling to that end, not just the oldest one.
import { makeCloseOutcome } from "../close-variants.ts";

export const closeOutcome = makeCloseOutcome({ deliver: (inbox) => inbox.splice(0) });
