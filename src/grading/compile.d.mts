/** Compiles a TypeScript module and its relative imports into one cached .mjs file; returns its path. */
export function compileModule(entry: string): Promise<string>;
/** The grading child's entry, compiled (synchronously) and cached; returns its path. */
export function compileChild(entry: string): string;
/** The command line (src/cli/main.ts), compiled with code splitting and cached; returns the entry file's path. */
export function compileProgram(entry: string): Promise<string>;
/** The source files a compiled module was built from (absolute paths). */
export function sourcesOf(entry: string): string[];
