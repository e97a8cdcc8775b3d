/** A hint written for some failures must name a property its exercise really has: a renamed property would orphan it silently. */
import { rmSync } from "node:fs";
import { afterAll, expect, it } from "vitest";
import { checkCourse } from "../../src/course/self-check.ts";
import { validLesson, writeCourse } from "./tiny-course.ts";

const withHint = (slug: string, words: string) => {
  const files = validLesson(slug);
  files[`content/${slug}.md`] = files[`content/${slug}.md`]!.replace(
    'hints: [Use the plus sign., "a + b"]',
    `hints:\n      - Use the plus sign.\n      - a + b\n      - text: Mind the signs.\n        properties: [${words}]\n        input: "-"`,
  );
  return files;
};
const root = writeCourse({ ...withHint("01-names-a-property", "ADDS"), ...withHint("02-names-none", "multiplies") });
afterAll(() => rmSync(root, { recursive: true, force: true }));

it("accepts a hint that names a property (any case) and refuses one that names none, saying which", async () => {
  const report = await checkCourse(root, { randomSeed: 1 });
  const claim = "every hint written for some failures names a property of its exercise";
  const finding = (slug: string) => report.findings.find((f) => f.lesson === slug && f.claim === claim);
  expect(finding("01-names-a-property")?.ok).toBe(true);
  expect(finding("02-names-none")?.ok).toBe(false);
  expect(finding("02-names-none")?.problem).toContain('add hint 3 names "multiplies", which no property of add contains');
});
