/**
 * A judge: a worker thread of the grading command that grades targets one at a
 * time (grade-target.ts). It holds the specs and reference solutions and
 * computes every verdict; it never loads learner code, which only ever runs in
 * the sandboxed runners it starts. Two of them judge two lessons at once, on
 * two cores, as the command's main thread only hands out work and reports.
 */
import { parentPort, workerData } from "node:worker_threads";
import { launchChild, type Child } from "./child-launcher.mjs";
import { gradeTarget } from "./grade-target.ts";
import type { FromJudge, JudgeData, ToJudge } from "./judge-protocol.ts";
import type { RunnerKind } from "./protocol.ts";

const port = parentPort!;
const post = (message: FromJudge) => port.postMessage(message);

/** A runner started ahead of time, so the next target's does not have to start first. */
let spare: Child | undefined;
const launch = (kind: RunnerKind): Child => {
  const child = launchChild(kind);
  const pid = child.process.pid;
  if (pid !== undefined) {
    post({ type: "runner", pid, running: true });
    child.process.once("exit", () => post({ type: "runner", pid, running: false }));
  }
  return child;
};
const { warm } = workerData as JudgeData;
if (warm) spare = launch(warm);

port.on("message", async (message: ToJudge) => {
  if (message.type !== "grade") return;
  const { target, grading, limits, next } = message;
  const take = (): Child => {
    const child = spare?.kind === target.kind ? spare : launch(target.kind);
    if (child === spare) spare = undefined;
    return child;
  };
  const results = await gradeTarget(target, grading, limits, () => {
    const child = take();
    // The next target's runner starts while this one is graded.
    if (next && !spare) spare = launch(next);
    return child;
  }, (result) => post({ type: "result", id: target.id, result }));
  post({ type: "done", id: target.id, results });
});
post({ type: "ready" });
