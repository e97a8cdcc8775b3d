/**
 * A child process of the course self-check: imports a lesson's modules (stub,
 * solution, spec, known-wrong files) and reports what each one exports, so the
 * self-check can compare the files with the front matter. It runs in its own
 * process so a fresh import always reads the files as they are now, and so the
 * modules see the same `lib/` as the grader does.
 */
import { importCompiled } from "../grading/compiled-runtime.ts";

export interface InspectRequest {
  readonly file: string;
  /** "spec": also report the default export's entries and how many properties each has. */
  readonly kind: "module" | "spec";
}

export interface ModuleExports {
  readonly file: string;
  /** Why the module could not be imported, when it could not. */
  readonly error?: string;
  /** Names of the exported functions. */
  readonly functions: readonly string[];
  /** For a spec: each entry of the default export and its number of properties (null: not a list). */
  readonly specEntries?: Readonly<Record<string, number | null>>;
  /** For a spec: the names of each entry's properties (hints name the properties they help with). */
  readonly propertyNames?: Readonly<Record<string, readonly string[]>>;
  /** For a spec: what is wrong with the default export itself, if anything. */
  readonly specProblem?: string;
}

async function inspect({ file, kind }: InspectRequest): Promise<ModuleExports> {
  let mod: Record<string, unknown>;
  try {
    mod = await importCompiled(file);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return { file, error: text.split("\n")[0] ?? text, functions: [] };
  }
  const functions = Object.keys(mod).filter((k) => k !== "default" && typeof mod[k] === "function");
  if (kind === "module") return { file, functions };
  const spec = mod.default;
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
    return { file, functions, specProblem: "has no `export default spec({...})`" };
  }
  const specEntries: Record<string, number | null> = {};
  const propertyNames: Record<string, string[]> = {};
  for (const [name, properties] of Object.entries(spec)) {
    specEntries[name] = Array.isArray(properties) ? properties.length : null;
    if (Array.isArray(properties)) propertyNames[name] = properties.map((p: { name?: unknown }) => String(p?.name ?? ""));
  }
  return { file, functions, specEntries, propertyNames };
}

process.once("message", async (requests: InspectRequest[]) => {
  const out: ModuleExports[] = [];
  for (const request of requests) out.push(await inspect(request));
  process.send!(out, () => process.exit(0));
});
process.send!("ready");
