// Mistake: reads bit 0 as CWR and bit 7 as FIN.
import { FLAG_NAMES, type Flags } from "../../../lib/tcp.ts";

export function decodeFlags(byte: number): Flags {
  return Object.fromEntries(FLAG_NAMES.map((name, i) => [name, (byte & (1 << i)) !== 0])) as Flags;
}
