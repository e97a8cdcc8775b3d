import { describe, expect, it } from "vitest";
import { parseLessonMeta, splitFrontMatter } from "../../src/course/lesson-meta.ts";

const good = `
title: A lesson
exercises:
  - name: f
    task: Do f.
    hints: [first, second]
`;

describe("lesson metadata", () => {
  it("reads a valid front matter", () => {
    const meta = parseLessonMeta("content/01-x.md", good);
    expect(meta).toEqual({ title: "A lesson", exercises: [{ name: "f", task: "Do f.", hints: ["first", "second"] }], labs: [] });
  });

  it.each([
    ["title: ''\nexercises: []", "content/01-x.md: title: must be a non-empty string"],
    ["title: T\nexercises: []", "content/01-x.md: exercises: needs at least one exercise"],
    ["title: T\nexercises:\n  - name: f\n    task: t\n    hints: [only one]", "content/01-x.md: exercises[0].hints: needs at least 2 hints, found 1"],
    ["title: T\nexercises:\n  - name: f\n    task: t\n    hint: [a, b]", "content/01-x.md: exercises[0].hint: unknown field (expected one of: name, task, hints)"],
    ["title: T\nexercises:\n  - name: not-a-name\n    task: t\n    hints: [a, b]", 'content/01-x.md: exercises[0].name: "not-a-name" is not a function name'],
    ["title: T\nexercises:\n  - name: f\n    task: t\n    hints: [a, '']", "content/01-x.md: exercises[0].hints[1]: must be a non-empty string"],
    ["title: [unclosed", "content/01-x.md: front matter is not valid YAML"],
  ])("names the file and the field of a mistake: %s", (yaml, message) => {
    expect(() => parseLessonMeta("content/01-x.md", yaml)).toThrow(message);
  });

  it("rejects a lesson without front matter", () => {
    expect(() => splitFrontMatter("content/01-x.md", "# Just a heading\n")).toThrow(/content\/01-x.md: must start with front matter/);
  });
});
