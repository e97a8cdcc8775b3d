/** The reader leads with the task (from the front matter) and keeps the "Check yourself" answers out of sight until the end. */
import pc from "picocolors";
import { describe, expect, it } from "vitest";
import { loadCourse } from "../../src/course/course.ts";
import { renderLesson } from "../../src/ui/lesson-reader.ts";

const course = loadCourse();
const plain = pc.createColors(false);

describe("the lesson reader", () => {
  it.each(course.lessons.map((l) => [l.slug, l] as const))("%s opens with a box naming every exercise, the file and the watch command", (_slug, lesson) => {
    const text = renderLesson(course, lesson, plain, 80);
    const box = text.slice(0, text.indexOf("┘") + 1).replace(/[│\s]+/g, " ");
    for (const e of lesson.exercises) expect(box).toContain(e.name);
    expect(box).toContain(`exercises/${lesson.slug}.ts`);
    expect(box).toContain(`npm run watch -- ${lesson.slug}`);
    expect(text.split("\n").slice(0, 12).length).toBe(12); // the box is within the first screen
    expect(text.indexOf("┘")).toBeLessThan(text.indexOf("\n", 800));
  });

  it("moves the answers of lesson 01's Check yourself after the exercises", () => {
    const lesson = course.lessons.find((l) => l.slug === "01-flags")!;
    const text = renderLesson(course, lesson, plain, 80);
    const questions = text.indexOf("Which flags are set in the byte 0x14");
    const answers = text.indexOf("RST,ACK; PSH,ACK");
    const exercises = text.indexOf("Your exercises");
    expect(questions).toBeGreaterThan(0);
    expect(answers).toBeGreaterThan(exercises);
    expect(text).toContain("The answers are at the very end");
  });
});
