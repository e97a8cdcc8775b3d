// Compiles TypeScript with esbuild into a cache folder, so that every process
// runs plain JavaScript: no loader hooks in front of every import (they cost
// more than the grading itself). Each module is bundled with its relative
// imports (packages stay external and load as usual), with an inline source map
// so errors still point into the .ts files. A compiled module is reused while
// none of its source files changed. Plain JavaScript because bin/workbook.mjs
// uses it before any TypeScript can load.
//
// Compiled code is kept in one folder per kind, because the sandbox that runs
// learner code may read only some of them (see child-launcher.mjs):
//   judge/    specs, reference solutions, the command line: never readable by learner code
//   learner/  the learner's exercise files, each bundled with lib/
//   trusted/  reference solutions and known-wrong files graded as if a learner wrote them (self-check)
//   runner/   the program that runs learner code
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { accessSync, constants, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { threadId } from "node:worker_threads";

// Loaded only when something must be compiled: a run that finds everything cached never needs it.
const esbuild = () => createRequire(import.meta.url)("esbuild");

const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The cache folder: node_modules/.cache (its real path, since Node loads modules
 * by their real path and reads source maps relative to it), or, when the project
 * folder cannot be written (a read-only checkout, a full disk), a folder in the
 * system's temporary directory, so grading still works.
 */
function cacheRoot() {
  const preferred = join(realpathSync(join(PROJECT_ROOT, "node_modules")), ".cache", "tcp-workbook", "compiled");
  for (const dir of [preferred, join(tmpdir(), `tcp-workbook-${createHash("sha1").update(PROJECT_ROOT).digest("hex").slice(0, 12)}`)]) {
    try {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
      return realpathSync(dir);
    } catch {
      // try the next one
    }
  }
  return preferred; // nothing writable: compiling will say why
}

const CACHE = cacheRoot();

/** Where the judges keep the digests of the reference's answers to `every` lists (expected-digests.ts). */
export const EXPECTED_DIR = join(CACHE, "expected");

/** The folder of each kind of compiled code (see above). */
export const COMPILED = Object.freeze({
  judge: join(CACHE, "judge"),
  learner: join(CACHE, "learner"),
  trusted: join(CACHE, "trusted"),
  runner: join(CACHE, "runner"),
});
// They exist before any runner starts: Node's permission model grants nothing under a folder that
// did not exist when the process started, so a runner started on a fresh checkout could read nothing.
for (const dir of Object.values(COMPILED)) {
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    // compiling will say why
  }
}

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

/**
 * For code that runs next to learner code (a spec's `run` functions): the
 * reference solutions become modules whose every export throws, so not a line
 * of them reaches that process, and fast-check (only needed to generate inputs,
 * which the judge does) becomes an inert stand-in.
 */
function withoutAnswers(solutionsDir) {
  return {
    name: "without-answers",
    setup(build) {
      build.onResolve({ filter: /^fast-check$/ }, () => ({ path: "fast-check", namespace: "inert" }));
      build.onLoad({ filter: /.*/, namespace: "inert" }, () => ({
        contents:
          "const inert = new Proxy(function () {}, { get: (_t, key) => (key === Symbol.toPrimitive ? () => 'arbitrary' : inert), apply: () => inert, construct: () => inert });\nexport default inert;",
        loader: "js",
      }));
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const path = resolve(args.resolveDir, args.path);
        return path.startsWith(solutionsDir + sep) ? { path, namespace: "withheld" } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: "withheld" }, (args) => {
        const names = [...readFileSync(args.path, "utf8").matchAll(/export\s+(?:async\s+)?(?:function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/g)].map((m) => m[1]);
        const body = [...new Set(names)].map((name) => `export const ${name} = withheld(${JSON.stringify(name)});`).join("\n");
        return {
          contents: `function withheld(name) { return () => { throw new Error(\`the reference \${name} is not available where learner code runs\`); }; }\n${body}`,
          loader: "js",
        };
      });
    },
  };
}

function options(entry, outdir, plugins) {
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
    outfile: join(outdir, "out.mjs"),
    plugins,
  };
}

