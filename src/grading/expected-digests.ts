/**
 * The digests of the reference's answers to each property's `every` list,
 * kept between runs. An `every` list does not depend on the seed, so neither
 * do its answers: once known, a judge compares the runner's digests with these
 * and runs the reference only on the inputs whose digests differ (to show the
 * failure). Keyed by the compiled spec, reference and harness and fast-check's
 * version, so any change to them starts afresh; a folder that cannot be
 * written only means they are computed again next time.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** One digest per item of the list; null where JSON cannot carry the reference's answer exactly. */
export type Digests = readonly (string | null)[];

/** Bump when what a digest means changes, so digests kept the old way are not used. */
const VERSION = "2";

export class ExpectedDigests {
  private readonly file: string;
  private data: Record<string, Digests> = {};
  private dirty = false;

  /** `parts`: the texts whose change makes the digests stale (compiled spec, reference, harness, versions). */
  constructor(dir: string, parts: readonly string[]) {
    const key = createHash("sha256").update(VERSION).update("\0");
    for (const part of parts) key.update(part).update("\0");
    this.file = join(dir, `${key.digest("hex").slice(0, 24)}.json`);
    try {
      const data = JSON.parse(readFileSync(this.file, "utf8")) as unknown;
      if (isDigestTable(data)) this.data = data;
    } catch {
      // none yet, or unreadable: computed afresh
    }
  }

  /** The digests for property `property` of `exercise`, if known for a list of `length` items. */
  get(exercise: string, property: number, length: number): Digests | undefined {
    const found = this.data[`${exercise}#${property}`];
    return found?.length === length ? found : undefined;
  }

  set(exercise: string, property: number, digests: Digests): void {
    this.data[`${exercise}#${property}`] = digests;
    this.dirty = true;
  }

  /** Writes what was learned (atomically: judges of other runs may read it at any time). */
  save(): void {
    if (!this.dirty) return;
    try {
      mkdirSync(join(this.file, ".."), { recursive: true });
      const temporary = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(temporary, JSON.stringify(this.data));
      renameSync(temporary, this.file);
      this.dirty = false;
    } catch {
      // a read-only folder or a full disk: next time computes them again
    }
  }
}

function isDigestTable(data: unknown): data is Record<string, Digests> {
  return (
    typeof data === "object" &&
    data !== null &&
    !Array.isArray(data) &&
    Object.values(data).every((list) => Array.isArray(list) && list.every((d) => d === null || typeof d === "string"))
  );
}
