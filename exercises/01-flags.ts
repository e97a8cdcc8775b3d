/**
 * Lesson 01: flags. Read content/01-flags.md first (`npm start`, then "Read").
 * Check your work with `npm run grade -- 01`.
 */
import type { Flags, Segment } from "../lib/tcp.ts";
import { notImplemented } from "../lib/not-implemented.ts";

/**
 * Packs the eight control bits into the header's flags byte (byte 13 of the
 * TCP header). Header order from the most significant bit: CWR ECE URG ACK PSH
 * RST SYN FIN, so CWR is 0x80 and FIN is 0x01.
 *
 * Example: encodeFlags(flags("SYN", "ACK")) === 0x12 (18).
 * Return an integer from 0 to 255. Do not change the argument.
 */
export function encodeFlags(f: Flags): number {
  throw notImplemented("encodeFlags");
}

/**
 * The reverse of encodeFlags: turns a flags byte (0 to 255) into one boolean
 * per flag name, all eight present.
 *
 * Example: decodeFlags(0x11) is { FIN: true, ACK: true, and the other six false }.
 */
export function decodeFlags(byte: number): Flags {
  throw notImplemented("decodeFlags");
}

/**
 * SEG.LEN (RFC 9293 §3.4): how many sequence numbers the segment occupies.
 * That is its payload bytes plus one for SYN plus one for FIN. No other flag
 * counts, and a pure ACK occupies none.
 *
 * Example: a SYN with no data has segLen 1; 100 data bytes with FIN: 101.
 */
export function segLen(segment: Segment): number {
  throw notImplemented("segLen");
}
