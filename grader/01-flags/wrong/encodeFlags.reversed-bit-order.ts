// Mistake: numbers the flags from FIN = 0x80 down to CWR = 0x01, reading the header diagram backwards.
import { FLAG_NAMES, type Flags } from "../../../lib/tcp.ts";

export function encodeFlags(f: Flags): number {
  return FLAG_NAMES.reduce((byte, name, i) => (f[name] ? byte | (1 << i) : byte), 0);
}
