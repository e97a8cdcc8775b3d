// Mistake: knows only RFC 793's six flags (URG..FIN) and drops CWR and ECE, as the article's "6 flags" suggests.
import { type Flags } from "../../../lib/tcp.ts";

const SIX = ["URG", "ACK", "PSH", "RST", "SYN", "FIN"] as const;

export function encodeFlags(f: Flags): number {
  return SIX.reduce((byte, name, i) => (f[name] ? byte | (1 << (5 - i)) : byte), 0);
}
