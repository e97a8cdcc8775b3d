/**
 * Markdown for the terminal: marked + marked-terminal, with the block layout
 * made width-aware. marked-terminal 7.3.1 renders inline Markdown (bold, code
 * spans, emphasis…) well, but lays blocks out with no regard to the width: it
 * indents code and quotes after wrapping, so 80-column diagrams and paragraphs
 * spill over; tables grow as wide as their longest cell; and with marked ≥ 13 it
 * prints the inline Markdown of list items literally (marked-terminal #304, #371).
 * So paragraphs, lists, quotes, code, tables, headings and rules are laid out
 * here, and marked-terminal keeps the inline spans.
 */
import { Marked, type RendererObject, type Token, type Tokens } from "marked";
import { markedTerminal } from "marked-terminal";
import { stripVTControlCharacters } from "node:util";
import type { Colors } from "./colors.ts";
import { padVisible, visibleWidth, wrapAnsi } from "./text.ts";

export interface MarkdownOptions {
  /** Columns to lay the text out in (lessons are written for 80). */
  readonly width: number;
  readonly colors: Colors;
}

// marked-terminal hides ":" in code spans behind this marker until a block is
// finished (so its emoji pass leaves them alone); the blocks laid out here undo it.
const COLON_MARKER = "*#COLON|*";
// A hard line break inside a paragraph (Markdown's trailing two spaces or backslash).
const HARD_BREAK = "\r";
const MIN_WIDTH = 20;

