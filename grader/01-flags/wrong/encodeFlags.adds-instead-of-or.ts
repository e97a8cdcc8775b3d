// Mistake: a lookup table that is off by one place (ACK where PSH belongs): "ACK is 0x08".
import { type Flags } from "../../../lib/tcp.ts";

const BIT = { CWR: 0x80, ECE: 0x40, URG: 0x20, ACK: 0x08, PSH: 0x10, RST: 0x04, SYN: 0x02, FIN: 0x01 } as const;

export function encodeFlags(f: Flags): number {
  let byte = 0;
  for (const [name, bit] of Object.entries(BIT)) if (f[name as keyof Flags]) byte += bit;
  return byte;
}
