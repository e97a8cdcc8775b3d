/**
 * Type errors in the learner's exercise file, as notes for the report: the
 * grader runs the code whatever its types say (esbuild strips them), so
 * `dataLength + flags.SYN` (number + boolean) would pass unnoticed although
 * `tsc` rejects it. This reads the learner's source with the TypeScript checker
 * (it runs none of it), in the command's own process, never failing an exercise.
 *
 * Cost: loading the checker and the standard library's types is the slow part
 * (about a second); a watch session keeps the previous program, so a save is
 * re-checked in tens of milliseconds, and the answer for a file is cached on
 * disk by the content of the file and every local file it imports, so grading
 * an unchanged file again costs one hash. An untouched stub is not checked.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import type * as TS from "typescript";

/** At most this many notes per file: the first ones are the ones to fix. */
const MAX_NOTES = 3;

interface CacheEntry {
  /** Every local source file the check read, with the hash of its content. */
  readonly files: Readonly<Record<string, string>>;
  readonly notes: readonly string[];
}

let ts: typeof TS | null | undefined;
let previous: TS.Program | undefined;

function loadTypeScript(): typeof TS | null {
  if (ts === undefined) {
    try {
      ts = createRequire(import.meta.url)("typescript") as typeof TS;
    } catch {
      ts = null; // Installed without dev dependencies: the notes are a bonus, grading goes on without them.
    }
  }
  return ts;
}

const hash = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);
const read = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : "");

function cacheFile(root: string, file: string): string {
  return join(realpathSync(join(root, "node_modules")), ".cache", "tcp-workbook", "type-notes", `${hash(file)}.json`);
}

/**
 * The type errors of one file as lines like
 * `exercises/01-flags.ts:48: type error: Operator '+' cannot be applied … (your code still ran)`.
 * `isStub`: the file is untouched (nothing worth checking).
 */
export function typeNotes(file: string, root: string, isStub = false): string[] {
  if (isStub || !existsSync(file)) return [];
  let cached: CacheEntry | undefined;
  const where = existsSync(join(root, "node_modules")) ? cacheFile(root, file) : undefined;
  try {
    if (where && existsSync(where)) cached = JSON.parse(readFileSync(where, "utf8")) as CacheEntry;
  } catch {
    cached = undefined;
  }
  if (cached && Object.entries(cached.files).every(([f, h]) => hash(read(f)) === h)) return [...cached.notes];
  const checked = check(file, root);
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

function check(file: string, root: string): CacheEntry | undefined {
  const typescript = loadTypeScript();
  if (!typescript) return undefined;
  const config = typescript.readConfigFile(join(root, "tsconfig.json"), typescript.sys.readFile);
  const options = config.error ? { strict: true, noEmit: true, allowImportingTsExtensions: true } : typescript.parseJsonConfigFileContent(config.config, typescript.sys, root).options;
  const program = typescript.createProgram({ rootNames: [file], options: { ...options, noEmit: true, types: [] }, ...(previous ? { oldProgram: previous } : {}) });
  previous = program;
  const source = program.getSourceFile(file);
  if (!source) return undefined;
  const shown = relative(root, file).split(sep).join("/");
  const diagnostics = program.getSemanticDiagnostics(source);
  const notes = diagnostics.slice(0, MAX_NOTES).map((d) => {
    const line = d.start === undefined ? "" : `:${source.getLineAndCharacterOfPosition(d.start).line + 1}`;
    const text = typescript.flattenDiagnosticMessageText(d.messageText, " ").replace(/\s+/g, " ");
    return `${shown}${line}: type error: ${text} (your code still ran)`;
  });
  if (diagnostics.length > MAX_NOTES) notes.push(`… and ${diagnostics.length - MAX_NOTES} more type errors (all of them: npx tsc --noEmit -p .)`);
  const local = program.getSourceFiles().filter((f) => !f.fileName.includes("/node_modules/") && !program.isSourceFileDefaultLibrary(f));
  return { files: Object.fromEntries(local.map((f) => [f.fileName, hash(f.text)])), notes };
}
