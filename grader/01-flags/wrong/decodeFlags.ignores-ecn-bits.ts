// Mistake: decodes RFC 793's six flags only, so CWR and ECE always come out false.
import { FLAG_NAMES, type Flags } from "../../../lib/tcp.ts";

export function decodeFlags(byte: number): Flags {
  return Object.fromEntries(FLAG_NAMES.map((name, i) => [name, i >= 2 && (byte & (0x80 >> i)) !== 0])) as Flags;
}
