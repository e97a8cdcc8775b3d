/**
 * Builds small courses in a temporary folder for testing the self-check: each
 * lesson starts valid (one exercise, `add`, with a spec and three caught mistakes)
 * and a test breaks it in exactly one way.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PROJECT_ROOT } from "../../src/course/course.ts";

/** The stubs import the workbook's own lib, so the grader recognises "not implemented". */
const NOT_IMPLEMENTED = join(PROJECT_ROOT, "lib", "not-implemented.ts");

export type LessonFiles = Record<string, string>;

/** A valid lesson's files, by path relative to the course root. */
export function validLesson(slug: string): LessonFiles {
  return {
    [`content/${slug}.md`]: `---
title: Tiny lesson ${slug}
exercises:
  - name: add
    task: Add two numbers.
    hints: [Use the plus sign., "a + b"]
---

# Tiny

Nothing to read.
`,
    [`exercises/${slug}.ts`]: `import { notImplemented } from ${JSON.stringify(NOT_IMPLEMENTED)};

export function add(a: number, b: number): number {
  throw notImplemented("add");
}
`,
    [`solutions/${slug}.ts`]: `export function add(a: number, b: number): number {
  return a + b;
}
`,
    // Plain objects: the kit's helpers only add types. \`every\` needs no fast-check.
    [`grader/${slug}/spec.ts`]: `export default {
  add: [{ name: "adds", input: { every: [[0, 0], [1, 2], [-3, 5], [2, 2]] }, run: (m: any, [a, b]: number[]) => m.add(a, b) }],
};
`,
    [`grader/${slug}/wrong/add.subtracts.ts`]: `// Mistake: subtracts.
export function add(a: number, b: number): number {
  return a - b;
}
`,
    [`grader/${slug}/wrong/add.multiplies.ts`]: `// Mistake: multiplies.
export function add(a: number, b: number): number {
  return a * b;
}
`,
    [`grader/${slug}/wrong/add.first-only.ts`]: `// Mistake: forgets the second number.
export function add(a: number, b: number): number {
  return a;
}
`,
  };
}

/** Writes a course folder; a file whose content is null is left out. */
export function writeCourse(files: Record<string, string | null>): string {
  const root = mkdtempSync(join(tmpdir(), "workbook-tiny-course-"));
  writeFileSync(join(root, "package.json"), '{ "type": "module" }\n');
  mkdirSync(join(root, "content"));
  for (const [path, text] of Object.entries(files)) {
    if (text === null) continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
