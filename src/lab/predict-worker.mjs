// Runs the learner's nextState for the lab in a worker thread, so that an
// endless loop in it can be stopped (worker.terminate) instead of hanging the
// lab. Plain JavaScript: it loads the TypeScript it needs compiled.
import { fileURLToPath, pathToFileURL } from "node:url";
import { parentPort, workerData } from "node:worker_threads";
import { compileModule } from "../grading/compile.mjs";

const compiled = async (url) => import(pathToFileURL(await compileModule(fileURLToPath(url))).href);
const { attemptInProcess } = await compiled(new URL("./predictor.ts", import.meta.url).href);
const { url, label, ops } = workerData;
parentPort.postMessage(await attemptInProcess({ label, load: () => compiled(url) }, ops));
