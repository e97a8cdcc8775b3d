/** On a Node older than package.json's engines, every command says so in one line instead of crashing. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../../bin/workbook.mjs", import.meta.url));
const PACKAGE = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { engines: { node: string } };

/** Runs the workbook with process.versions.node pretending to be `version`. */
function runAs(version: string) {
  const pretend = `data:text/javascript,Object.defineProperty(process.versions,"node",{value:${JSON.stringify(version)}})`;
  return spawnSync(process.execPath, ["--import", pretend, BIN, "grade", "--help"], { encoding: "utf8" });
}

describe("an old Node", () => {
  it("is the version package.json's engines names", () => {
    expect(PACKAGE.engines.node).toBe(">=20.19.0");
  });

  it.each(["18.19.0", "20.18.1"])("%s gets one line naming the version needed, and exit code 1", (version) => {
    const r = runAs(version);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringContaining(`needs Node.js 20.19 or newer; you have ${version}`)]);
    expect(r.stdout).toBe("");
  });

  it("20.19.0 runs the command", () => {
    expect(runAs("20.19.0").status).toBe(0);
  });
});