/** Renders a Markdown document to terminal text, every line at most `width` columns (except code lines longer than that). */
export function renderMarkdown(markdown: string, options: MarkdownOptions): string {
  const c = options.colors;
  const widths = [Math.max(MIN_WIDTH, options.width)];
  const width = () => widths[widths.length - 1]!;
  const within = <T>(w: number, render: () => T): T => {
    widths.push(Math.max(MIN_WIDTH, w));
    try {
      return render();
    } finally {
      widths.pop();
    }
  };
  let listDepth = 0;

  const marked = new Marked();
  marked.use(
    markedTerminal({
      strong: c.bold,
      em: c.italic,
      codespan: c.yellow,
      del: (s: string) => c.dim(c.strikethrough(s)),
      link: (s: string) => s,
      href: c.underline,
      html: c.gray,
      text: (s: string) => s,
      emoji: false,
      unescape: true,
      reflowText: false,
    }) as Parameters<Marked["use"]>[0],
  );

  const overrides: RendererObject = {
    // The inline tokens of tight list items come as block-level `text` tokens (the marked-terminal bug).
    text(token) {
      if ("tokens" in token && token.tokens) return inline(this.parser, token.tokens);
      return false;
    },
    br() {
      return HARD_BREAK;
    },
    link(token) {
      const text = inline(this.parser, token.tokens);
      // Links between lessons ("[lesson 03](03-handshake.md)") already say where they go.
      if (!/^[a-z][a-z0-9+.-]*:/i.test(token.href)) return text;
      const bare = token.href.replace(/^(https?|mailto):(\/\/)?/, "");
      return stripVTControlCharacters(text) === token.href || stripVTControlCharacters(text) === bare
        ? c.underline(token.href)
        : `${text} (${c.underline(token.href)})`;
    },
    html(token) {
      return /^\s*<!--[\s\S]*-->\s*$/.test(token.text) ? "" : false;
    },
    paragraph(token) {
      return block(wrapText(inline(this.parser, token.tokens), width()));
    },
    heading(token) {
      const text = inline(this.parser, token.tokens);
      const styled =
        token.depth === 1 ? c.bold(c.underline(c.magenta(text))) : token.depth === 2 ? c.bold(c.green(text)) : c.bold(text);
      const plain = c.isColorSupported ? styled : `${"#".repeat(token.depth)} ${text}`;
      return block(wrapText(plain, width()));
    },
    hr() {
      return block([c.dim("─".repeat(width()))]);
    },
    code(token) {
      const lines = token.text.replace(/\t/g, "    ").replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "").split("\n");
      const widest = Math.max(0, ...lines.map(visibleWidth));
      // Indent as far as the block still fits: a 78-column diagram is never pushed past 80.
      const indent = widest + 4 <= width() ? 4 : widest + 2 <= width() ? 2 : 0;
      const paint = token.lang ? c.yellow : (s: string) => s;
      return block(lines.map((l) => (l === "" ? "" : " ".repeat(indent) + paint(l))));
    },
    blockquote(token) {
      const inner = within(width() - 2, () => this.parser.parse(token.tokens)).replace(/\n+$/, "");
      const bar = c.dim("│ ");
      return block(inner.split("\n").map((l) => (l === "" ? c.dim("│") : bar + l)));
    },
    list(token) {
      listDepth++;
      try {
        const items = token.items.map((item, i) => {
          const bullet = token.ordered ? `${Number(token.start || 1) + i}.` : listDepth % 2 === 1 ? "•" : "◦";
          const pad = bullet.length + 1;
          const body = within(width() - pad, () => listItem(this.parser, item));
          return body.map((l, n) => (n === 0 ? `${c.dim(bullet)} ${l}` : l === "" ? "" : " ".repeat(pad) + l));
        });
        const gap = token.loose ? [""] : [];
        return block(items.flatMap((lines, i) => (i === 0 ? lines : [...gap, ...lines])));
      } finally {
        listDepth--;
      }
    },
    table(token) {
      return block(table(this.parser, token));
    },
  };
  marked.use({ renderer: overrides });

  type Parser = ThisParameterType<NonNullable<RendererObject["paragraph"]>>["parser"];

  /** Inline Markdown to styled text (marked-terminal's spans), with its markers undone. */
  function inline(parser: Parser, tokens: Token[]): string {
    return tidy(parser.parseInline(tokens));
  }

  function listItem(parser: Parser, item: Tokens.ListItem): string[] {
    const out: string[] = [];
    let prefix = item.task ? (item.checked ? "[x] " : "[ ] ") : "";
    for (const t of item.tokens) {
      if (t.type === "checkbox") continue;
      let lines: string[];
      if (t.type === "text") {
        const text = "tokens" in t && t.tokens ? inline(parser, t.tokens) : tidy(t.text);
        lines = wrapText(prefix + text, width());
      } else {
        const rendered = parser.parse([t]).replace(/\n+$/, "");
        lines = rendered === "" ? [] : rendered.split("\n");
        if (prefix && lines.length > 0) lines[0] = prefix + lines[0];
        if (item.loose && out.length > 0 && lines.length > 0) out.push("");
      }
      prefix = "";
      out.push(...lines);
    }
    return out.length > 0 ? out : [prefix.trimEnd()];
  }

  function table(parser: Parser, token: Tokens.Table): string[] {
    const header = token.header.map((cell) => inline(parser, cell.tokens));
    const rows = token.rows.map((row) => row.map((cell) => inline(parser, cell.tokens)));
    const columns = header.length;
    const natural = header.map((_, i) => Math.max(1, ...[header, ...rows].map((r) => visibleWidth(r[i] ?? ""))));
    // "│ a │ b │": three columns of border and padding per cell, plus one.
    const room = width() - (3 * columns + 1);
    const widths = [...natural];
    while (widths.reduce((a, b) => a + b, 0) > room) {
      const widest = widths.indexOf(Math.max(...widths));
      if (widths[widest]! <= 6) break;
      widths[widest]!--;
    }
    const align = (text: string, i: number) => {
      const gap = widths[i]! - visibleWidth(text);
      if (token.align[i] === "right") return " ".repeat(gap) + text;
      if (token.align[i] === "center") return " ".repeat(Math.floor(gap / 2)) + padVisible(text, widths[i]! - Math.floor(gap / 2));
      return padVisible(text, widths[i]!);
    };
    const border = (left: string, mid: string, right: string) => c.dim(left + widths.map((w) => "─".repeat(w + 2)).join(mid) + right);
    const renderRow = (cells: readonly string[], style: (s: string) => string) => {
      const wrapped = widths.map((w, i) => wrapAnsi(cells[i] ?? "", w, true).map(style));
      const height = Math.max(...wrapped.map((w) => w.length));
      return Array.from({ length: height }, (_, line) =>
        c.dim("│") + wrapped.map((cell, i) => ` ${align(cell[line] ?? "", i)} `).join(c.dim("│")) + c.dim("│"),
      );
    };
    const body = rows.map((r) => renderRow(r, (s) => s));
    const tall = body.some((r) => r.length > 1);
    return [
      border("┌", "┬", "┐"),
      ...renderRow(header, c.bold),
      border("├", "┼", "┤"),
      ...body.flatMap((r, i) => (tall && i > 0 ? [border("├", "┼", "┤"), ...r] : r)),
      border("└", "┴", "┘"),
    ];
  }

  const rendered = marked.parse(markdown, { async: false }) as string;
  return rendered.replace(/\n{3,}/g, "\n\n").replace(/\s+$/, "") + "\n";
}

/** A finished block: its lines, then the blank line that separates blocks. */
function block(lines: readonly string[]): string {
  return `${lines.join("\n")}\n\n`;
}

/** Wraps text that may contain hard breaks. */
function wrapText(text: string, width: number): string[] {
  return text.split(HARD_BREAK).flatMap((part) => wrapAnsi(part, width));
}

function tidy(text: string): string {
  return text
    .split(COLON_MARKER)
    .join(":")
    .replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'" })[e]!);
}
