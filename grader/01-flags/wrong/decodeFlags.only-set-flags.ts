// Mistake: returns only the flags that are set, leaving the others out instead of false.
import { FLAG_NAMES, type Flags } from "../../../lib/tcp.ts";

export function decodeFlags(byte: number): Flags {
  const out: Partial<Record<(typeof FLAG_NAMES)[number], boolean>> = {};
  FLAG_NAMES.forEach((name, i) => {
    if (byte & (0x80 >> i)) out[name] = true;
  });
  return out as Flags;
}
