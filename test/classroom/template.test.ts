/**
 * The student template `npm run export-template` writes, as GitHub Classroom
 * and GitHub Actions would use it: its workflow against every Classroom rule,
 * each grading step run as a step runs it (only PATH, HOME and
 * FORCE_COLOR=true), grading a tampered copy, and a closed-book copy's
 * commands.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import YAML from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportTemplate } from "../../src/classroom/export-template.ts";
import { PRISTINE_PATH } from "../../src/classroom/workflow.ts";
import { loadCourse } from "../../src/course/course.ts";
import { RESULTS_SCHEMA } from "../../src/grading/results.ts";
import { REPO_ROOT } from "../cli/helpers.ts";

const course = loadCourse(REPO_ROOT);
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh student template, with the teacher's repository checked out beside it as the workflow does. */
function template(closedBook = false): string {
  const dir = mkdtempSync(join(tmpdir(), "workbook-template-"));
  made.push(dir);
  exportTemplate(course, join(dir, "student"), closedBook);
  symlinkSync(REPO_ROOT, join(dir, "student", PRISTINE_PATH), "junction");
  return join(dir, "student");
}

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  "working-directory"?: string;
}

function workflowOf(dir: string) {
  return YAML.parse(readFileSync(join(dir, ".github/workflows/classroom.yml"), "utf8"));
}

