/**
 * The self-check refuses each way a lesson can be unfinished or unsound, with a
 * message naming the lesson and exercise. One run over a tiny course in which
 * every lesson is broken in exactly one way proves all of it at once.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCourse, COURSE, type Finding, type SelfCheckReport } from "../../src/course/self-check.ts";
import { validLesson, writeCourse, type LessonFiles } from "./tiny-course.ts";

function lesson(slug: string, change: (files: LessonFiles) => void = () => {}): LessonFiles {
  const files = validLesson(slug);
  change(files);
  return files;
}
const md = (slug: string) => `content/${slug}.md`;
const wrong = (slug: string, name: string) => `grader/${slug}/wrong/${name}.ts`;

const course = {
  ...lesson("01-good"),
  ...lesson("02-placeholder", (f) => {
    f[md("02-placeholder")] = f[md("02-placeholder")]!.replace('"a + b"', '"TODO(scaffold): a stronger hint."');
    f[wrong("02-placeholder", "add.first-only")] = `// Mistake: forgets the second number.\n// TODO(scaffold): a real mistake.\n${f[wrong("02-placeholder", "add.first-only")]!.split("\n").slice(1).join("\n")}`;
  }),
  ...lesson("03-solution-fails", (f) => {
    f["grader/03-solution-fails/spec.ts"] = `export default {
  add: [{ name: "the sum of a and b", input: { every: [[1, 2], [0, 0]] }, run: (m: any, [a, b]: number[]) => m.add(a, b), holds: (actual: number, [a, b]: number[]) => actual === a + b }],
};
`;
    f["solutions/03-solution-fails.ts"] = "export function add(a: number, b: number): number {\n  return a - b;\n}\n";
  }),
  ...lesson("04-stub-passes", (f) => {
    f["exercises/04-stub-passes.ts"] = "export function add(a: number, b: number): number {\n  return a + b;\n}\n";
  }),
  ...lesson("05-wrong-passes", (f) => {
    f[wrong("05-wrong-passes", "add.first-only")] = "// Mistake: adds in the other order (not a mistake at all).\nexport function add(a: number, b: number): number {\n  return b + a;\n}\n";
  }),
  ...lesson("06-one-hint", (f) => {
    f[md("06-one-hint")] = f[md("06-one-hint")]!.replace('hints: [Use the plus sign., "a + b"]', "hints: [Use the plus sign.]");
  }),
  ...lesson("07-no-properties", (f) => {
    f["grader/07-no-properties/spec.ts"] = "export default { add: [] };\n";
  }),
  ...lesson("08-extra-exports", (f) => {
    f["exercises/08-extra-exports.ts"] += "\nexport function sub(a: number, b: number): number {\n  return a - b;\n}\n";
    f["grader/08-extra-exports/spec.ts"] = f["grader/08-extra-exports/spec.ts"]!.replace("};", '  mul: [{ name: "multiplies", input: { every: [[2, 3]] }, run: (m: any, [a, b]: number[]) => m.mul(a, b) }],\n};');
    f[wrong("08-extra-exports", "mul.adds")] = "// Mistake: adds.\nexport function mul(a: number, b: number): number {\n  return a + b;\n}\n";
  }),
  ...lesson("09-missing-export", (f) => {
    f["solutions/09-missing-export.ts"] = "export function plus(a: number, b: number): number {\n  return a + b;\n}\n";
  }),
  ...lesson("10-links", (f) => {
    f[md("10-links")] += [
      "",
      "See [the first lesson](01-good.md), [the RFC](https://www.rfc-editor.org/rfc/rfc9293), [above](#tiny),",
      "[a lesson not written yet](12-later.md) and this picture: ![a diagram](images/missing.png).",
      "",
      "```md",
      "[inside a code block](not-a-link.md)",
      "```",
      "",
    ].join("\n");
    f["content/10-links.fr.md"] = "# Minuscule\n\nVoir [la leçon](gone.md).\n";
  }),
  ...lesson("11-few-wrongs", (f) => {
    f[wrong("11-few-wrongs", "add.first-only")] = null as unknown as string;
  }),
  ...lesson("12-wrong-files", (f) => {
    f[wrong("12-wrong-files", "add.no-comment")] = "export function add(a: number, b: number): number {\n  return 0;\n}\n";
    f[wrong("12-wrong-files", "add.exports-nothing")] = "// Mistake: exports the wrong name.\nexport function plus(a: number, b: number): number {\n  return 0;\n}\n";
  }),
  ...lesson("12-same-number"),
  // Lessons that build on each other: 16 and 17 import 15. Lesson 15 grades only
  // numbers >= 0, and its accepted reading throws on a negative one. Lesson 16
  // hands lesson 15's function a negative number, lesson 17 never does.
  ...lesson("15-base", (f) => {
    f["grader/15-base/spec.ts"] = f["grader/15-base/spec.ts"]!.replace("[-3, 5], ", "");
    f["grader/15-base/readings/throws-on-negatives.ts"] = "// Reads the lesson as never asking about negative numbers.\nexport function add(a: number, b: number): number {\n  if (a < 0 || b < 0) throw new Error(\"never asked\");\n  return a + b;\n}\n";
  }),
  ...lesson("16-builds-on", (f) => {
    f["solutions/16-builds-on.ts"] = 'import { add as base } from "./15-base.ts";\n\nexport function add(a: number, b: number): number {\n  return base(a, b);\n}\n';
  }),
  ...lesson("17-builds-fine", (f) => {
    f["solutions/17-builds-fine.ts"] = 'import { add as base } from "./15-base.ts";\n\nexport function add(a: number, b: number): number {\n  return base(a, b);\n}\n';
    f["grader/17-builds-fine/spec.ts"] = f["grader/17-builds-fine/spec.ts"]!.replace("[-3, 5], ", "");
  }),
  "exercises/13-orphan.ts": "export function add(a: number, b: number): number {\n  return a + b;\n}\n",
  "content/1-misnamed.md": "---\ntitle: x\n---\n",
  "content/14-ghost.fr.md": "# Fantôme\n",
};

let root: string;
let report: SelfCheckReport;

beforeAll(async () => {
  root = writeCourse(course);
  report = await checkCourse(root, { randomSeed: 7 });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const problems = (slug: string): Finding[] => report.problems.filter((p) => p.lesson === slug);
const claims = (slug: string) => problems(slug).map((p) => `${p.exercise ? `${p.exercise}: ` : ""}${p.claim}`);
/** Every problem message names its lesson, and its exercise when it has one. */
function expectNamed(slug: string) {
  for (const p of problems(slug)) {
    expect(p.problem).toContain(slug);
    if (p.exercise) expect(p.problem).toContain(p.exercise);
  }
}

