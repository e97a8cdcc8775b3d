#!/usr/bin/env node
// Entry point of every npm script. Plain JavaScript that any Node can parse, so an
// old Node gets one clear line instead of a crash deep inside a dependency.
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`This workbook needs Node.js 20.19 or newer; you have ${process.versions.node}. Install a current Node from https://nodejs.org and run npm install again.`);
  process.exit(1);
}
const argv = process.argv.slice(2);
// `npm run grade | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
// Start the processes that will run learner code first: their start-up then
// overlaps the loading of the TypeScript loader and the command below.
const launcher = await import("../src/grading/child-launcher.mjs");
launcher.prestart(launcher.childrenWanted(argv));
const { register } = await import("tsx/esm/api");
register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(argv);
launcher.stopPrestarted();
