/**
 * `npm run grade -- --format classroom|exercism|junit` on the fixture course,
 * as a workflow step runs it: exit 0 whenever grading ran (classroom,
 * exercism), no colour codes even with FORCE_COLOR=true, the seed fixed per
 * commit and printed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../engine/fixture.ts";

const LESSONS = ["01-basics", "02-wrong", "03-not-started", "04-syntax", "12-flood"];
const out = mkdtempSync(join(tmpdir(), "workbook-formats-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const decode = (line: string) => JSON.parse(Buffer.from(line.replace(/^result=/, ""), "base64").toString("utf8"));

describe("grade --format classroom", () => {
  const githubOutput = join(out, "github-output");
  writeFileSync(githubOutput, "earlier=1\n");
  const env = { FORCE_COLOR: "true", NO_COLOR: "", GITHUB_OUTPUT: githubOutput };
  const r = runCli(["grade", ...LESSONS, "--format", "classroom", "--max-score", "20"], env);

  it("exits 0 although exercises fail, and prints only the result line", () => {
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^result=[A-Za-z0-9+/]+=*\n$/);
  });

  it("appends the same line to $GITHUB_OUTPUT, keeping what was there", () => {
    expect(readFileSync(githubOutput, "utf8")).toBe(`earlier=1\n${r.stdout}`);
  });

  it("decodes to the reporter's document, without colour codes, one test per exercise", () => {
    const doc = decode(r.stdout.trim());
    expect(JSON.stringify(doc)).not.toMatch(/\x1b|\\u001b/);
    expect(doc).toMatchObject({ version: 1, status: "fail", max_score: 20 });
    expect(doc.tests).toHaveLength(10);
    expect(doc.tests.map((t: { status: string }) => t.status)).toEqual(["pass", "pass", "fail", "pass", "fail", "fail", "error", "error", "pass", "pass"]);
    expect(doc.tests.reduce((s: number, t: { score: number }) => s + t.score, 0)).toBe(10);
  });

  it("uses a seed fixed for the commit, says so, and puts it in every command that reproduces a result", () => {
    const seed = /Seed (\d+) \(fixed for (commit [0-9a-f]{7}|the exercise files)\)/.exec(r.stderr)?.[1];
    expect(seed).toBeDefined();
    const again = runCli(["grade", "01", "--format", "classroom"], env);
    expect(again.stderr).toContain(`Seed ${seed} `);
    expect(decode(again.stdout.trim()).tests[0].test_code).toBe(`npm run grade -- 01-basics --seed ${seed}`);
  });
});

describe("grade --format exercism and junit", () => {
  it("writes results.json version 3 into --output, exit 0, the flood of output cut to 500 characters", () => {
    const r = runCli(["grade", ...LESSONS, "--format", "exercism", "--output", join(out, "exercism")]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(readFileSync(join(out, "exercism", "results.json"), "utf8"));
    expect(doc).toMatchObject({ version: 3, status: "fail" });
    expect(doc.tests).toHaveLength(10);
    const flooded = doc.tests.find((t: { name: string }) => t.name === "12-flood add");
    expect(flooded.output.length).toBeLessThanOrEqual(500);
    expect(flooded.output).toMatch(/Output was truncated\. Please limit to 500 chars$/);
  });

  it("writes valid JUnit XML to --output, and exits as grade does (1: not everything passed)", () => {
    const file = join(out, "junit", "grade.xml");
    const r = runCli(["grade", ...LESSONS, "--format", "junit", "--output", file]);
    expect(r.code).toBe(1);
    const xml = readFileSync(file, "utf8");
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.match(/<testsuite /g)).toHaveLength(5);
    expect(xml.match(/<testcase /g)).toHaveLength(10);
  });

  it("refuses options that do not fit together", () => {
    expect(runCli(["grade", "01", "--format", "xml"]).code).toBe(2);
    expect(runCli(["grade", "01", "--format", "exercism"]).stderr).toContain("--output");
    expect(runCli(["grade", "01", "--max-score", "5"]).code).toBe(2);
    expect(runCli(["grade", "01", "--format", "classroom", "--max-score", "-1"]).code).toBe(2);
  });
});
