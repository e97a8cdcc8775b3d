/**
 * What a learner sees in a real terminal (tmux drives one; the test reads the
 * screen) at 80×24 and at 60 columns, with lessons 01 and 02 solved and two
 * mistakes in lesson 03: the failure to fix, "Next:" and the keys never scroll
 * away, the other failure waits on one line, lessons that need nothing share a
 * line, and no diagram is re-wrapped by the terminal.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleWidth } from "../../src/ui/text.ts";
import { eventually, REPO_ROOT } from "../cli/helpers.ts";

const hasTmux = spawnSync("tmux", ["-V"]).status === 0;

let root: string;
beforeAll(() => {
  // The real course, with the learner's own exercises folder: the rest is the workbook's, linked.
  root = mkdtempSync(join(tmpdir(), "workbook-screen-"));
  for (const dir of ["content", "solutions", "grader", "lib", "node_modules"]) symlinkSync(join(REPO_ROOT, dir), join(root, dir), "junction");
  for (const file of ["package.json", "tsconfig.json"]) cpSync(join(REPO_ROOT, file), join(root, file));
  mkdirSync(join(root, "exercises"));
  for (const slug of ["04-teardown", "05-time-wait", "06-retransmission", "07-keepalive", "08-faq"]) cpSync(join(REPO_ROOT, "exercises", `${slug}.ts`), join(root, "exercises", `${slug}.ts`));
  for (const slug of ["01-flags", "02-sequence-numbers"]) cpSync(join(REPO_ROOT, "solutions", `${slug}.ts`), join(root, "exercises", `${slug}.ts`));
  // Two mistakes: the SYN's number not consumed in LISTEN, and ISN + 1 without wrapping around 2^32.
  const mine = readFileSync(join(REPO_ROOT, "solutions", "03-handshake.ts"), "utf8")
    .replace("const rcvNxt = seqAdd(syn.seq, 1);", "const rcvNxt = syn.seq;")
    .replace("const clientNext = seqAdd(isnClient, 1);", "const clientNext = isnClient + 1;");
  expect(mine).toContain("const rcvNxt = syn.seq;");
  expect(mine).toContain("isnClient + 1;");
  writeFileSync(join(root, "exercises", "03-handshake.ts"), `${mine}\nexport const typo: number = "one" as string;\n`);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A terminal of its own (a private tmux server), running a command in the workbook's folder on the course above. */
function terminal(columns: number, rows: number, command: string) {
  const socket = `workbook-screen-${process.pid}-${Date.now()}`;
  const tmux = (...args: string[]) => spawnSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });
  const started = tmux("new-session", "-d", "-s", "t", "-x", String(columns), "-y", String(rows), "-c", REPO_ROOT, `WORKBOOK_ROOT='${root}' ${command}; echo "EXITED $?"; sleep 30`);
  expect(started.status, started.stderr).toBe(0);
  /** What is on screen now (wrapped lines stay wrapped, as the learner sees them). */
  const screen = () => tmux("capture-pane", "-p", "-t", "t").stdout;
  /** Everything printed, lines the terminal wrapped joined again, so their true width shows. */
  const history = () => tmux("capture-pane", "-p", "-J", "-S", "-500", "-t", "t").stdout;
  const shows = (text: string, where = screen) => eventually(() => where().includes(text), () => `"${text}" on screen:\n${screen()}`, 30_000);
  const resize = (x: number, y: number) => tmux("resize-window", "-t", "t", "-x", String(x), "-y", String(y));
  return { screen, history, shows, resize, keys: (...k: string[]) => tmux("send-keys", "-t", "t", ...k), close: () => tmux("kill-server") };
}

