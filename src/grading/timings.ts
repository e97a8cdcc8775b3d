/**
 * How long each lesson took to grade last time, kept in node_modules/.cache so
 * the next run can start the slowest lessons first (as Jest orders test files):
 * with two processes working, that keeps one from idling while the other
 * finishes a long lesson alone. Losing the file only costs a little speed.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

type Timings = Record<string, number>;

function cacheFile(root: string): string {
  return join(root, "node_modules", ".cache", "tcp-workbook", "timings.json");
}

export function readTimings(root: string): Timings {
  try {
    const data = JSON.parse(readFileSync(cacheFile(root), "utf8")) as unknown;
    return data && typeof data === "object" ? (data as Timings) : {};
  } catch {
    return {};
  }
}

export function writeTimings(root: string, update: Timings): void {
  const file = cacheFile(root);
  try {
    mkdirSync(join(file, ".."), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ ...readTimings(root), ...update }));
    renameSync(temporary, file);
  } catch {
    // A read-only folder only means the next run keeps the default order.
  }
}

/** Slowest first; lessons never timed go first of all, since they may be slow. */
export function slowestFirst<T>(items: readonly T[], key: (item: T) => string, timings: Timings): T[] {
  const cost = (item: T) => timings[key(item)] ?? Number.POSITIVE_INFINITY;
  return [...items].sort((a, b) => cost(b) - cost(a));
}