/**
 * Compiles a module the judge or the command line loads (a spec, a reference
 * solution, a lab module); throws esbuild's error, which names file:line.
 */
export async function compileModule(entry) {
  return reuse("judge", entry) ?? remember("judge", entry, await esbuild().build(options(entry, COMPILED.judge, [keepMjsShared, keepImportMetaUrl])));
}

/**
 * Compiles a file to be run in the sandbox, as `kind` "learner" (an exercise
 * file: its relative imports are bundled in, so the sandbox reads only the
 * compiled file) or "trusted" (a reference or known-wrong file graded like a
 * learner's). Returns the compiled file, the source files it was built from and
 * the packages it imports (left external, which the sandbox cannot read).
 */
export async function compileTarget(entry, kind) {
  const file = reuse(kind, entry) ?? remember(kind, entry, await esbuild().build(options(entry, COMPILED[kind], [keepImportMetaUrl])));
  const { inputs, externals } = readRecord(kind, entry);
  return { file, sources: inputs.map(([path]) => path), externals };
}

/**
 * The code that runs next to learner code for a lesson: a module whose default
 * export maps each exercise to its properties' `run` functions, built from the
 * spec without the reference solutions in `solutionsDir` (see withoutAnswers).
 * Returns the module's text (CommonJS); the sandbox receives it as data, never as a file.
 */
export async function compileHarness(specFile, solutionsDir) {
  const key = `${specFile}#harness`;
  const cached = reuse("judge", key);
  if (cached) return readFileSync(cached, "utf8");
  const contents = [
    `import spec from ${JSON.stringify(specFile)};`,
    // Each property's run, and its every list (the judge then sends only the list's fingerprint).
    "const every = (input) => (Array.isArray(input?.every) ? input.every : undefined);",
    "export default Object.fromEntries(Object.entries(spec).map(([exercise, properties]) => [exercise, properties.map((p) => ({ run: p.run, every: every(p.input) }))]));",
  ].join("\n");
  const base = options(specFile, COMPILED.judge, [withoutAnswers(resolve(solutionsDir)), keepImportMetaUrl]);
  delete base.entryPoints;
  // CommonJS, so the runner can evaluate it as a script under a short name (runner.ts): stack frames of a
  // module imported from a data: URL carry the whole module text as their file name, which makes every
  // throw in learner code cost milliseconds.
  const result = await esbuild().build({ ...base, format: "cjs", sourcemap: false, stdin: { contents, resolveDir: PROJECT_ROOT, sourcefile: key, loader: "ts" } });
  return readFileSync(remember("judge", key, result), "utf8");
}

/** The runner is read by a sandbox that cannot read node_modules: bundle its packages too. */
function selfContained(opts, yes) {
  if (yes) delete opts.packages;
  return opts;
}

/** A launched helper process's command: node with these arguments, prefixed so it dies with this process where the OS allows. */
const PDEATHSIG = (() => {
  if (process.platform !== "linux") return undefined;
  for (const dir of ["/usr/bin", "/bin", "/usr/sbin", "/sbin"]) if (existsSync(join(dir, "setpriv"))) return join(dir, "setpriv");
  return undefined;
})();

/**
 * Starts a helper process (the sandboxed runner, the self-check's inspector)
 * from its TypeScript entry, compiled into `kind`'s folder. Compiled
 * synchronously, so without plugins: such an entry must not use
 * `import.meta.url`; it is told the project folder instead (see
 * compiled-runtime.ts). It talks over IPC (JSON: values JSON would lose are
 * encoded by transfer.ts); its stdout is dropped. On Linux it is
 * killed when this process dies, however it dies (setpriv --pdeathsig).
 */
