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

/**
 * The runner the next target takes: one started ahead of time, or the last
 * target's when that left nothing behind (starting a runner costs more CPU than
 * grading a small lesson).
 */
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
    const usable = spare?.kind === target.kind && spare.process.exitCode === null && spare.process.signalCode === null;
    const child = usable ? spare! : launch(target.kind);
    if (child === spare) spare = undefined;
    return child;
  };
  const keep = (child: Child) => {
    if (spare) spare.process.kill("SIGKILL");
    spare = next === child.kind ? child : undefined;
    if (!spare) child.process.kill("SIGKILL");
  };
  const results = await gradeTarget(target, grading, limits, take, (result) => post({ type: "result", id: target.id, result }), keep);
  // No runner to hand on (this target's was stopped): the next one starts now, while the main thread reports.
  if (next && !spare) spare = launch(next);
  post({ type: "done", id: target.id, results });
});
post({ type: "ready" });
