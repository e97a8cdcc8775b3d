// Runs the learner's nextState for the lab in a worker thread, so that an
// endless loop in it can be stopped (worker.terminate) instead of hanging the
// lab. Plain JavaScript: it must set up the TypeScript loader before anything else.
import { parentPort, workerData } from "node:worker_threads";

const { register } = await import("tsx/esm/api");
register();
const { attemptInProcess } = await import("./predictor.ts");
const { url, label, ops } = workerData;
parentPort.postMessage(await attemptInProcess({ label, load: () => import(url) }, ops));