describe("the course self-check", () => {
  it("passes a sound lesson on every claim", () => {
    expect(report.lessons).toContain("01-good");
    expect(report.findings.filter((f) => f.lesson === "01-good").length).toBeGreaterThan(10);
    expect(problems("01-good")).toEqual([]);
  });

  it("refuses a lesson with a placeholder left, naming file, line and exercise, and nothing else", () => {
    expect(claims("02-placeholder")).toEqual(["no TODO(scaffold) placeholder is left"]);
    const message = problems("02-placeholder")[0]!.problem!;
    expect(message).toMatch(/content\/02-placeholder\.md:6 \(add\): hints: \[Use the plus sign\., "TODO\(scaffold\): a stronger hint\."\]/);
    expect(message).toMatch(/grader\/02-placeholder\/wrong\/add\.first-only\.ts:2 \(add\)/);
    expect(message).toContain("2 TODO(scaffold) placeholders left");
    expectNamed("02-placeholder");
  });

  it("refuses a reference solution that fails its spec, with the property and the input", () => {
    expect(claims("03-solution-fails")).toEqual([
      "add: the reference solution passes (seed 20261126)",
      "add: the reference solution passes (seed 7)",
    ]);
    expect(problems("03-solution-fails")[0]!.problem).toMatch(/does not pass its spec \(seed 20261126\): property "the sum of a and b"; input \[ 1, 2 \]/);
    expectNamed("03-solution-fails");
  });

  it("refuses a stub that already passes", () => {
    expect(claims("04-stub-passes")).toEqual(["add: the untouched stub is reported as not started"]);
    expect(problems("04-stub-passes")[0]!.problem).toContain("already passes its spec");
    expectNamed("04-stub-passes");
  });

  it("refuses a known-wrong implementation that passes", () => {
    expect(claims("05-wrong-passes")).toEqual(['add: the known-wrong "first-only" is rejected']);
    expect(problems("05-wrong-passes")[0]!.problem).toMatch(/grader\/05-wrong-passes\/wrong\/add\.first-only\.ts passes the spec .*no property catches this mistake/);
    expectNamed("05-wrong-passes");
  });

  it("refuses an exercise with fewer than two hints, naming the field and the exercise", () => {
    expect(claims("06-one-hint")).toEqual(["its front matter is valid and its four files exist"]);
    expect(problems("06-one-hint")[0]!.problem).toContain("content/06-one-hint.md: exercises[0].hints: needs at least 2 hints, found 1 (exercise add)");
  });

  it("refuses an exercise with no properties", () => {
    expect(claims("07-no-properties")).toContain("add: the spec has at least one property for it");
    expect(claims("07-no-properties")).toContain("add: the reference solution passes (seed 20261126)");
    expect(problems("07-no-properties").find((p) => p.kind === "files")!.problem).toContain("grader/07-no-properties/spec.ts has no properties for add");
    expectNamed("07-no-properties");
  });

  it("refuses a stub, spec or known-wrong file for a function that is not an exercise", () => {
    expect(claims("08-extra-exports")).toEqual([
      "the stub exports exactly the exercises of the front matter",
      "the spec has entries only for exercises of the front matter",
      "every known-wrong file is for a real exercise, says its mistake and exports the exercise",
    ]);
    const text = problems("08-extra-exports").map((p) => p.problem).join("\n");
    expect(text).toContain("exercises/08-extra-exports.ts exports function sub, which is not an exercise of content/08-extra-exports.md");
    expect(text).toContain("grader/08-extra-exports/spec.ts has properties for mul, which is not an exercise");
    expect(text).toContain('grader/08-extra-exports/wrong/mul.adds.ts is named for "mul", which is not an exercise');
  });

  it("refuses a solution that does not export an exercise of the front matter", () => {
    expect(claims("09-missing-export")).toContain("the reference solution exports exactly the exercises of the front matter");
    const text = problems("09-missing-export").map((p) => p.problem).join("\n");
    expect(text).toContain("exercise add is in the front matter, but solutions/09-missing-export.ts exports no function add");
    expect(text).toContain("exports function plus, which is not an exercise");
    expectNamed("09-missing-export");
  });

  it("refuses broken links and missing images, in the lesson and its translations, and nothing in code", () => {
    expect(claims("10-links")).toEqual(["its links and images point to files that exist"]);
    const message = problems("10-links")[0]!.problem!;
    expect(message).toContain("broken link 12-later.md (content/10-links.md:");
    expect(message).toContain("missing image images/missing.png (content/10-links.md:");
    expect(message).toContain("broken link gone.md (content/10-links.fr.md:3)");
    expect(message).not.toMatch(/01-good|rfc-editor|#tiny|not-a-link/);
  });

  it("refuses fewer than three known-wrong implementations", () => {
    expect(claims("11-few-wrongs")).toEqual(["add: has at least 3 known-wrong implementations"]);
    expect(problems("11-few-wrongs")[0]!.problem).toContain("11-few-wrongs add: 2 known-wrong implementations in grader/11-few-wrongs/wrong/, needs at least 3");
  });

  it("refuses a known-wrong file without its comment or its function", () => {
    const text = problems("12-wrong-files").map((p) => p.problem).join("\n");
    expect(text).toContain("grader/12-wrong-files/wrong/add.no-comment.ts must start with a comment");
    expect(text).toContain("grader/12-wrong-files/wrong/add.exports-nothing.ts exports no function add");
  });

  it("refuses a later lesson that hands an earlier lesson's function a case the earlier lesson does not grade, naming both files", () => {
    expect(problems("15-base")).toEqual([]);
    expect(report.findings.filter((f) => f.lesson === "15-base").map((f) => f.claim)).toContain('the accepted reading "throws-on-negatives" passes (seed 20261126)');
    expect(claims("16-builds-on")).toEqual([
      "add: the reference passes when built on 15-base's accepted reading \"throws-on-negatives\" (seed 20261126)",
      "add: the reference passes when built on 15-base's accepted reading \"throws-on-negatives\" (seed 7)",
    ]);
    const message = problems("16-builds-on")[0]!.problem!;
    expect(message).toContain("solutions/16-builds-on.ts built on grader/15-base/readings/throws-on-negatives.ts (which passes 15-base) fails 16-builds-on");
    expect(message).toContain("never asked");
    expectNamed("16-builds-on");
    expect(problems("17-builds-fine")).toEqual([]);
  });

  it("refuses files of no lesson, misnamed files and a lesson number used twice", () => {
    const text = problems(COURSE).map((p) => p.problem).join("\n");
    expect(text).toContain("exercises/13-orphan.ts (no content/13-orphan.md)");
    expect(text).toContain("content/14-ghost.fr.md (a translation of content/14-ghost.md, which does not exist)");
    expect(text).toContain("content/1-misnamed.md");
    expect(text).toContain("lesson number 12 is used by 12-same-number and 12-wrong-files");
  });

  // (The guide's test runs a restricted check on a real lesson; these need no grading at all.)
  it("checks only the lessons asked for, and says when one does not exist", async () => {
    const none = await checkCourse(root, { lessons: ["99"] });
    expect(none.lessons).toEqual([]);
    expect(none.problems.map((p) => p.problem)).toEqual([expect.stringContaining('there is no lesson "99"')]);

    const orphan = await checkCourse(root, { lessons: ["13"] });
    expect(orphan.lessons).toEqual([]);
    expect(orphan.problems.map((p) => p.problem)).toEqual([
      expect.stringContaining('there is no lesson "13"'),
      expect.stringMatching(/belong to no lesson.*: exercises\/13-orphan\.ts \(no content\/13-orphan\.md\)$/),
    ]);
  });
});
