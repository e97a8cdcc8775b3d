/** `npm run export-template` as a teacher runs it, on a copy of the fixture course. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { exportTemplateCommand } from "../../src/cli/export-template.ts";
import { copyFixture, recordingIo, removeCourse } from "../cli/helpers.ts";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const course = (lessons: string[]) => {
  const root = copyFixture(lessons);
  made.push(root);
  return root;
};
const target = () => {
  const dir = mkdtempSync(join(tmpdir(), "workbook-export-"));
  made.push(dir);
  return join(dir, "template");
};

describe("npm run export-template", () => {
  it("writes the stubs, never a teacher's solved file, and leaves their progress behind", async () => {
    const root = course(["03-not-started"]);
    writeFileSync(join(root, "progress.json"), "{}");
    const stub = readFileSync(join(root, "exercises/03-not-started.ts"), "utf8");
    const io = recordingIo(root);
    // The workbook snapshots untouched stubs whenever a command loads the course: the teacher then solves the lesson.
    expect(await exportTemplateCommand([target()], io)).toBe(0);
    writeFileSync(join(root, "exercises/03-not-started.ts"), "export const add = (a: number, b: number) => a + b;\nexport const double = (n: number) => 2 * n;\n");
    const out = target();
    expect(await exportTemplateCommand([out], recordingIo(root))).toBe(0);
    expect(readFileSync(join(out, "exercises/03-not-started.ts"), "utf8")).toBe(stub);
    expect(existsSync(join(out, "progress.json"))).toBe(false);
  });

  it("refuses when a solved exercise file has no original to put back", async () => {
    const root = course(["01-basics"]); // solved, no git, no snapshot
    const io = recordingIo(root);
    expect(await exportTemplateCommand([target()], io)).toBe(2);
    expect(io.err()).toContain("exercises/01-basics.ts is not a stub");
  });

  it("will not write into a folder that is not empty", async () => {
    const root = course(["03-not-started"]);
    const out = target();
    expect(await exportTemplateCommand([out], recordingIo(root))).toBe(0);
    const io = recordingIo(root);
    expect(await exportTemplateCommand([out], io)).toBe(2);
    expect(io.err()).toContain("not empty");
  });

  it("leaves out the references and the lessons' specs with --closed-book, and cannot export from such a copy", async () => {
    const root = course(["03-not-started"]);
    const out = target();
    expect(await exportTemplateCommand([out, "--closed-book"], recordingIo(root))).toBe(0);
    expect(existsSync(join(out, "solutions"))).toBe(false);
    expect(existsSync(join(out, "grader/03-not-started"))).toBe(false);
    expect(existsSync(join(out, "content/03-not-started.md"))).toBe(true);
    const io = recordingIo(out);
    expect(await exportTemplateCommand([target()], io)).toBe(2);
    expect(io.err()).toContain("complete copy");
    removeCourse(out);
  });
});
