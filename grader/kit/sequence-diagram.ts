/**
 * Two-column sequence diagrams for counterexamples, the way the handshake and
 * the teardown are taught: one endpoint on each side, a lifeline each, arrows
 * labelled with flags, seq and ack, and each end's state beside its lifeline.
 *
 *   client                                                                  server
 *   CLOSED       |                                                  | LISTEN
 *   SYN-SENT     |-- SYN seq=100 ---------------------------------->| SYN-RECEIVED
 *   ESTABLISHED  |<---------------------- SYN,ACK seq=300 ack=101 --|
 *                |-- ACK seq=101 ack=301 -------------------------->| ESTABLISHED
 *
 * A diagram is a list of rows. Each row may show text in the left and right
 * columns (usually that end's state after the row) and, between the lifelines,
 * either an arrow or a line of text. Lines fit in 78 columns unless a label is
 * longer than 42 characters (then the arrow grows) or a column's text is longer
 * than 12 (then it pushes the lifeline right).
 *
 * Used by lessons 03 and 04 (state-machine failures) and lesson 08 (simulator runs).
 */
import { segmentText, type Segment } from "../../lib/tcp.ts";

export type DiagramSide = "left" | "right";

/**
 * How a segment's arrow is drawn:
 * - "delivered": sent and received in this row (a full arrow);
 * - "lost": sent and lost on the way (the arrow stops at an X);
 * - "sent": leaves now and arrives in a later row (the arrow ends in "...");
 * - "received": a segment sent in an earlier row arrives now (it starts with "...").
 */
export type ArrowStyle = "delivered" | "lost" | "sent" | "received";

export type DiagramMiddle =
  | { readonly arrow: DiagramSide; readonly label: string; readonly style?: ArrowStyle }
  | { readonly text: string; readonly align?: DiagramSide | "center" };

export interface DiagramRow {
  /** Text in the left column: usually the left end's state after this row. */
  readonly left?: string;
  /** Text in the right column: usually the right end's state after this row. */
  readonly right?: string;
  /** An arrow (`arrow` is the side it starts from) or a line of text between the lifelines. */
  readonly middle?: DiagramMiddle;
}

export interface Diagram {
  /** Heading of the left column, e.g. "client (your code)". */
  readonly left: string;
  /** Heading of the right column, e.g. "server (peer)". */
  readonly right: string;
  readonly rows: readonly DiagramRow[];
  /** Lines of text under the diagram (e.g. "expected CLOSE-WAIT, yours stayed ESTABLISHED"). */
  readonly footer?: readonly string[];
}

/** Width of each side column, and of the space between the two lifelines. */
const SIDE = 12;
const MIDDLE = 50;

/**
 * "SYN,ACK seq=300 ack=101": the flags that are set, in header order but with
 * the handshake's familiar order SYN,ACK / FIN,ACK / RST,ACK, then seq, then ack
 * only when the ACK flag is set, then the payload length when there is one.
 * Values that are not valid sequence numbers are printed as they are.
 */

/** Segments in a row: "SYN,ACK seq=300 ack=101; ACK seq=101 ack=301", or "nothing". */
export function segmentsLabel(segments: readonly Segment[]): string {
  return segments.length === 0 ? "nothing" : segments.map(segmentText).join("; ");
}

export function drawSequenceDiagram(diagram: Diagram): string {
  const lines: string[] = [];
  const width = SIDE + 2 + MIDDLE + 2 + SIDE;
  const heading = diagram.left + " ".repeat(Math.max(1, width - diagram.left.length - diagram.right.length)) + diagram.right;
  lines.push(heading.trimEnd());
  for (const row of diagram.rows) {
    const middle = row.middle === undefined ? " ".repeat(MIDDLE) : "arrow" in row.middle ? arrow(row.middle) : text(row.middle);
    const left = (row.left ?? "").padEnd(SIDE);
    lines.push(`${left} |${middle}| ${row.right ?? ""}`.trimEnd());
  }
  for (const line of diagram.footer ?? []) lines.push(line);
  return lines.join("\n");
}

function arrow(m: { readonly arrow: DiagramSide; readonly label: string; readonly style?: ArrowStyle }): string {
  const style = m.style ?? "delivered";
  const label = m.label;
  // The arrow spans the whole middle, or more when the label needs it.
  const width = Math.max(MIDDLE, label.length + 8);
  const dashes = (n: number) => "-".repeat(Math.max(1, n));
  // Where a lost or still-travelling arrow stops, counted from its start.
  const stop = (fraction: number) => Math.max(Math.floor(width * fraction), label.length + 6);
  if (m.arrow === "left") {
    const head = `-- ${label} `;
    switch (style) {
      case "delivered":
        return head + dashes(width - head.length - 1) + ">";
      case "lost":
        return (head + dashes(stop(0.75) - head.length - 1) + "X").padEnd(width);
      case "sent":
        return (head + dashes(stop(0.6) - head.length - 4) + " ...").padEnd(width);
      case "received": {
        const start = `... ${label} `;
        return start + dashes(width - start.length - 1) + ">";
      }
    }
  }
  const tail = ` ${label} --`;
  switch (style) {
    case "delivered":
      return "<" + dashes(width - tail.length - 1) + tail;
    case "lost":
      return ("X" + dashes(stop(0.75) - tail.length - 1) + tail).padStart(width);
    case "sent":
      return ("... " + dashes(stop(0.6) - tail.length - 4) + tail).padStart(width);
    case "received": {
      const end = ` ${label} ...`;
      return "<" + dashes(width - end.length - 1) + end;
    }
  }
}

function text(m: { readonly text: string; readonly align?: DiagramSide | "center" }): string {
  const t = ` ${m.text} `;
  if (t.length >= MIDDLE) return t;
  const align = m.align ?? "center";
  if (align === "left") return t.padEnd(MIDDLE);
  if (align === "right") return t.padStart(MIDDLE);
  const before = Math.floor((MIDDLE - t.length) / 2);
  return " ".repeat(before) + t + " ".repeat(MIDDLE - t.length - before);
}
