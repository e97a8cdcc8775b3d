import { describe, expect, it } from "vitest";
import { hintMatches, parseLessonMeta, splitFrontMatter } from "../../src/course/lesson-meta.ts";

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
    expect(meta).toEqual({ title: "A lesson", exercises: [{ name: "f", task: "Do f.", hints: [{ text: "first" }, { text: "second" }] }], labs: [] });
  });

  it("reads a hint written for some failures, and matches it only to them", () => {
    const meta = parseLessonMeta(
      "content/01-x.md",
      `${good.replace("hints: [first, second]", "hints:\n      - first\n      - second")}      - text: For a SYN in SYN-SENT.\n        properties: [opening row]\n        input: "^SYN-SENT .*SYN seq"\n`,
    );
    const hint = meta.exercises[0]!.hints[2]!;
    expect(hint).toEqual({ text: "For a SYN in SYN-SENT.", properties: ["opening row"], input: "^SYN-SENT .*SYN seq" });
    expect(hintMatches(hint, { property: "every Opening Row gives the RFC's answer", input: "SYN-SENT (iss=1) + a SYN: segment SYN seq=5" })).toBe(true);
    expect(hintMatches(hint, { property: "every opening row gives the RFC's answer", input: "LISTEN (iss=1) + a SYN: segment SYN seq=5" })).toBe(false);
    expect(hintMatches(hint, { property: "the handshake ends ESTABLISHED", input: "SYN-SENT (iss=1) + a SYN: segment SYN seq=5" })).toBe(false);
    expect(hintMatches(meta.exercises[0]!.hints[0]!, { property: "anything", input: "anything" })).toBe(false);
  });

  it.each([
    ["title: ''\nexercises: []", "content/01-x.md: title: must be a non-empty string"],
    ["title: T\nexercises: []", "content/01-x.md: exercises: needs at least one exercise"],
    ["title: T\nexercises:\n  - name: f\n    task: t\n    hints: [only one]", "content/01-x.md: exercises[0].hints: needs at least 2 hints, found 1"],
    ["title: T\nexercises:\n  - name: f\n    task: t\n    hint: [a, b]", "content/01-x.md: exercises[0].hint: unknown field (expected one of: name, task, hints)"],
    ["title: T\nexercises:\n  - name: not-a-name\n    task: t\n    hints: [a, b]", 'content/01-x.md: exercises[0].name: "not-a-name" is not a function name'],
    ["title: T\nexercises:\n  - name: f\n    task: t\n    hints: [a, '']", "content/01-x.md: exercises[0].hints[1]: must be a non-empty string"],
    ["title: T\nexercises:\n  - name: f\n    task: t\n    hints: [a, {text: b}]", "content/01-x.md: exercises[0].hints[1].properties: must list the properties"],
    ["title: T\nexercises:\n  - name: f\n    task: t\n    hints: [a, {text: b, properties: [p], input: '('}]", "content/01-x.md: exercises[0].hints[1].input: is not a regular expression"],
    ["title: T\nexercises:\n  - name: f\n    task: t\n    hints: [a, {text: b, when: [p]}]", "content/01-x.md: exercises[0].hints[1].when: unknown field"],
    ["title: [unclosed", "content/01-x.md: front matter is not valid YAML"],
  ])("names the file and the field of a mistake: %s", (yaml, message) => {
    expect(() => parseLessonMeta("content/01-x.md", yaml)).toThrow(message);
  });

  it("rejects a lesson without front matter", () => {
    expect(() => splitFrontMatter("content/01-x.md", "# Just a heading\n")).toThrow(/content\/01-x.md: must start with front matter/);
  });
});
