/**
 * The formats other tools read: GitHub Classroom's result document (checked
 * with the two formulas education/autograding-grading-reporter applies),
 * Exercism's results.json v3, and JUnit XML (validated, and parsed back).
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { classroomDocument, classroomOutputLine, type ClassroomDocument } from "../../src/report/formats/classroom.ts";
import { capOutput, exercismResults, OUTPUT_LIMIT, TRUNCATED } from "../../src/report/formats/exercism.ts";
import { junitXml } from "../../src/report/formats/junit.ts";
import { broken, courseResult, failed, failure, notStarted, passed, timedOut } from "./results.ts";

const GRADE = "npm run grade --";

/** The reporter's console table: (passed ÷ tests) × max_score. */
const tablePoints = (doc: ClassroomDocument) => (doc.tests.filter((t) => t.status === "pass").length / doc.tests.length) * doc.max_score;
/** What it sends Classroom: the sum of the tests' scores. */
const classroomPoints = (doc: ClassroomDocument) => doc.tests.reduce((sum, t) => sum + t.score, 0);

const mixed = courseResult({
  "01-flags": [passed("encodeFlags"), failed("decodeFlags"), notStarted("segLen")],
  "02-sequence-numbers": [broken("seqAdd"), timedOut("seqLt"), passed("seqLeq")],
});

