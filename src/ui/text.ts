/**
 * Measuring and wrapping terminal text that may hold colour codes: how many
 * columns a string takes, word-wrapping to a width without cutting a colour in
 * half, and shortening a line to fit.
 */
import { stripVTControlCharacters } from "node:util";

// Any SGR sequence ("\x1b[1m", "\x1b[39m", …): the only escapes our renderers produce.
const SGR = /\x1b\[[0-9;]*m/g;

/** Columns a string takes on a terminal: colour codes take none, wide (CJK) characters two, combining marks none. */
export function visibleWidth(text: string): number {
  let width = 0;
  for (const ch of stripVTControlCharacters(text)) width += charWidth(ch.codePointAt(0)!);
  return width;
}

function charWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if ((cp >= 0x300 && cp <= 0x36f) || cp === 0x200b || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Pads with spaces on the right to `width` columns (never cuts). */
export function padVisible(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - visibleWidth(text)));
}

/**
 * Word-wraps one paragraph (its newlines count as spaces) to `width` columns.
 * A colour that spans a line break is closed at the end of the line and
 * reopened on the next, so every line stands on its own (pagers, table cells).
 * Words longer than the width stay whole unless `breakLongWords`.
 */
export function wrapAnsi(text: string, width: number, breakLongWords = false): string[] {
  const words = text.replace(/\s+/g, " ").trim().split(" ").filter((w) => w !== "");
  const lines: string[] = [];
  let line = "";
  let lineWidth = 0;
  const flush = () => {
    lines.push(line);
    line = "";
    lineWidth = 0;
  };
  for (const word of words) {
    const w = visibleWidth(word);
    if (lineWidth > 0 && lineWidth + 1 + w > width) flush();
    if (w > width && breakLongWords) {
      for (const piece of splitVisible(word, width)) {
        if (lineWidth > 0) flush();
        line = piece;
        lineWidth = visibleWidth(piece);
      }
      continue;
    }
    line += (lineWidth > 0 ? " " : "") + word;
    lineWidth += (lineWidth > 0 ? 1 : 0) + w;
  }
  if (line !== "" || lines.length === 0) flush();
  return balanceColours(lines);
}

/** Cuts a string into pieces of at most `width` columns, keeping colour codes with their text. */
function splitVisible(text: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  let w = 0;
  for (const token of text.split(/(\x1b\[[0-9;]*m)/)) {
    if (token.startsWith("\x1b[")) {
      piece += token;
      continue;
    }
    for (const ch of token) {
      const cw = charWidth(ch.codePointAt(0)!);
      if (w + cw > width && w > 0) {
        pieces.push(piece);
        piece = "";
        w = 0;
      }
      piece += ch;
      w += cw;
    }
  }
  if (piece !== "") pieces.push(piece);
  return pieces;
}

/** Makes each line close the colours it leaves open and reopen the ones it inherits. */
export function balanceColours(lines: readonly string[]): string[] {
  let open: string[] = [];
  return lines.map((line) => {
    const prefix = open.join("");
    for (const code of line.match(SGR) ?? []) open = applySgr(open, code);
    return prefix + line + (open.length > 0 ? "\x1b[0m" : "");
  });
}

// Which SGR parameters close which: 22 closes bold/dim, 23 italic, 24 underline, 27 inverse, 29 strike, 39 fg, 49 bg.
const CLOSERS: Record<string, (p: number) => boolean> = {
  "22": (p) => p === 1 || p === 2,
  "23": (p) => p === 3,
  "24": (p) => p === 4,
  "27": (p) => p === 7,
  "28": (p) => p === 8,
  "29": (p) => p === 9,
  "39": (p) => (p >= 30 && p <= 38) || (p >= 90 && p <= 97),
  "49": (p) => (p >= 40 && p <= 48) || (p >= 100 && p <= 107),
};

function applySgr(open: string[], code: string): string[] {
  const params = code.slice(2, -1);
  if (params === "" || params === "0") return [];
  const closer = CLOSERS[params];
  if (closer) return open.filter((c) => !closer(Number(c.slice(2, -1).split(";")[0])));
  return [...open, code];
}

/** Shortens a line to `width` columns, ending in "…" when it had to cut. */
export function truncateVisible(text: string, width: number): string {
  if (visibleWidth(text) <= width) return text;
  if (width <= 1) return "…".slice(0, width);
  const [first = ""] = splitVisible(text, width - 1);
  return balanceColours([`${first}…`])[0]!;
}
