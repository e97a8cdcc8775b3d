/**
 * What a helper process started by spawnCompiled (compile.mjs) needs: it runs
 * compiled, so it is told where the project is instead of working it out from
 * its own location, and it loads the project's other TypeScript compiled too.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const PROJECT_ROOT = process.env.WORKBOOK_PROJECT_ROOT ?? process.cwd();

const compiler = (await import(pathToFileURL(join(PROJECT_ROOT, "src/grading/compile.mjs")).href)) as typeof import("./compile.mjs");

/** Imports a TypeScript module of the project, compiled. */
export async function importCompiled(file: string): Promise<Record<string, unknown>> {
  return (await import(pathToFileURL(await compiler.compileModule(file)).href)) as Record<string, unknown>;
}
