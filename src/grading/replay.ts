/**
 * Replay tokens: `exercise:property:seed:path`, printed with every failure so
 * that `npm run grade -- NN --replay TOKEN` checks exactly that case again.
 * The path is fast-check's, with runs of a repeated step packed ("0*12").
 */
export interface Replay {
  readonly exercise: string;
  readonly propertyIndex: number;
  /** Absent for an exhaustive (`every`) property: the path is then the item's index. */
  readonly seed?: number;
  readonly path: string;
}

/** fast-check never shrinks anywhere near this many steps; a longer path is not a token we printed. */
const MAX_PATH_STEPS = 100_000;

export function formatReplay(exercise: string, propertyIndex: number, seed: number | undefined, path: string): string {
  return `${exercise}:${propertyIndex}:${seed ?? "all"}:${packPath(path)}`;
}

function packPath(path: string): string {
  const out: string[] = [];
  for (const step of path.split(":")) {
    const last = out.at(-1);
    const [value, count = "1"] = last?.split("*") ?? [];
    if (last !== undefined && value === step) out[out.length - 1] = `${step}*${Number(count) + 1}`;
    else out.push(step);
  }
  return out.join(":");
}

function unpackPath(packed: string): string | undefined {
  const steps: string[] = [];
  for (const part of packed.split(":")) {
    const [value = "", count = "1"] = part.split("*");
    const n = Number(count);
    if (!Number.isSafeInteger(n) || n < 1 || steps.length + n > MAX_PATH_STEPS) return undefined;
    for (let i = 0; i < n; i++) steps.push(value);
  }
  return steps.join(":");
}

/** The replay a token stands for, or undefined when it is not one (malformed, or absurdly long). */
export function parseReplay(token: string): Replay | undefined {
  const m = /^([A-Za-z_$][\w$]*):(\d{1,6}):(-?\d{1,10}|all):((?:\d{1,9}(?:\*\d{1,9})?)(?::\d{1,9}(?:\*\d{1,9})?)*)$/.exec(token);
  if (!m) return undefined;
  const path = unpackPath(m[4]!);
  if (path === undefined) return undefined;
  return {
    exercise: m[1]!,
    propertyIndex: Number(m[2]),
    ...(m[3] === "all" ? {} : { seed: Number(m[3]) }),
    path,
  };
}
