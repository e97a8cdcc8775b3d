#!/usr/bin/env node
// Entry point of every npm script. Plain JavaScript that any Node can parse, so an
// old Node gets one clear line instead of a crash deep inside a dependency.
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`This workbook needs Node.js 20.19 or newer; you have ${process.versions.node}. Install a current Node from https://nodejs.org and run npm install again.`);
  process.exit(1);
}
const { fileURLToPath, pathToFileURL } = await import("node:url");
const argv = process.argv.slice(2);
// `npm run grade | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
// Start the processes that will run learner code first: their start-up then
// overlaps the loading of the command below.
const launcher = await import("../src/grading/child-launcher.mjs");
launcher.prestart(launcher.childrenWanted(argv));
// The command line is TypeScript, run compiled (and cached) by esbuild: much
// faster to start than a loader that transforms each module on the way in.
const { compileProgram } = await import("../src/grading/compile.mjs");
const { main } = await import(pathToFileURL(await compileProgram(fileURLToPath(new URL("../src/cli/main.ts", import.meta.url)))).href);
process.exitCode = await main(argv);
launcher.stopPrestarted();
