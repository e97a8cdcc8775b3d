// Compiles TypeScript for the grading children with esbuild, into
// node_modules/.cache, so that a child runs plain JavaScript: no loader hooks in
// front of every import (they cost more than the grading itself). Each module is
// bundled with its relative imports (packages stay external and load as usual),
// with an inline source map so errors still point into the .ts files. A compiled
// module is reused while none of its source files changed. Plain JavaScript
// because bin/workbook.mjs uses it before any TypeScript can load.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, extname, join, relative, resolve } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

// Loaded only when something must be compiled: a run that finds everything cached never needs it.
const esbuild = () => createRequire(import.meta.url)("esbuild");

const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
// The real folder, even when node_modules is a link (as in a copy of the project):
// Node loads modules by their real path, and source maps are read relative to it.
const CACHE = join(realpathSync(join(PROJECT_ROOT, "node_modules")), ".cache", "tcp-workbook", "compiled");

/** Bundled code must see the `import.meta.url` of the file it was written in, not the bundle's. */
const keepImportMetaUrl = {
  name: "keep-import-meta-url",
  setup(build) {
    build.onLoad({ filter: /\.[cm]?ts$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      return { contents: source.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)), loader: "ts" };
    });
  },
};

/**
 * The workbook's own plain-JavaScript modules (*.mjs) stay outside a compiled
 * program: bin/workbook.mjs loads them too, and both must share one instance
 * (the children it starts early are parked in one).
 */
const keepMjsShared = {
  name: "keep-mjs-shared",
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/.*\.mjs$/ }, (args) => ({
      path: pathToFileURL(resolve(args.resolveDir, args.path)).href,
      external: true,
    }));
  },
};

function options(entry, plugins) {
  return {
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: "inline",
    write: false,
    metafile: true,
    logLevel: "silent",
    absWorkingDir: PROJECT_ROOT,
    outfile: join(CACHE, "out.mjs"),
    plugins,
  };
}

/** Compiles a module (a lesson's spec, solution or the learner's file); throws esbuild's error, which names file:line. */
export async function compileModule(entry) {
  return reuse(entry) ?? remember(entry, await esbuild().build(options(entry, [keepMjsShared, keepImportMetaUrl])));
}

/**
 * Starts a helper process (the grading child, the self-check's inspector) from
 * its TypeScript entry, compiled. Compiled synchronously, so without plugins:
 * such an entry must not use `import.meta.url`; it is told the project folder
 * instead (see compiled-runtime.ts). It talks over IPC; its stdout is dropped.
 */
export function spawnCompiled(entry, nodeArgs = []) {
  const file = reuse(entry) ?? remember(entry, esbuild().buildSync(options(entry, [])));
  return spawn(process.execPath, [...nodeArgs, file], {
    stdio: ["ignore", "ignore", "pipe", "ipc"],
    env: { ...process.env, NODE_OPTIONS: "", WORKBOOK_PROJECT_ROOT: PROJECT_ROOT },
  });
}

/**
 * The command line itself (src/cli/main.ts), compiled with code splitting so
 * each command's modules and packages load only when that command runs.
 * Returns the entry file's path.
 */
export async function compileProgram(entry) {
  const cached = reuse(entry);
  if (cached) return cached;
  const { outfile: _outfile, ...base } = options(entry, [keepMjsShared, keepImportMetaUrl]);
  const result = await esbuild().build({ ...base, splitting: true, outdir: join(CACHE, "program"), entryNames: "[name]", chunkNames: "[name]-[hash]" });
  const hash = createHash("sha1").update(entry);
  for (const out of result.outputFiles) hash.update(out.path).update("\0").update(out.text);
  const dir = join(CACHE, `program-${hash.digest("hex").slice(0, 20)}`);
  mkdirSync(dir, { recursive: true });
  let main = "";
  for (const out of result.outputFiles) {
    const target = join(dir, relative(join(CACHE, "program"), out.path));
    if (!existsSync(target)) writeAtomically(target, out.text);
    if (out.path.endsWith(`${basename(entry, extname(entry))}.js`)) main = target;
  }
  return record(entry, main, result);
}

/** The source files a compiled module was built from (absolute paths), as its record remembers them. */
export function sourcesOf(entry) {
  try {
    return JSON.parse(readFileSync(recordOf(entry), "utf8")).inputs.map(([path]) => path);
  } catch {
    return [];
  }
}

function recordOf(entry) {
  return join(CACHE, `${createHash("sha1").update(entry).digest("hex").slice(0, 20)}.json`);
}

/** The compiled file, if it exists and every source file it came from is unchanged. */
function reuse(entry) {
  try {
    const { file, inputs } = JSON.parse(readFileSync(recordOf(entry), "utf8"));
    if (existsSync(file) && inputs.every(([path, stamp]) => stampOf(path) === stamp)) return file;
  } catch {
    // never compiled, or an unreadable record: compile
  }
  return undefined;
}

/** Writes the code under a name made from its entry and contents (a changed file gets a fresh URL), and its record. */
function remember(entry, result) {
  const text = result.outputFiles[0].text;
  const file = join(CACHE, `${createHash("sha1").update(entry).update("\0").update(text).digest("hex").slice(0, 20)}.mjs`);
  mkdirSync(CACHE, { recursive: true });
  if (!existsSync(file)) writeAtomically(file, text);
  return record(entry, file, result);
}

/** Remembers which source files (with their sizes and times) a compiled file came from. */
function record(entry, file, result) {
  const inputs = Object.keys(result.metafile.inputs)
    .filter((path) => !path.startsWith("file:"))
    .map((path) => {
      const absolute = resolve(PROJECT_ROOT, path);
      return [absolute, stampOf(absolute)];
    });
  writeAtomically(recordOf(entry), JSON.stringify({ file, inputs }));
  return file;
}

function writeAtomically(file, text) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

function stampOf(path) {
  try {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return "missing";
  }
}