/** A `run:` line as the grading step runs it: bash, in the checkout, with nothing but PATH, HOME and FORCE_COLOR=true. */
function runStep(dir: string, command: string) {
  const r = spawnSync("bash", ["-c", command], {
    cwd: dir,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", FORCE_COLOR: "true" },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface ResultDoc {
  version: number;
  status: string;
  max_score: number;
  tests: { name: string; status: string; score: number; message: string; test_code: string }[];
}

function resultOf(stdout: string): ResultDoc {
  const line = stdout.split("\n").find((l) => l.startsWith("result="));
  expect(line, stdout).toBeDefined();
  return JSON.parse(Buffer.from(line!.slice("result=".length), "base64").toString("utf8"));
}

/** The reporter's table, (passed ÷ tests) × max_score, and what it sends Classroom, the sum of scores, must agree. */
function points(doc: ResultDoc): number {
  const table = (doc.tests.filter((t) => t.status === "pass").length / doc.tests.length) * doc.max_score;
  const sent = doc.tests.reduce((sum, t) => sum + t.score, 0);
  expect(sent).toBeCloseTo(table, 9);
  return sent;
}

/** Eight steps of two processes each: minutes on a busy 2-core machine. */
const SLOW = 600_000;

const gradingSteps = (dir: string): Step[] => (workflowOf(dir).jobs["run-autograding-tests"].steps as Step[]).filter((s) => s.id);

describe("the template's Classroom workflow", () => {
  let dir: string;
  let workflow: { name: string; on: unknown; permissions: unknown; jobs: Record<string, { if: string; "runs-on": string; steps: Step[] }> };
  beforeAll(() => {
    dir = template();
    workflow = workflowOf(dir);
  });

  it("is named Autograding Tests, with exactly one job, run-autograding-tests, skipped for Classroom's own pushes", () => {
    expect(workflow.name).toBe("Autograding Tests");
    expect(Object.keys(workflow.jobs)).toEqual(["run-autograding-tests"]);
    expect(workflow.jobs["run-autograding-tests"]!.if).toBe("github.actor != 'github-classroom[bot]'");
    expect(workflow.permissions).toEqual({ checks: "write", actions: "read", contents: "read" });
    expect(workflow.on).toEqual(["push", "workflow_dispatch", "repository_dispatch"]);
    expect(readFileSync(join(dir, ".github/workflows/classroom.yml"), "utf8")).toMatch(/^["']on["']:/m);
  });

  it("is the only workflow in the template, so it is the first to finish for a push", () => {
    const files = readdirSync(join(dir, ".github"), { recursive: true }) as string[];
    expect(files.filter((f) => /\.ya?ml$/.test(f))).toEqual(["workflows/classroom.yml"]);
  });

  it("grades each lesson in its own step with an id, one point per exercise, and ends with the reporter reading every step", () => {
    const steps = workflow.jobs["run-autograding-tests"]!.steps;
    const graders = steps.filter((s) => s.run?.includes("--format classroom"));
    expect(graders.map((s) => s.run!.split(" grade ")[1]!.split(" ")[0])).toEqual(course.lessons.map((l) => l.slug));
    for (const [i, s] of graders.entries()) {
      expect(s.id).toMatch(/^[A-Za-z_][A-Za-z0-9_-]*$/);
      expect(s.run).toContain(`--max-score ${course.lessons[i]!.exercises.length}`);
    }
    const ids = graders.map((s) => s.id!);
    expect(new Set(ids).size).toBe(ids.length);
    const reporter = steps.at(-1)!;
    expect(reporter.uses).toBe("education/autograding-grading-reporter@v1");
    expect(reporter.with).toEqual({ runners: ids.join(",") });
    expect(reporter.env).toEqual(Object.fromEntries(ids.map((id) => [`${id.toUpperCase()}_RESULTS`, `\${{ steps.${id}.outputs.result }}`])));
  });

  it("installs and runs only the teacher's workbook, never the student's copy of it", () => {
    const steps = workflow.jobs["run-autograding-tests"]!.steps;
    const checkouts = steps.filter((s) => s.uses?.startsWith("actions/checkout@"));
    expect(checkouts).toHaveLength(2);
    expect(checkouts[1]!.with).toMatchObject({ repository: "${{ vars.WORKBOOK_REPOSITORY }}", ref: "${{ vars.WORKBOOK_REF }}", path: PRISTINE_PATH });
    const setup = steps.find((s) => s.uses?.startsWith("actions/setup-node@"))!;
    expect(setup.with).toMatchObject({ "node-version": 20, cache: "npm", "cache-dependency-path": `${PRISTINE_PATH}/package-lock.json` });
    const installs = steps.filter((s) => /\bnpm (ci|install)\b/.test(s.run ?? ""));
    expect(installs.map((s) => s["working-directory"])).toEqual([PRISTINE_PATH]);
    for (const s of steps.filter((s) => s.run?.includes(" grade "))) {
      expect(s.run).toContain(`node ${PRISTINE_PATH}/bin/workbook.mjs grade`);
      expect(s.run).toContain(`--pristine ${PRISTINE_PATH}`);
      expect(s.run).not.toMatch(/npm (run|start)/);
    }
    const upload = steps.find((s) => s.uses?.startsWith("actions/upload-artifact@"))!;
    expect(upload.if).toBe("always()");
  });

  it("comes with a dev container of Node 20, iproute2 and tmux, and a student README", () => {
    const container = JSON.parse(readFileSync(join(dir, ".devcontainer/devcontainer.json"), "utf8"));
    expect(container.image).toMatch(/javascript-node:1-20-/);
    expect(container.postCreateCommand).toMatch(/apt-get install .*iproute2/);
    expect(container.postCreateCommand).toMatch(/apt-get install .*tmux/);
    const readme = readFileSync(join(dir, "README.md"), "utf8");
    expect(readme).toContain("Autograding Tests");
    for (const l of course.lessons) expect(readme).toContain(l.slug);
    for (const left of ["test", "bench", "mutation", "progress.json", "node_modules/.cache"]) expect(existsSync(join(dir, left)), left).toBe(false);
  });
});

describe("each grading step, run with only PATH, HOME and FORCE_COLOR=true", () => {
  let dir: string;
  beforeAll(() => {
    dir = template();
  });

  it("gives the untouched stubs 0 points, exits 0, and prints the fixed seed", () => {
    for (const step of gradingSteps(dir)) {
      const r = runStep(dir, step.run!);
      expect(r.code, r.stderr).toBe(0);
      const doc = resultOf(r.stdout);
      expect(doc).toMatchObject({ version: 1, status: "fail" });
      expect(JSON.stringify(doc)).not.toMatch(/\x1b|\\u001b/);
      expect(points(doc)).toBe(0);
      expect(r.stderr).toMatch(/Seed \d+ \(fixed for/);
    }
  }, SLOW);

  it("gives the reference solutions full marks", () => {
    for (const file of readdirSync(join(dir, "solutions"))) cpSync(join(dir, "solutions", file), join(dir, "exercises", file));
    for (const step of gradingSteps(dir)) {
      const r = runStep(dir, step.run!);
      expect(r.code, r.stderr).toBe(0);
      const doc = resultOf(r.stdout);
      expect(doc.status, JSON.stringify(doc.tests.filter((t) => t.status !== "pass"))).toBe("pass");
      expect(points(doc)).toBeCloseTo(doc.max_score, 9);
    }
  }, SLOW);

  it("keeps a grade --json document for the class report", () => {
    const steps = workflowOf(dir).jobs["run-autograding-tests"].steps as Step[];
    const keep = steps.find((s) => s.run?.includes("grade-results.json"))!;
    expect(runStep(dir, keep.run!).code).toBe(0);
    const doc = JSON.parse(readFileSync(join(dir, "grade-results.json"), "utf8"));
    expect(doc).toMatchObject({ schema: RESULTS_SCHEMA, summary: { passed: doc.summary.exercises } });
  });
});

describe("grading a student copy that was tampered with", () => {
  it("still fails untouched stubs with grader/ gutted, solutions/ replaced by the stubs and the student's workbook faking a result", () => {
    const dir = template();
    for (const slug of readdirSync(join(dir, "grader")).filter((d) => d !== "kit")) {
      rmSync(join(dir, "grader", slug, "wrong"), { recursive: true, force: true });
      writeFileSync(join(dir, "grader", slug, "spec.ts"), "export default {};\n");
    }
    for (const file of readdirSync(join(dir, "exercises"))) cpSync(join(dir, "exercises", file), join(dir, "solutions", file));
    writeFileSync(join(dir, "bin/workbook.mjs"), `console.log("result=" + Buffer.from('{"version":1,"status":"pass","max_score":3,"tests":[]}').toString("base64"));\n`);
    writeFileSync(join(dir, "src/report/formats/classroom.ts"), "export const tampered = true;\n");
    for (const step of gradingSteps(dir).slice(0, 3)) {
      const r = runStep(dir, step.run!);
      expect(r.code, r.stderr).toBe(0);
      const doc = resultOf(r.stdout);
      expect(doc.tests.length).toBeGreaterThan(0);
      expect(doc.tests.every((t) => t.status === "fail")).toBe(true);
      expect(points(doc)).toBe(0);
      expect(r.stderr).toMatch(/Protected files that differ from .*: .*bin\/workbook\.mjs.*grader\/ \(\d+ files\).*solutions\/ \(\d+ files\).*src\/report\/formats\/classroom\.ts/);
    }
  }, SLOW);

  it("gives nothing for an exercise file that links to, or imports, the answers, or is missing, and still grades the rest", () => {
    const dir = template();
    const references = join(dir, PRISTINE_PATH, "solutions");
    rmSync(join(dir, "exercises/01-flags.ts"));
    symlinkSync(join(references, "01-flags.ts"), join(dir, "exercises/01-flags.ts"));
    writeFileSync(join(dir, "exercises/02-sequence-numbers.ts"), `export * from ${JSON.stringify(join(references, "02-sequence-numbers.ts"))};\n`);
    rmSync(join(dir, "exercises/03-handshake.ts"));
    writeFileSync(join(dir, "exercises/04-teardown.ts"), 'export * from "../solutions/04-teardown.ts";\n');
    cpSync(join(dir, "solutions/06-retransmission.ts"), join(dir, "exercises/06-retransmission.ts")); // imports none of the above
    const steps = gradingSteps(dir);
    for (const step of steps.slice(0, 4)) {
      const r = runStep(dir, step.run!);
      expect(r.code, r.stderr).toBe(0);
      const doc = resultOf(r.stdout);
      expect(doc.tests.every((t) => t.status !== "pass"), `${step.id}: ${JSON.stringify(doc.tests)}`).toBe(true);
      expect(points(doc)).toBe(0);
    }
    const honest = resultOf(runStep(dir, steps[5]!.run!).stdout);
    expect(points(honest)).toBeCloseTo(honest.max_score, 9);
  }, SLOW);

  it("gives nothing when exercises/ itself links to the answers", () => {
    const dir = template();
    rmSync(join(dir, "exercises"), { recursive: true });
    symlinkSync(join(dir, PRISTINE_PATH, "solutions"), join(dir, "exercises"));
    const r = runStep(dir, gradingSteps(dir)[0]!.run!);
    expect(r.code, r.stderr).toBe(0);
    expect(points(resultOf(r.stdout))).toBe(0);
  });
});

describe("a closed-book template", () => {
  let dir: string;
  beforeAll(() => {
    dir = template(true);
    symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"), "junction");
  });
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, ["bin/workbook.mjs", ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, WORKBOOK_ROOT: "", NO_COLOR: "1", FORCE_COLOR: "" }, timeout: 120_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it("has no reference solutions and no lesson specs, only the grader's kit", () => {
    expect(existsSync(join(dir, "solutions"))).toBe(false);
    expect(readdirSync(join(dir, "grader"))).toEqual(["kit"]);
  });

  it("says that grading happens when you push, for grade and watch", () => {
    const grade = cli("grade");
    expect(grade.code).toBe(0);
    expect(grade.stdout).toContain("Grading happens when you push");
    expect(cli("watch", "03").stdout).toContain("Grading happens when you push");
    const solution = cli("solution", "03", "--give-up");
    expect(solution.code).toBe(1);
    expect(solution.stderr).toContain("closed-book");
  });

  it("still reads lessons, gives hints and runs the lab with the kernel's states only", () => {
    expect(cli("read", "01").stdout).toContain("Flags");
    const hint = cli("hint", "01");
    expect(hint.code).toBe(0);
    expect(hint.stdout).toContain("Hint 1 of");
    const lab = cli("lab", "handshake");
    expect(lab.code, lab.stderr).toBe(0);
    expect(lab.stdout).toContain("No predictions");
    expect(lab.stdout).toContain("ESTAB");
  });

  it("is graded by the workflow with the teacher's copy, with no protected file reported as changed", () => {
    const r = runStep(dir, gradingSteps(dir)[2]!.run!);
    expect(r.code, r.stderr).toBe(0);
    expect(points(resultOf(r.stdout))).toBe(0);
    expect(r.stderr).not.toContain("Protected files");
  });
});
