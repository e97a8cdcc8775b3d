/**
 * How lesson 02's counterexamples are printed: sequence numbers with their
 * landmark names ("4294967295 (2^32 − 1)"), distances in words ("b is 1 step
 * ahead of a"), and a number line for receive-window cases.
 */
import { SEQ_MODULUS } from "../../lib/tcp.ts";

export const HALF = SEQ_MODULUS / 2;

/** x reduced into 0 … 2^32 − 1 (the grader's own arithmetic, independent of any solution). */
export function wrap(x: number): number {
  const r = x % SEQ_MODULUS;
  return r < 0 ? r + SEQ_MODULUS : r;
}

/** Forward distance from `from` to `to`, 0 … 2^32 − 1. */
export function forward(from: number, to: number): number {
  return wrap(to - from);
}

/** The same distance read as a signed offset in (−2^31, 2^31]: "to" is this far ahead (or behind when negative). */
export function signedOffset(from: number, to: number): number {
  const d = forward(from, to);
  return d > HALF ? d - SEQ_MODULUS : d;
}

const LANDMARKS: ReadonlyMap<number, string> = new Map([
  [HALF - 2, "2^31 − 2"],
  [HALF - 1, "2^31 − 1"],
  [HALF, "2^31"],
  [HALF + 1, "2^31 + 1"],
  [SEQ_MODULUS - 3, "2^32 − 3"],
  [SEQ_MODULUS - 2, "2^32 − 2"],
  [SEQ_MODULUS - 1, "2^32 − 1"],
]);

/** A sequence number, with its landmark name when it has one; flags values outside 0 … 2^32 − 1. */
export function seq(n: number): string {
  if (typeof n !== "number") return String(n);
  if (!Number.isInteger(n)) return `${n} (not a whole number!)`;
  if (n < 0) return `${n} (negative: outside the sequence space 0 … 2^32 − 1)`;
  if (n === SEQ_MODULUS) return `${n} (2^32: one past the largest sequence number)`;
  if (n > SEQ_MODULUS) return `${n} (outside the sequence space 0 … 2^32 − 1)`;
  const name = LANDMARKS.get(n);
  return name ? `${n} (${name})` : String(n);
}

/** A signed step count in words. */
export function steps(n: number): string {
  return `${n} step${Math.abs(n) === 1 ? "" : "s"}`;
}

/** Where b sits relative to a, going round the circle. */
export function whereIs(b: string, a: string, from: number, to: number): string {
  const d = forward(from, to);
  if (d === 0) return `${b} equals ${a}`;
  if (d === HALF) return `${b} is exactly 2^31 steps from ${a}, halfway round the circle`;
  if (d < HALF) return `${b} is ${steps(d)} ahead of ${a}`;
  return `${b} is ${steps(SEQ_MODULUS - d)} behind ${a}`;
}

/** "RCV.NXT+3" / "RCV.NXT−1" / "RCV.NXT". */
export function relative(base: string, offset: number): string {
  if (offset === 0) return base;
  return offset > 0 ? `${base}+${offset}` : `${base}−${-offset}`;
}

/** `count` sequence numbers from base+from: "only RCV.NXT−1" or "RCV.NXT … RCV.NXT+3". */
function span(base: string, from: number, count: number): string {
  if (count === 1) return `only ${relative(base, from)}`;
  return `${relative(base, from)} … ${relative(base, from + count - 1)}`;
}

export function bool(b: unknown): string {
  return typeof b === "boolean" ? String(b) : `${String(b)} (not a boolean!)`;
}

export interface WindowCase {
  readonly rcvNxt: number;
  readonly rcvWnd: number;
  readonly seq: number;
  readonly len: number;
}

export function windowInput(c: WindowCase): string {
  return `RCV.NXT=${seq(c.rcvNxt)} RCV.WND=${c.rcvWnd} SEG.SEQ=${seq(c.seq)} SEG.LEN=${c.len}`;
}

/**
 * The receive window and the segment, positioned relative to RCV.NXT. A number
 * line is drawn when everything fits in a few dozen columns; otherwise words.
 */
export function windowPicture(c: WindowCase): string {
  const start = signedOffset(c.rcvNxt, c.seq);
  const lines: string[] = [];
  lines.push(
    c.rcvWnd === 0
      ? `the window is closed (RCV.WND = 0)`
      : `the window holds ${span("RCV.NXT", 0, c.rcvWnd)}`,
  );
  lines.push(
    c.len === 0
      ? `the segment occupies no sequence space; SEG.SEQ = ${relative("RCV.NXT", start)}`
      : `the segment occupies ${span("RCV.NXT", start, c.len)}`,
  );

  const lo = Math.min(0, start) - 1;
  const hi = Math.max(c.rcvWnd, start + Math.max(c.len, 1)) + 1;
  if (hi - lo <= 24) {
    const cell = (i: number) => String(i >= 0 ? `+${i}` : i).padStart(3, " ");
    const cols: number[] = [];
    for (let i = lo; i < hi; i++) cols.push(i);
    const mark = (inside: (i: number) => boolean, ch: string) => cols.map((i) => (inside(i) ? ` ${ch}${ch}` : "   ")).join("");
    lines.push("");
    lines.push(`offset   ${cols.map(cell).join("")}   (from RCV.NXT)`);
    lines.push(`window   ${c.rcvWnd === 0 ? "   ".repeat(cols.length) + "   (closed)" : mark((i) => i >= 0 && i < c.rcvWnd, "=")}`);
    lines.push(`segment  ${c.len === 0 ? mark((i) => i === start, "|") + "   (empty, at SEG.SEQ)" : mark((i) => i >= start && i < start + c.len, "#")}`);
  }
  return lines.join("\n");
}
