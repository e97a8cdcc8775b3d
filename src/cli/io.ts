/** Where a command writes, and which course it works on; tests pass their own. */
import { PROJECT_ROOT } from "../course/course.ts";

export interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** The course folder: the workbook itself, or a fixture course in tests (WORKBOOK_ROOT). */
  readonly root: string;
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, root: process.env.WORKBOOK_ROOT ?? PROJECT_ROOT };
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** How learners run a command: `npm run grade --`, so messages can tell them what to type. */
export function npmCommand(script: string): string {
  return script === "start" ? "npm start" : `npm run ${script} --`;
}