describe("the GitHub Classroom result", () => {
  it("has the reporter's shape: version 1, one test per exercise in course order, every field", () => {
    const doc = classroomDocument(mixed, GRADE, 12);
    expect(doc).toMatchObject({ version: 1, status: "fail", max_score: 12 });
    expect(doc.tests.map((t) => t.name)).toEqual([
      "01-flags encodeFlags", "01-flags decodeFlags", "01-flags segLen",
      "02-sequence-numbers seqAdd", "02-sequence-numbers seqLt", "02-sequence-numbers seqLeq",
    ]);
    expect(doc.tests.map((t) => t.status)).toEqual(["pass", "fail", "fail", "error", "fail", "pass"]);
    for (const t of doc.tests) {
      expect(Object.keys(t).sort()).toEqual(["duration", "filename", "line_no", "message", "name", "score", "status", "test_code"]);
      expect(t).toMatchObject({ filename: "", line_no: 0 });
    }
  });

  it("gives the same points by both of the reporter's formulas, for any max score and mix of results", () => {
    for (const max of [undefined, 1, 6, 10, 100, 7.5]) {
      for (const r of [mixed, courseResult({ a: [passed("x")] }), courseResult({ "01-a": [notStarted("x"), notStarted("y"), notStarted("z")] })]) {
        const doc = classroomDocument(r, GRADE, max);
        expect(classroomPoints(doc)).toBeCloseTo(tablePoints(doc), 9);
      }
    }
    expect(classroomPoints(classroomDocument(mixed, GRADE))).toBe(2); // one point per exercise by default
  });

  it("says how to reproduce each result, and what went wrong in plain text", () => {
    const doc = classroomDocument(mixed, GRADE);
    const [pass, fail, , error] = doc.tests;
    expect(pass!.test_code).toBe("npm run grade -- 01-flags --seed 7");
    expect(pass!.message).toBe("");
    expect(fail!.test_code).toBe("npm run grade -- 01-flags --replay x:0:7:0");
    expect(fail!.message).toContain("Property");
    expect(fail!.message).toContain("input 1");
    expect(error!.message).toContain("does not load");
    expect(JSON.stringify(doc)).not.toMatch(/\x1b\[/);
  });

  it("passes only when every test passes, and errs only when nothing could run", () => {
    expect(classroomDocument(courseResult({ a: [passed("x"), passed("y")] }), GRADE).status).toBe("pass");
    expect(classroomDocument(courseResult({ a: [broken("x"), broken("y")] }), GRADE).status).toBe("error");
    expect(classroomDocument(courseResult({ a: [broken("x"), passed("y")] }), GRADE).status).toBe("fail");
  });

  it("publishes result=<base64 of the JSON document>", () => {
    const doc = classroomDocument(mixed, GRADE);
    const line = classroomOutputLine(doc);
    expect(line).toMatch(/^result=[A-Za-z0-9+/]+=*$/);
    expect(JSON.parse(Buffer.from(line.slice("result=".length), "base64").toString("utf8"))).toEqual(doc);
  });
});

describe("Exercism's results.json", () => {
  it("is version 3 with every test in order, linked to its lesson as the task", () => {
    const doc = exercismResults(mixed, GRADE);
    expect(doc).toMatchObject({ version: 3, status: "fail" });
    expect(doc).not.toHaveProperty("message");
    expect(doc.tests.map((t) => [t.name, t.status, t.task_id])).toEqual([
      ["01-flags encodeFlags", "pass", 1], ["01-flags decodeFlags", "fail", 1], ["01-flags segLen", "fail", 1],
      ["02-sequence-numbers seqAdd", "error", 2], ["02-sequence-numbers seqLt", "fail", 2], ["02-sequence-numbers seqLeq", "pass", 2],
    ]);
    for (const t of doc.tests) {
      expect(t.test_code).toMatch(/^npm run grade -- /);
      if (t.status === "pass") expect(t).not.toHaveProperty("message");
      else expect(t.message).toEqual(expect.any(String));
    }
  });

  it("has a top-level message only when no test could run", () => {
    const doc = exercismResults(courseResult({ "01-a": [broken("x")] }), GRADE);
    expect(doc.status).toBe("error");
    expect(doc.message).toContain("does not load");
  });

  it("keeps the learner's output to 500 characters, saying it was cut", () => {
    expect(capOutput("short")).toBe("short");
    expect(capOutput("x".repeat(OUTPUT_LIMIT))).toBe("x".repeat(OUTPUT_LIMIT));
    const cut = capOutput("é".repeat(5000));
    expect(cut.length).toBeLessThanOrEqual(OUTPUT_LIMIT);
    expect(cut.endsWith(TRUNCATED)).toBe(true);
    const doc = exercismResults(courseResult({ "01-a": [failed("x", failure("p", "i"), "y".repeat(2000))] }), GRADE);
    expect(doc.tests[0]!.output!.length).toBeLessThanOrEqual(OUTPUT_LIMIT);
  });
});

describe("JUnit XML", () => {
  const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["testsuite", "testcase", "property"].includes(name) }).parse(xml);

  it("is well-formed, one testsuite per lesson and one testcase per exercise, with consistent counts", () => {
    const xml = junitXml(mixed, GRADE, { name: "workbook" });
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parse(xml);
    expect(doc.testsuites).toMatchObject({ name: "workbook", tests: "6", failures: "3", errors: "1" });
    const [flags, seq] = doc.testsuites.testsuite;
    expect(flags).toMatchObject({ name: "01-flags", tests: "3", failures: "2", errors: "0" });
    expect(seq).toMatchObject({ name: "02-sequence-numbers", tests: "3", failures: "1", errors: "1" });
    expect(flags.testcase.map((t: { name: string }) => t.name)).toEqual(["encodeFlags", "decodeFlags", "segLen"]);
    expect(flags.testcase[0]).not.toHaveProperty("failure");
    expect(flags.testcase[1].failure).toMatchObject({ type: "failed" });
    expect(flags.testcase[1].failure["#text"]).toContain("input 1");
    expect(seq.testcase[0].error).toMatchObject({ type: "broken" });
    expect(seq.testcase[1].failure).toMatchObject({ type: "timed-out" });
    expect(flags.properties.property).toContainEqual({ name: "seed", value: "7" });
  });

  it("stays valid XML whatever the learner's code printed or the counterexample holds", () => {
    const hostile = "\x1b[31mred\x1b[0m \x00\x07\x1b ]]> <script>&amp; \"quoted\" 'single' \ud800 lone surrogate \uffff";
    const r = courseResult({ "01-a": [failed("x", failure(hostile, hostile), hostile)] });
    const xml = junitXml(r, GRADE, { name: hostile, properties: { note: hostile } });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f]/);
    const testcase = parse(xml).testsuites.testsuite[0].testcase[0];
    expect(testcase["system-out"]).toContain("red");
    expect(testcase["system-out"]).toContain("]]>");
    expect(testcase.failure["#text"]).toContain("<script>&amp;");
  });
});
