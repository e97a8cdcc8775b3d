/**
 * Faults stay local and nothing is left running: a missing exercise file, a
 * folder that cannot be written, a huge or hostile progress.json, bad
 * command-line values, and the grade command stopped by a signal.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { copyFixture, removeCourse } from "../cli/helpers.ts";
import { CLI_ENTRY, runCli } from "./fixture.ts";

let root: string;
beforeEach(() => {
  root = copyFixture(["01-basics", "02-wrong", "03-not-started", "24-loops-everywhere"]);
});
afterEach(() => removeCourse(root));

const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, env, root);

/** Process ids of the runners (sandboxed children) a process started, read from /proc. */
function childrenOf(pid: number): number[] {
  const out = spawnSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" }).stdout;
  return out.split("\n").map((l) => Number(l.trim())).filter((n) => n > 0);
}
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const until = async (check: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; !check() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
  return check();
};

describe("faults stay local", () => {
  it("reports a missing exercise file against its own lesson, grades the others, and reset brings it back", () => {
    cli(["hint", "03"]); // any command snapshots the untouched stubs
    unlinkSync(join(root, "exercises/03-not-started.ts"));
    const graded = cli(["grade", "01", "03"]);
    expect(graded.code).toBe(1);
    expect(graded.stdout).toMatch(/✓ add/); // lesson 01 still graded
    expect(graded.stdout).toMatch(/exercises\/03-not-started\.ts is missing/);
    expect(graded.stdout).toMatch(/npm run reset -- 03/);
    expect(cli(["hint", "03"]).code).toBe(0);
    const reset = cli(["reset", "03", "--yes"]);
    expect(reset.code).toBe(0);
    expect(readFileSync(join(root, "exercises/03-not-started.ts"), "utf8")).toContain('notImplemented("add")');
  });

  it("prints the report, then one plain line, when progress cannot be saved", () => {
    // The course folder mounted read-only (root runs the tests, so file modes would not stop it).
    const mounted = spawnSync("unshare", ["-m", "sh", "-c", `mount --bind -o ro "$0" "$0" && exec "$@"`, root, process.execPath, CLI_ENTRY, "grade", "01"], {
      encoding: "utf8",
      env: { ...process.env, WORKBOOK_ROOT: root, NO_COLOR: "1", FORCE_COLOR: "" },
      timeout: 90_000,
    });
    const r = { code: mounted.status, stdout: mounted.stdout, stderr: mounted.stderr };
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2 of 2 exercises passed");
    expect(r.stderr).toMatch(/^Your progress was not saved: progress\.json could not be written \(EROFS: the folder is on a read-only file system\)/m);
    expect(r.stderr).not.toMatch(/please report it|unexpected problem/i);
  });

  it("sets a huge progress.json aside in bounded time, unread", () => {
    writeFileSync(join(root, "progress.json"), `{"schema":1,"data":{"exercises":{${'"x":[[[[[[[[[[]]]]]]]]]],'.repeat(2_000_000)}"y":1}}}`);
    const r = cli(["grade", "01"]);
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(20_000);
    expect(r.stderr).toMatch(/progress\.json could not be used: it is \d+ bytes/);
    expect(existsSync(join(root, "progress.json"))).toBe(true); // rebuilt from this grade
  });

  it("sets aside a small but hostile progress.json (deep nesting, extra fields)", () => {
    const deep = "[".repeat(5000) + "]".repeat(5000);
    writeFileSync(join(root, "progress.json"), `{"schema":1,"note":"","checksum":"0","data":{"exercises":{"01-basics/add":{"status":"passed","at":"x","extra":${deep}}},"hints":{}}}`);
    const r = cli(["grade", "01"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/progress\.json could not be used/);
  });

  it("accepts only whole numbers for --seed and --runs", () => {
    for (const bad of ["1e3", "0x10", "-1", "1.5", "", "99999999999"]) {
      const r = cli(["grade", "01", `--seed=${bad}`]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toMatch(/--seed must be a whole number/);
    }
    expect(cli(["grade", "01", "--runs", "1e3"]).code).toBe(2);
    expect(cli(["grade", "01", "--seed", "1000"]).code).toBe(0);
  });

  it("refuses a replay token with an absurd repeat count at once, leaving nothing running", () => {
    const r = cli(["grade", "02", "--replay", "add:1:7:0*99999999999"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a replay token/);
    expect(r.ms).toBeLessThan(15_000);
  });

  it("grades a file that was a link and became a regular file from its new contents", () => {
    const file = join(root, "exercises/01-basics.ts");
    const right = readFileSync(file, "utf8");
    const target = join(root, "exercises/elsewhere.ts");
    writeFileSync(target, right);
    unlinkSync(file);
    symlinkSync(target, file);
    expect(cli(["grade", "01"]).code).toBe(0);
    unlinkSync(file);
    writeFileSync(file, right.replace("a + b", "a - b"));
    expect(cli(["grade", "01"]).code).toBe(1);
  });
});

describe("nothing is left running", () => {
  for (const signal of ["SIGTERM", "SIGINT", "SIGKILL"] as const) {
    it(`stops every runner when the grade command gets ${signal} while learner code loops`, async () => {
      const grade = spawn(process.execPath, [CLI_ENTRY, "grade", "24"], { env: { ...process.env, WORKBOOK_ROOT: root, NO_COLOR: "1" }, stdio: "ignore" });
      let runners: number[] = [];
      expect(await until(() => (runners = childrenOf(grade.pid!)).length > 0, 20_000)).toBe(true);
      await new Promise((r) => setTimeout(r, 500)); // the runner is inside the endless loop now
      grade.kill(signal);
      expect(await until(() => grade.exitCode !== null || grade.signalCode !== null, 10_000)).toBe(true);
      expect(await until(() => runners.every((pid) => !alive(pid)), 5_000), `runners left: ${runners.filter(alive)}`).toBe(true);
    }, 60_000);
  }
});

describe("the lab without a loopback interface", () => {
  it("says so in one line, with no stack trace", () => {
    const r = spawnSync("unshare", ["-n", process.execPath, CLI_ENTRY, "lab", "handshake", "--no-pause"], { encoding: "utf8", timeout: 60_000, env: { ...process.env, NO_COLOR: "1" } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot reach 127\.0\.0\.1 \(ENETUNREACH\)/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
