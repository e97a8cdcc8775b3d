// Runs the TypeScript checker (type-check.ts) in a worker thread, so that it
// never holds up a report: the grade is printed while the check goes on.
// Plain JavaScript: it loads the TypeScript it needs compiled.
import { fileURLToPath, pathToFileURL } from "node:url";
import { parentPort } from "node:worker_threads";
import { compileModule } from "../grading/compile.mjs";

const { checkTypes } = await import(pathToFileURL(await compileModule(fileURLToPath(new URL("./type-check.ts", import.meta.url)))).href);
parentPort.on("message", ({ id, file, root }) => {
  let result;
  try {
    result = checkTypes(file, root);
  } catch {
    result = undefined; // a bug in a bonus must not stop grading
  }
  parentPort.postMessage({ id, result });
});