describe.skipIf(!hasTmux)("reports in a real terminal", () => {
  it("watch at 80×24: the first failure in full with its own hint, the other on one line, Next and the keys in view; e shows all", async () => {
    const t = terminal(80, 24, "npm run watch -- 03");
    try {
      await t.shows("Keys:");
      await t.shows("type error");
      const lines = t.screen().trimEnd().split("\n");
      expect(lines[0]).toContain("Watching 03-handshake"); // nothing scrolled off the top
      const text = lines.join("\n");
      expect(text).toContain("Property   every opening row of the table");
      expect(text).toMatch(/Your code {2}SYN-RECEIVED/);
      expect(text).toContain("Hint       In LISTEN"); // the hint for a failure in LISTEN, not the ladder's first
      expect(text).toMatch(/✗ handshakeSegments +failed: none of 3 properties hold {2}\(e: show\)/);
      expect(text.replace(/\s+/g, " ")).toMatch(/note exercises\/03-handshake\.ts:\d+: type error: Type 'string' is not assignable to type 'number'\. \(your code still ran\)/);
      expect(text).toContain("Next: nextState in exercises/03-handshake.ts.");
      expect(lines.at(-1)).toMatch(/^Keys: r grade again · h next hint · e more · q stop/);

      t.keys("e");
      await t.shows("handshakeSegments(4294967295, 0)", t.history);
      expect(t.history()).toContain("At the edge of the number space, ISN + 1"); // that failure's own hint
      t.keys("q");
      await t.shows("Stopped watching 03-handshake.");
    } finally {
      t.close();
    }
  }, 60_000);

  it("watch at 60×24: the same, narrower; the keys still on the last line and nothing off the top", async () => {
    const t = terminal(60, 24, "npm run watch -- 03");
    try {
      await t.shows("Keys:");
      await new Promise((resolve) => setTimeout(resolve, 3000)); // the screen is drawn again once the type check is done
      const lines = t.screen().trimEnd().split("\n");
      expect(lines[0]).toContain("Watching 03-handshake");
      expect(lines.join("\n")).toContain("Your code");
      expect(lines.join("\n")).toContain("Next: nextState in");
      expect(lines.at(-1)).toMatch(/^Keys: r grade again · h next hint · e more · q stop/);
      expect(lines.join("\n")).toContain("… (e shows everything)");
      t.keys("C-c"); // Ctrl-C says goodbye as q does, and npm reports no error
      await t.shows("EXITED 0");
      expect(t.screen()).toContain("Stopped watching 03-handshake.");
      expect(t.history()).toContain("Bye! Your progress is saved; npm run watch -- 03-handshake brings you back.");
      expect(t.screen()).not.toContain("npm error");
    } finally {
      t.close();
    }
  }, 60_000);

  it("the whole course at 80×24: passing and untouched lessons one line each, the failure and Next in view", async () => {
    const t = terminal(80, 24, "npm run grade");
    try {
      await t.shows("EXITED 1");
      const text = t.screen();
      expect(text).toContain("✓ every exercise passes: 01-flags, 02-sequence-numbers");
      expect(text).toContain("· not started yet: 04-teardown to 08-faq (5 lessons)");
      expect(text).toContain("Property   every opening row of the table");
      expect(text).toContain("Next: nextState in exercises/03-handshake.ts.");
      expect(text).toContain("8 of 21 exercises passed");
    } finally {
      t.close();
    }
  }, 60_000);

  it("at 60 columns nothing is wrapped by the terminal, and the diagrams keep whole arrows and labels", async () => {
    const t = terminal(60, 40, "npm run grade -- 03 --full");
    try {
      await t.shows("EXITED 1");
      const lines = t.history().split("\n");
      const tooWide = lines.filter((l) => visibleWidth(l) > 60 && !l.includes("--replay"));
      expect(tooWide).toEqual([]);
      expect(lines.some((l) => /^ *\|<-+ SYN seq=300 --\|$/.test(l))).toBe(true); // an arrow narrowed, its label whole
      expect(lines.some((l) => /^ *\|-- SYN,ACK seq=0 ack=4294967296 -*>\||^ *\|<-+ SYN,ACK seq=0 ack=4294967296 --\|/.test(l))).toBe(true);
      for (const row of lines.filter((l) => /\|(--|<-)/.test(l))) expect(row).toMatch(/(>\||--\|)( \S+)?$|…$/);
    } finally {
      t.close();
    }
  }, 60_000);

  it("the menu reflows when the terminal narrows to 60 columns, every lesson on one line", async () => {
    const t = terminal(100, 30, "npm start");
    try {
      await t.shows("Choose a lesson");
      expect(t.screen()).toMatch(/01-flags +Flags: the eight bits that steer a connection +(passed|not started)/);
      t.resize(60, 30);
      await eventually(() => /[✓✗·] 01-flags/.test(t.screen()) && !t.screen().includes("the eight bits that steer a connection"), () => t.screen(), 20_000);
      const rows = t.screen().split("\n").filter((l) => /^[❯ ] [✓✗·] \d\d-[a-z]/.test(l));
      expect(rows).toHaveLength(8); // each lesson on a line of its own: nothing wrapped
      for (const row of rows) expect(visibleWidth(row)).toBeLessThanOrEqual(60);
      t.keys("C-c");
      await t.shows("EXITED 0");
    } finally {
      t.close();
    }
  }, 60_000);
});
