/**
 * `npm run bench`: how fast grading is, measured against a baseline in the same
 * run (this machine is noisy, so only ratios mean much). Rounds alternate between
 * the commands so a slow moment hurts both. Prints medians and ratios.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { parseCommand } from "./args.ts";
import { EXIT, type Io } from "./io.ts";

const USAGE = `Usage: npm run bench -- [--rounds N]
  --rounds N   alternating rounds of timing (default 7)`;

interface Subject {
  readonly name: string;
  readonly args: readonly string[];
  /** Exit codes that mean the command did its job. */
  readonly ok: readonly number[];
}

export async function benchCommand(argv: string[], io: Io): Promise<number> {
  const args = parseCommand(argv, io, USAGE, { rounds: { type: "string", default: "7" } });
  if (typeof args === "number") return args;
  const { values } = args;
  const rounds = Math.max(1, Number.parseInt(values.rounds!, 10) || 7);
  const bin = join(io.root, "bin", "workbook.mjs");
  const vitest = join(io.root, "node_modules", "vitest", "vitest.mjs");
  const subjects: Subject[] = [
    { name: "vitest run, one trivial test (baseline)", args: [vitest, "run", "--config", "bench/vitest.config.ts"], ok: [0] },
    { name: "grade the whole course (reference solutions)", args: [bin, "grade", "--solutions", "--seed", "1"], ok: [0] },
    { name: "grade one lesson (03-handshake, reference)", args: [bin, "grade", "03", "--solutions", "--seed", "1"], ok: [0] },
  ];
  const times = subjects.map(() => [] as number[]);
  io.stdout.write(`Timing ${subjects.length} commands, ${rounds} alternating rounds, each started as \`node <entry> ...\` from ${io.root}\n`);
  for (let round = 0; round < rounds; round++) {
    subjects.forEach((s, i) => {
      const started = process.hrtime.bigint();
      const r = spawnSync(process.execPath, s.args, { cwd: io.root, stdio: "ignore", env: { ...process.env, NO_COLOR: "1" } });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (!s.ok.includes(r.status ?? -1)) throw new Error(`${s.name} failed (exit ${r.status}); run it by hand to see why`);
      times[i]!.push(ms);
    });
    io.stderr.write(`\rround ${round + 1}/${rounds}`);
  }
  io.stderr.write("\r\x1b[K");
  const medians = times.map(median);
  const base = medians[0]!;
  for (const [i, s] of subjects.entries()) {
    const ratio = i === 0 ? "" : `  ${(medians[i]! / base).toFixed(2)}× baseline`;
    io.stdout.write(`${s.name.padEnd(48)} median ${medians[i]!.toFixed(0).padStart(5)} ms  (min ${Math.min(...times[i]!).toFixed(0)}, max ${Math.max(...times[i]!).toFixed(0)})${ratio}\n`);
  }
  const wholeCourse = medians[1]! / base;
  io.stdout.write(`\nWhole course / baseline: ${wholeCourse.toFixed(2)} (target ≤ 1.5, goal 1.2)\n`);
  return EXIT.ok;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
