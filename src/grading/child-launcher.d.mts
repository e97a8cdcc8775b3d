import type { ChildProcess } from "node:child_process";
import type { Worker } from "node:worker_threads";
import type { RunnerKind } from "./protocol.ts";

/** A sandboxed runner process. */
export interface Child {
  readonly kind: RunnerKind;
  readonly process: ChildProcess;
  readonly ready: Promise<boolean>;
  stderr: string;
}

/** A judge: a worker thread that grades targets (judge-worker.ts). */
export interface Judge {
  readonly warm: RunnerKind | undefined;
  /** The worker once started, or undefined when it could not start (see `problem`). */
  readonly ready: Promise<Worker | undefined>;
  readonly problem: string;
}

export function launchChild(kind?: RunnerKind): Child;
export function startJudge(warm?: RunnerKind): Judge;
export function stopJudge(judge: Judge): void;
export function childrenWanted(argv: readonly string[]): { count: number; kind: RunnerKind };
export function prestart(wanted: { count: number; kind?: RunnerKind }): void;
export function takePrestarted(count?: number): Judge[];
export function stopPrestarted(): void;
