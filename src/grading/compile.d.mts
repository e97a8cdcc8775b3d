/** Compiles a TypeScript module and its relative imports into one cached .mjs file; returns its path. */
export function compileModule(entry: string): Promise<string>;
/** Starts a helper process from its TypeScript entry, compiled; IPC channel, stderr piped, stdout dropped. */
export function spawnCompiled(entry: string, nodeArgs?: readonly string[]): import("node:child_process").ChildProcess;
/** The command line (src/cli/main.ts), compiled with code splitting and cached; returns the entry file's path. */
export function compileProgram(entry: string): Promise<string>;
/** The source files a compiled module was built from (absolute paths). */
export function sourcesOf(entry: string): string[];
