/**
 * Type errors in the learner's exercise file, as notes for the report: the
 * grader runs the code whatever its types say (esbuild strips them), so
 * `dataLength + flags.SYN` (number + boolean) would pass unnoticed although
 * `tsc` rejects it. This reads the learner's source with the TypeScript checker
 * (it runs none of it) and never fails an exercise.
 *
 * Cost (measured on the project's 2-core machine): loading the checker and the
 * standard library's types takes about a second, so the check runs in a worker
 * thread, in parallel with grading, and the report never waits for it. A watch
 * session keeps its worker, which re-checks a saved file in about 0.2 s. The
 * answer for a file is cached on disk by the content of the file and of every
 * local file it imports: grading an unchanged file again costs a few hashes and
 * starts no worker. An untouched stub is not checked.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import { contentHash, type TypeCheck } from "./type-check.ts";

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, (result: TypeCheck | undefined) => void>();

/** The checker's thread, started on first use; it keeps the process alive only while it has work. */
function check(file: string, root: string): Promise<TypeCheck | undefined> {
  if (!worker) {
    worker = new Worker(new URL("./type-check-worker.mjs", import.meta.url));
    worker.on("message", ({ id, result }: { id: number; result: TypeCheck | undefined }) => {
      pending.get(id)?.(result);
      pending.delete(id);
      if (pending.size === 0) worker?.unref();
    });
    const fail = () => {
      for (const done of pending.values()) done(undefined);
      pending.clear();
      worker = undefined;
    };
    worker.on("error", fail);
    worker.on("exit", fail);
  }
  worker.ref();
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker!.postMessage({ id, file, root });
  });
}

const read = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : "");

function cacheFile(root: string, file: string): string | undefined {
  const modules = join(root, "node_modules");
  if (!existsSync(modules)) return undefined;
  return join(realpathSync(modules), ".cache", "tcp-workbook", "type-notes", `${contentHash(file)}.json`);
}

/**
 * The type errors of one file as lines like
 * `exercises/01-flags.ts:48: type error: Operator '+' cannot be applied … (your code still ran)`.
 * `isStub`: the file is untouched (nothing worth checking).
 */
export async function typeNotes(file: string, root: string, isStub = false): Promise<string[]> {
  if (isStub || !existsSync(file)) return [];
  const where = cacheFile(root, file);
  try {
    const cached = where && existsSync(where) ? (JSON.parse(readFileSync(where, "utf8")) as TypeCheck) : undefined;
    if (cached && Object.entries(cached.files).every(([f, h]) => contentHash(read(f)) === h)) return [...cached.notes];
  } catch {
    // An unreadable cache entry: check again.
  }
  const checked = await check(file, root);
  if (!checked) return [];
  if (where) {
    try {
      mkdirSync(dirname(where), { recursive: true });
      writeFileSync(where, JSON.stringify(checked));
    } catch {
      // A read-only folder: check again next time.
    }
  }
  return [...checked.notes];
}
