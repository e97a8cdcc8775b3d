import type { ChildProcess } from "node:child_process";
import type { RunnerKind } from "./protocol.ts";

export interface Child {
  readonly kind: RunnerKind;
  readonly process: ChildProcess;
  readonly ready: Promise<boolean>;
  stderr: string;
}

export function sandboxFlags(kind: RunnerKind): string[];
export function launchChild(kind?: RunnerKind): Child;
export function stopAll(): void;
export function childrenWanted(argv: readonly string[]): { count: number; kind: RunnerKind };
export function prestart(wanted: { count: number; kind?: RunnerKind }): void;
export function takePrestarted(count?: number): Child[];
export function stopPrestarted(): void;
