import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { runLab, type LabIo } from "../../src/lab/cli.ts";
import type { ModuleSource } from "../../src/lab/predictor.ts";
import { SCENARIO_NAMES } from "../../src/lab/scenarios/index.ts";
import { onLinux, socketsLeftOpen } from "./helpers.ts";
import { nextState } from "./stub-next-state.ts";

const stub: ModuleSource = { label: "stub.ts", load: async () => ({ nextState }) };

function capture(extra: Partial<LabIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: LabIo = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    sources: { learner: stub, reference: stub },
    ...extra,
  };
  return { io, out: () => out.join(""), err: () => err.join("") };
}

describe("npm run lab: arguments", () => {
  it("lists the scenarios with --list", async () => {
    const c = capture();
    expect(await runLab(["--list"], c.io)).toBe(0);
    for (const name of ["handshake", "teardown", "half-close", "write-after-close", "server-closes-first", "simultaneous-close", "syn-backlog", "keepalive"]) {
      expect(c.out()).toContain(name);
    }
  });

  it("refuses an unknown scenario with exit 2 and names the valid ones", async () => {
    const c = capture();
    expect(await runLab(["teardwon"], c.io)).toBe(2);
    expect(c.err()).toContain('Unknown scenario "teardwon"');
    for (const name of SCENARIO_NAMES) expect(c.err()).toContain(name);
    expect(c.out()).toBe("");
  });

  it("exits 2 with usage for no scenario, two scenarios, or an unknown option", async () => {
    for (const argv of [[], ["handshake", "teardown"], ["--bogus"]]) {
      const c = capture();
      expect(await runLab(argv, c.io)).toBe(2);
      expect(c.err()).toContain("Usage: npm run lab");
    }
  });

  it("prints help with --help", async () => {
    const c = capture();
    expect(await runLab(["--help"], c.io)).toBe(0);
    expect(c.out()).toContain("--no-pause");
  });

  it("says in one line that ss is missing, and exits 1", async () => {
    const missing = Object.assign(new Error("spawn ss ENOENT"), { code: "ENOENT" });
    const c = capture({ platform: "linux", runCommand: () => Promise.reject(missing) });
    expect(await runLab(["handshake"], c.io)).toBe(1);
    expect(c.err().trim().split("\n")).toHaveLength(1);
    expect(c.err()).toContain("iproute2");
  });

  it("says in one line that the platform is not supported, and exits 1", async () => {
    const c = capture({ platform: "win32" });
    expect(await runLab(["handshake"], c.io)).toBe(1);
    expect(c.err().trim().split("\n")).toHaveLength(1);
    expect(c.err()).toContain("win32");
  });
});

describe.skipIf(!onLinux)("npm run lab: real runs", () => {
  it("runs a scenario straight through without a terminal and prints kernel next to model", async () => {
    const c = capture();
    expect(await runLab(["handshake", "--no-color"], c.io)).toBe(0);
    const text = c.out();
    expect(text).toContain("Step 2/3");
    expect(text).toContain("ESTABLISHED (ESTAB)");
    expect(text).toContain("✓ same");
    expect(text).toContain("SYN,ACK seq=300 ack=101");
    expect(text).toContain("Predictions: your nextState (stub.ts)");
    expect(text).not.toMatch(/\x1b\[/); // --no-color
    const port = Number(/sport = :(\d+)/.exec(text)?.[1]);
    expect(await socketsLeftOpen([port])).toEqual([]);
  }, 15_000);

  it("on Ctrl-C closes everything, then exits 130", async () => {
    const signals = new EventEmitter();
    const exits: number[] = [];
    const c = capture({ signals, exit: (code) => exits.push(code) });
    const running = runLab(["keepalive", "--no-color"], c.io);
    // Interrupt while the scenario waits in its 2.5 s silence.
    for (let i = 0; i < 200 && !c.out().includes("Stay silent"); i++) await new Promise((r) => setTimeout(r, 20));
    signals.emit("SIGINT");
    expect(await running).toBe(130);
    expect(exits).toEqual([130]);
    expect(c.err()).toContain("Interrupted");
    expect(signals.listenerCount("SIGINT")).toBe(0);
    const port = Number(/sport = :(\d+)/.exec(c.out())?.[1]);
    expect(port).toBeGreaterThan(0);
    expect(await socketsLeftOpen([port])).toEqual([]);
  }, 15_000);

  it("steps on Enter when stdin is a terminal, and q quits", async () => {
    const { PassThrough } = await import("node:stream");
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const c = capture({ stdin });
    const running = runLab(["handshake", "--no-color"], c.io);
    for (let i = 0; i < 100 && !c.out().includes("Enter: run this step"); i++) await new Promise((r) => setTimeout(r, 20));
    stdin.write("\n"); // step 1
    for (let i = 0; i < 100 && !c.out().includes("Step 2/3"); i++) await new Promise((r) => setTimeout(r, 20));
    stdin.write("q\n");
    expect(await running).toBe(0);
    expect(c.out()).toContain("Step 1/3");
    expect(c.out()).toContain("LISTEN");
    expect(c.out()).toContain("Stopped.");
    expect(c.out()).not.toContain("Step 3/3");
  }, 15_000);
});

describe("the lab's documentation", () => {
  it("docs/lab.md has a section for every scenario", async () => {
    const { readFile } = await import("node:fs/promises");
    const doc = await readFile(new URL("../../docs/lab.md", import.meta.url), "utf8");
    for (const name of SCENARIO_NAMES) expect(doc).toContain(`### ${name}\n`);
  });
});
