/** Long text one screen at a time; printed as is when there is no terminal or it fits. */
import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { page } from "../../src/ui/pager.ts";

const TEXT = Array.from({ length: 50 }, (_, i) => `line ${i + 1}`).join("\n");

function terminal(rows: number, tty = true) {
  let written = "";
  const stdout = Object.assign(
    new Writable({
      write(chunk, _e, done) {
        written += String(chunk);
        done();
      },
    }),
    { isTTY: tty, rows, columns: 80 },
  );
  const stdin = Object.assign(new PassThrough(), { isTTY: tty, setRawMode: () => {} });
  return { io: { stdout, stdin }, written: () => written, type: (keys: string) => stdin.write(keys) };
}

describe("the pager", () => {
  it("prints everything when there is no terminal, or when the text fits", async () => {
    const piped = terminal(10, false);
    await page(TEXT, piped.io, { title: "Lesson 01" });
    expect(piped.written()).toBe(`${TEXT}\n`);
    const roomy = terminal(60);
    await page(TEXT, roomy.io, { title: "Lesson 01" });
    expect(roomy.written()).toBe(`${TEXT}\n`);
  });

  it("pages with space and b, and gives the screen back on q (built-in pager, when less is missing)", async () => {
    const t = terminal(10);
    const shown = page(TEXT, t.io, { title: "Lesson 01", env: { WORKBOOK_PAGER: "builtin" } });
    expect(t.written()).toContain("\x1b[?1049h"); // the alternate screen: the menu is still there afterwards
    expect(t.written()).toContain("Lesson 01 · lines 1-9 of 50 (18%) · space next page · b page back · q close");
    t.type(" ");
    await new Promise((resolve) => setImmediate(resolve));
    expect(t.written()).toContain("lines 9-17 of 50");
    t.type("b");
    t.type("q");
    await shown;
    expect(t.written().endsWith("\x1b[?25h\x1b[?1049l")).toBe(true);
  });
});
