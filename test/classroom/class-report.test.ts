/** The class report, on a fixture class of a few students' grade --json documents. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classReportCommand } from "../../src/cli/class-report.ts";
import { recordingIo } from "../cli/helpers.ts";
import { broken, courseResult, failed, failure, notStarted, passed } from "./results.ts";

const wraps = failure("seqAdd wraps around at 2^32", "seqAdd(4294967295, 1)");
const wrapsOther = failure("seqAdd wraps around at 2^32", "seqAdd(4294967290, 9)");
const zero = failure("adding 0 changes nothing", "seqAdd(5, 0)");

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "workbook-class-"));
  const write = (path: string, doc: unknown) => {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), typeof doc === "string" ? doc : JSON.stringify(doc));
  };
  // As downloaded from the workflow's artifacts: one folder per student.
  write("ada/grade-results.json", courseResult({ "01-flags": [passed("encodeFlags")], "02-seq": [failed("seqAdd", wraps), passed("seqLt")] }));
  write("bob/grade-results.json", courseResult({ "01-flags": [passed("encodeFlags")], "02-seq": [failed("seqAdd", wraps), notStarted("seqLt")] }));
  write("cy/grade-results.json", courseResult({ "01-flags": [notStarted("encodeFlags")], "02-seq": [failed("seqAdd", wrapsOther), broken("seqLt")] }));
  write("dee.json", courseResult({ "01-flags": [passed("encodeFlags")], "02-seq": [failed("seqAdd", zero), passed("seqLt")] }));
  write("notes/readme.json", { hello: "not a grading result" });
  write("broken.json", "{ not json");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function report(...args: string[]) {
  const io = recordingIo(dir, { columns: 160 });
  const code = await classReportCommand([dir, ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe("npm run class-report", () => {
  it("gives each exercise's pass rate, and the property that fails most with its most common counterexample", async () => {
    const r = await report();
    expect(r.code).toBe(0);
    expect(r.out).toContain("4 students");
    expect(r.out).toMatch(/encodeFlags\s*│\s*75% \(3\/4\)/);
    expect(r.out).toMatch(/seqAdd\s*│\s*0% \(0\/4\)/);
    expect(r.out).toMatch(/3× seqAdd wraps around at 2\^32/);
    expect(r.out).toContain("seqAdd(4294967295, 1) (2×)");
    expect(r.out).not.toContain("4294967290"); // the less common counterexample
    expect(r.out.indexOf("wraps around")).toBeLessThan(r.out.indexOf("adding 0 changes nothing"));
    expect(r.out).toMatch(/Re-teach first: 02-seq seqAdd \(0%\)/);
  });

  it("skips, and names, files that are not grading results", async () => {
    const r = await report();
    expect(r.err).toContain("notes/readme.json");
    expect(r.err).toContain("broken.json");
  });

  it("writes Markdown with one table row per exercise", async () => {
    const r = await report("--format", "md");
    const rows = r.out.split("\n").filter((l) => l.startsWith("| 0"));
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain("| 02-seq | seqAdd | 0% (0/4) | 0 | 0 |");
    expect(rows[2]).toContain("| 02-seq | seqLt | 50% (2/4) | 1 | 1 |");
  });

  it("writes CSV with one row per failing property, every row as wide as the header", async () => {
    const r = await report("--format", "csv");
    const lines = r.out.trimEnd().split("\r\n");
    const cells = (line: string) => csvFields(line).length;
    expect(lines[0]).toBe("lesson,exercise,students,passed,pass_rate,not_started,broken,property,property_failures,counterexample,counterexample_students");
    for (const line of lines) expect(cells(line)).toBe(11);
    expect(lines).toContain('02-seq,seqAdd,4,0,0.000,0,0,seqAdd wraps around at 2^32,3,"seqAdd(4294967295, 1)",2');
    expect(lines).toContain('02-seq,seqAdd,4,0,0.000,0,0,adding 0 changes nothing,1,"seqAdd(5, 0)",1');
    expect(csvFields(lines.find((l) => l.includes("adding 0"))!)[9]).toBe("seqAdd(5, 0)");
  });

  it("refuses an unknown format and a missing folder", async () => {
    expect((await report("--format", "xml")).code).toBe(2);
    const io = recordingIo(dir);
    expect(await classReportCommand([join(dir, "nope")], io)).toBe(2);
  });
});

/** One RFC 4180 record's fields. */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') (field += '"'), i++;
    else if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) fields.push(field), (field = "");
    else field += ch;
  }
  return [...fields, field];
}
