/**
 * Runs grading targets in child processes and keeps the run safe and bounded:
 * a watchdog kills a child whose code does not finish in time, a child that dies
 * is replaced, and either way the exercise that was running is reported against
 * its own lesson while the rest of the work carries on in a fresh child.
 */
import { availableParallelism } from "node:os";
import { launchChild, type Child } from "./child-launcher.mjs";
import type { FromChild, GradeOptions, Target, ToChild } from "./protocol.ts";
import type { ExerciseResult } from "./results.ts";

export interface SupervisorOptions {
  /** Child processes working at once (default: up to 2, one per core). */
  readonly concurrency?: number;
  /** Longest one exercise's properties may run (default 5 s). */
  readonly exerciseTimeoutMs?: number;
  /** Longest loading a learner's module may take (default 5 s). */
  readonly loadTimeoutMs?: number;
  /** Called each time an exercise's grading ends, e.g. to move a progress bar. */
  readonly onProgress?: (target: Target, result: ExerciseResult) => void;
}

interface WorkItem {
  readonly target: Target;
  readonly exercises: readonly string[];
}

/**
 * Grades every target; resolves with each target's results in its exercises' order.
 * Children handed in (see child-launcher.mjs) are used first.
 */
export async function gradeTargets(
  targets: readonly Target[],
  grading: GradeOptions,
  options: SupervisorOptions = {},
  prestarted: Child[] = [],
): Promise<Map<string, ExerciseResult[]>> {
  const exerciseTimeout = options.exerciseTimeoutMs ?? 5000;
  const loadTimeout = options.loadTimeoutMs ?? 5000;
  const queue: WorkItem[] = targets.map((target) => ({ target, exercises: target.exercises }));
  const results = new Map<string, Map<string, ExerciseResult>>(targets.map((t) => [t.id, new Map()]));
  const faults = new Map<string, string>();
  const spare = [...prestarted];

  const record = (target: Target, result: ExerciseResult) => {
    results.get(target.id)!.set(result.name, result);
    options.onProgress?.(target, result);
  };

  const slot = async () => {
    let child: Child | undefined;
    for (let item = queue.shift(); item; item = queue.shift()) {
      child ??= spare.shift() ?? launchChild();
      const outcome = await runItem(child, item);
      if (outcome.retire) {
        child.process.kill("SIGKILL");
        child = undefined;
      }
      if (outcome.rest.length > 0) queue.unshift({ target: item.target, exercises: outcome.rest });
    }
    child?.process.disconnect();
  };

  const runItem = async (child: Child, item: WorkItem): Promise<{ retire: boolean; rest: readonly string[] }> => {
    const { target } = item;
    if (!(await child.ready)) {
      for (const name of item.exercises) record(target, noChild(name, child.stderr));
      return { retire: true, rest: [] };
    }
    return new Promise((resolve) => {
      let current: string | undefined;
      const done = new Set<string>();
      let timer: NodeJS.Timeout | undefined;
      const arm = (ms: number) => {
        clearTimeout(timer);
        timer = setTimeout(onTimeout, ms);
      };
      const finish = (retire: boolean, rest: readonly string[]) => {
        clearTimeout(timer);
        child.process.off("message", onMessage);
        child.process.off("exit", onExit);
        resolve({ retire, rest });
      };
      const pending = () => item.exercises.filter((name) => !done.has(name));
      const onMessage = (m: FromChild) => {
        if ("id" in m && m.id !== target.id) {
          if (m.type === "target-fault" && !faults.has(m.id)) faults.set(m.id, m.message);
          return;
        }
        switch (m.type) {
          case "exercise-start":
            current = m.exercise;
            arm(exerciseTimeout);
            break;
          case "exercise-result":
            done.add(m.result.name);
            record(target, m.result);
            current = undefined;
            arm(loadTimeout);
            break;
          case "target-fault":
            if (!faults.has(target.id)) faults.set(target.id, m.message);
            break;
          case "target-end":
            finish(m.dirty, []);
            break;
        }
      };
      const onTimeout = () => {
        if (current) {
          record(target, timedOut(current, `${current} did not finish within ${seconds(exerciseTimeout)}. Look for a loop that never ends, or one that runs billions of times.`));
          done.add(current);
        } else {
          for (const name of pending()) {
            record(target, timedOut(name, `Loading ${displayFile(target)} did not finish within ${seconds(loadTimeout)}: code at the top level of the file (outside any function) never stops.`));
            done.add(name);
          }
        }
        finish(true, pending());
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        const why = describeDeath(code, signal, child.stderr);
        const victims = current ? [current] : pending();
        for (const name of victims) {
          record(target, broken(name, current ? `While ${name} was being graded, ${why}` : `While ${displayFile(target)} was being loaded, ${why}`));
          done.add(name);
        }
        finish(true, pending());
      };
      child.process.on("message", onMessage);
      child.process.once("exit", onExit);
      arm(loadTimeout);
      child.process.send({ type: "grade", target: { ...target, exercises: item.exercises }, options: grading } satisfies ToChild);
    });
  };

  const concurrency = Math.max(1, Math.min(options.concurrency ?? Math.min(2, availableParallelism()), targets.length));
  await Promise.all(Array.from({ length: concurrency }, slot));
  for (const child of spare) child.process.kill("SIGKILL");

  const out = new Map<string, ExerciseResult[]>();
  for (const target of targets) {
    const fault = faults.get(target.id);
    const byName = results.get(target.id)!;
    out.set(
      target.id,
      target.exercises.map((name) => {
        const result = byName.get(name) ?? broken(name, "The grader lost track of this exercise (please report it).");
        return fault && result.status !== "timed-out" ? broken(name, fault, result.output) : result;
      }),
    );
  }
  return out;
}

function broken(name: string, message: string, output?: string): ExerciseResult {
  return { name, status: "broken", propertiesRun: 0, propertiesPassed: 0, message, ...(output ? { output } : {}) };
}

function timedOut(name: string, message: string): ExerciseResult {
  return { name, status: "timed-out", propertiesRun: 0, propertiesPassed: 0, message };
}

function noChild(name: string, stderr: string): ExerciseResult {
  const detail = stderr.trim().split("\n").slice(-3).join(" ");
  return broken(name, `The grader could not start a process to run your code${detail ? `: ${detail}` : "."}`);
}

function describeDeath(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  if (/heap out of memory|Allocation failed/i.test(stderr)) {
    return "your code ran out of memory (something keeps growing: an array or string in an endless loop?). The process running it was stopped.";
  }
  if (signal) return `the process running your code was killed (${signal}).`;
  return `the process running your code ended by itself (exit code ${code}).`;
}

function displayFile(target: Target): string {
  const parts = target.learnerFile.split("/");
  return parts.slice(-2).join("/");
}

function seconds(ms: number): string {
  return `${ms / 1000} s`;
}
