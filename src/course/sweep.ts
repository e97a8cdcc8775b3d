/**
 * `npm run sweep [-- --seeds N] [-- --lessons 03,04]`: grades every reference
 * solution, every known-wrong implementation, every accepted reading and every
 * later reference built on a reading (the self-check's behaviour claims, src/course/self-check.ts)
 * on N random seeds (default 200), and lists every claim whose verdict is not
 * the same on all of them, with the seeds it failed on. A verdict must never
 * depend on the seed: a known-wrong file caught on only some seeds, or a correct
 * one refused on some, is a hole in a spec.
 *
 * Slow (the whole course graded once per seed), so not part of `npm test`.
 * Exit code 0 when every claim held on every seed.
 */
import { parseArgs } from "node:util";
import { randomSeed } from "../grading/grade-course.ts";
import { loadCourse, PROJECT_ROOT, selectLessons } from "./course.ts";
import { expectations, runSelfCheck, type Expectation } from "./self-check.ts";

export interface SweepResult {
  readonly seeds: readonly number[];
  /** Claims that failed on some seeds: the claim in words, its lesson and exercise, the seeds, and the first reason. */
  readonly unstable: readonly { readonly lesson: string; readonly exercise: string; readonly claim: string; readonly failedOn: readonly number[]; readonly total: number; readonly why: string }[];
  readonly claims: number;
  readonly durationMs: number;
}

/** The claim without its seed: the same claim on every seed. */
function claimKey(c: Expectation): string {
  return `${c.lesson} ${c.exercise}: ${c.claim.replace(/ \(seed \d+\)$/, "")}`;
}

export interface SweepProgress {
  /** After each seed: how many seeds are done. */
  readonly onSeed?: (done: number) => void;
  /** Each time a claim fails on a seed, at once (a long sweep stopped early still tells). */
  readonly onFailure?: (claim: string, seed: number) => void;
}

export async function sweep(lessons: readonly string[], seeds: readonly number[], progress: SweepProgress = {}): Promise<SweepResult> {
  const started = Date.now();
  const course = loadCourse(PROJECT_ROOT);
  const picked = selectLessons(course, lessons);
  if (!picked.ok) throw new Error(picked.message);
  // Later lessons are kept so that the claims about references built on a reading are swept too.
  const firstPicked = Math.min(...picked.lessons.map((l) => l.number));
  const scope = { root: course.root, lessons: course.lessons.filter((l) => l.number >= firstPicked) };
  const wanted = new Set(picked.lessons.map((l) => l.slug));
  const failures = new Map<string, { lesson: string; exercise: string; claim: string; seeds: number[]; why: string }>();
  const totals = new Map<string, number>();
  let done = 0;
  for (const seed of seeds) {
    // The claims of this seed only: the stub claims and the fixed-seed run say nothing about seeds.
    const claims = expectations(scope, seed).filter((c) => c.seed === seed && !c.claim.startsWith("the untouched stub") && (wanted.has(c.lesson) || [...wanted].some((w) => c.claim.includes(`built on ${w}'s`))));
    // A verdict that depends on the seed is what the sweep looks for; one that depends on how busy the
    // machine is (the 5 s watchdog of a normal run) is not, so each exercise gets a minute here.
    const results = await runSelfCheck(claims, { exerciseTimeoutMs: 60_000, targetBudgetMs: 180_000 });
    for (const c of claims) {
      const key = claimKey(c);
      totals.set(key, (totals.get(key) ?? 0) + 1);
      const r = results.get(c);
      if (r && c.holds(r)) continue;
      const entry = failures.get(key) ?? { lesson: c.lesson, exercise: c.exercise, claim: c.claim.replace(/ \(seed \d+\)$/, ""), seeds: [], why: r ? c.explain(r) : "no result" };
      entry.seeds.push(seed);
      failures.set(key, entry);
      progress.onFailure?.(key, seed);
    }
    progress.onSeed?.(++done);
  }
  return {
    seeds,
    unstable: [...failures.entries()].map(([key, f]) => ({ lesson: f.lesson, exercise: f.exercise, claim: f.claim, failedOn: f.seeds, total: totals.get(key)!, why: f.why })),
    claims: totals.size,
    durationMs: Date.now() - started,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seeds: { type: "string", default: "200" }, lessons: { type: "string", default: "" } } });
  const count = Number(values.seeds);
  if (!Number.isInteger(count) || count < 1) throw new Error(`--seeds must be a positive whole number, not ${values.seeds}`);
  const lessons = values.lessons.split(",").map((s) => s.trim()).filter(Boolean);
  const seeds = Array.from({ length: count }, randomSeed);
  const started = Date.now();
  const result = await sweep(lessons, seeds, {
    onSeed: (done) => {
      if (done % 10 === 0 || done === count) process.stderr.write(`  ${done}/${count} seeds (${((Date.now() - started) / 60_000).toFixed(1)} min)\n`);
    },
    onFailure: (claim, seed) => process.stderr.write(`  FAILED on seed ${seed}: ${claim}\n`),
  });
  const minutes = (result.durationMs / 60_000).toFixed(1);
  if (result.unstable.length === 0) {
    console.log(`Sweep clean: ${result.claims} claims held on all ${count} seeds (${minutes} min).`);
    return;
  }
  console.log(`Sweep: ${result.unstable.length} of ${result.claims} claims did not hold on every one of ${count} seeds (${minutes} min):`);
  for (const u of result.unstable) {
    console.log(`\n- ${u.lesson} ${u.exercise}: ${u.claim}\n  failed on ${u.failedOn.length} of ${u.total} seeds: ${u.failedOn.slice(0, 10).join(", ")}${u.failedOn.length > 10 ? ", ..." : ""}\n  ${u.why}`);
  }
  process.exitCode = 1;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"))) await main();
