import type { ChildProcess } from "node:child_process";

export interface Child {
  readonly process: ChildProcess;
  readonly ready: Promise<boolean>;
  stderr: string;
}

export function launchChild(): Child;
export function childrenWanted(argv: readonly string[]): number;
export function prestart(count: number): void;
export function takePrestarted(count?: number): Child[];
export function stopPrestarted(): void;
