/** Lesson 01, reference solution. */
import { FLAG_NAMES, type FlagName, type Flags, type Segment } from "../lib/tcp.ts";

/** The bit of each flag in the header's flags byte: CWR is the high bit, FIN the low one. */
function bitOf(name: FlagName): number {
  return 1 << (FLAG_NAMES.length - 1 - FLAG_NAMES.indexOf(name));
}

export function encodeFlags(f: Flags): number {
  let byte = 0;
  for (const name of FLAG_NAMES) {
    if (f[name]) byte |= bitOf(name);
  }
  return byte;
}

export function decodeFlags(byte: number): Flags {
  const out = {} as Record<FlagName, boolean>;
  for (const name of FLAG_NAMES) out[name] = (byte & bitOf(name)) !== 0;
  return out;
}

/** SYN and FIN each occupy one sequence number, as if they were a byte of data (RFC 9293 §3.4). */
export function segLen(segment: Segment): number {
  return segment.dataLength + (segment.flags.SYN ? 1 : 0) + (segment.flags.FIN ? 1 : 0);
}
