/**
 * The seed of classroom grading: fixed per commit, so grading the same push
 * twice gives the same grade, and a learner can replay it. Taken from the
 * checkout's git commit; without git, from the exercise files' contents (the
 * same files then always get the same seed).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface CommitSeed {
  readonly seed: number;
  /** What it was made from: "commit 1a2b3c4" or "the exercise files". */
  readonly from: string;
}

export function commitSeed(checkout: string): CommitSeed {
  const git = spawnSync("git", ["-C", checkout, "rev-parse", "HEAD"], { encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });
  const commit = git.status === 0 ? git.stdout.trim() : "";
  if (/^[0-9a-f]{40,64}$/.test(commit)) return { seed: seedOf(commit), from: `commit ${commit.slice(0, 7)}` };
  const hash = createHash("sha256");
  const dir = join(checkout, "exercises");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts")).sort()) hash.update(file).update("\0").update(readFileSync(join(dir, file)));
  return { seed: seedOf(hash.digest("hex")), from: "the exercise files" };
}

/** A seed in fast-check's 31-bit range, from a hex digest. */
function seedOf(hex: string): number {
  return Number.parseInt(hex.slice(0, 8), 16) & 0x7fffffff;
}