export function spawnCompiled(entry, nodeArgs = [], kind = "judge") {
  const file = reuse(kind, entry) ?? remember(kind, entry, esbuild().buildSync(selfContained(options(entry, COMPILED[kind], []), kind === "runner")));
  const [command, args] = PDEATHSIG
    ? [PDEATHSIG, ["--pdeathsig", "KILL", "--", process.execPath, ...nodeArgs, file]]
    : [process.execPath, [...nodeArgs, file]];
  return spawn(command, args, {
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
  const cached = reuse("judge", entry);
  if (cached) return cached;
  const { outfile: _outfile, ...base } = options(entry, COMPILED.judge, [keepMjsShared, keepImportMetaUrl]);
  const programDir = join(COMPILED.judge, "program");
  const result = await esbuild().build({ ...base, splitting: true, outdir: programDir, entryNames: "[name]", chunkNames: "[name]-[hash]" });
  const hash = createHash("sha1").update(entry);
  for (const out of result.outputFiles) hash.update(out.path).update("\0").update(out.text);
  const dir = join(COMPILED.judge, `program-${hash.digest("hex").slice(0, 20)}`);
  mkdirSync(dir, { recursive: true });
  let main = "";
  for (const out of result.outputFiles) {
    const target = join(dir, relative(programDir, out.path));
    if (!existsSync(target)) writeAtomically(target, out.text);
    if (out.path.endsWith(`${basename(entry, extname(entry))}.js`)) main = target;
  }
  return record("judge", entry, main, result);
}

/** Bump when the way anything is compiled changes, so nothing compiled the old way is reused. */
const COMPILER_VERSION = "3";

function recordOf(kind, entry) {
  return join(COMPILED[kind], `${createHash("sha1").update(COMPILER_VERSION).update(entry).digest("hex").slice(0, 20)}.json`);
}

function readRecord(kind, entry) {
  try {
    const { file, inputs, externals = [] } = JSON.parse(readFileSync(recordOf(kind, entry), "utf8"));
    return { file, inputs, externals };
  } catch {
    return { file: undefined, inputs: [], externals: [] };
  }
}

/** The compiled file, if it exists and every source file it came from is unchanged. */
function reuse(kind, entry) {
  const { file, inputs } = readRecord(kind, entry);
  if (file && existsSync(file) && inputs.length > 0 && inputs.every(([path, stamp]) => stampOf(path) === stamp)) return file;
  return undefined;
}

/** Writes the code under a name made from its entry and contents (a changed file gets a fresh URL), and its record. */
function remember(kind, entry, result) {
  const text = result.outputFiles[0].text;
  const dir = COMPILED[kind];
  const file = join(dir, `${createHash("sha1").update(entry).update("\0").update(text).digest("hex").slice(0, 20)}.mjs`);
  mkdirSync(dir, { recursive: true });
  if (!existsSync(file)) writeAtomically(file, text);
  return record(kind, entry, file, result);
}

const BUILTINS = new Set(builtinModules);

/**
 * Remembers which source files (with their stamps) a compiled file came from,
 * and which packages it imports. The entry is stamped by the path it was given
 * as well as by the real path esbuild reports, so a link that is replaced by a
 * file (or a file by another one) is noticed.
 */
function record(kind, entry, file, result) {
  const paths = Object.keys(result.metafile.inputs)
    .filter((path) => !path.startsWith("<") && !path.includes(":"))
    .map((path) => resolve(PROJECT_ROOT, path));
  if (!entry.includes("#") && !paths.includes(entry)) paths.unshift(entry);
  const inputs = paths.map((path) => [path, stampOf(path)]);
  const externals = [
    ...new Set(
      Object.values(result.metafile.outputs)
        .flatMap((o) => o.imports)
        .filter((i) => i.external && !i.path.startsWith("file:") && !BUILTINS.has(i.path.replace(/^node:/, "")))
        .map((i) => i.path),
    ),
  ];
  writeAtomically(recordOf(kind, entry), JSON.stringify({ file, inputs, externals }));
  return file;
}

function writeAtomically(file, text) {
  // Judges are threads of one process: the pid alone does not tell two writers apart.
  const temporary = `${file}.${process.pid}.${threadId}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** Size, time and inode: a file replaced by another one (or a link by a file) gets a new stamp even with the same size and time. */
function stampOf(path) {
  try {
    const s = statSync(path);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return "missing";
  }
}
