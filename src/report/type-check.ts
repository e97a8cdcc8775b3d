/**
 * The TypeScript checker on one learner file: its semantic errors, as notes
 * (see type-notes.ts, which caches them and runs this in a worker thread).
 * A long-lived worker keeps the previous program, so checking the file again
 * after a save reuses the parsed standard library and costs tens of milliseconds.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { join, relative, sep } from "node:path";
import type * as TS from "typescript";

/** At most this many notes per file: the first ones are the ones to fix. */
const MAX_NOTES = 3;

export interface TypeCheck {
  /** Every local source file the check read, with the hash of its content (what the cache is valid for). */
  readonly files: Readonly<Record<string, string>>;
  readonly notes: readonly string[];
}

export const contentHash = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);

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

/** Lines like `exercises/01-flags.ts:48: type error: Operator '+' cannot be applied … (your code still ran)`. */
export function checkTypes(file: string, root: string): TypeCheck | undefined {
  const typescript = loadTypeScript();
  if (!typescript) return undefined;
  const config = typescript.readConfigFile(join(root, "tsconfig.json"), typescript.sys.readFile);
  const options = config.error
    ? { strict: true, allowImportingTsExtensions: true }
    : typescript.parseJsonConfigFileContent(config.config, typescript.sys, root).options;
  // No @types: an exercise file needs none, and loading Node's types would triple the cost.
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
  return { files: Object.fromEntries(local.map((f) => [f.fileName, contentHash(f.text)])), notes };
}
