/** Where a command writes, and which course it works on; tests pass their own. */
import { PROJECT_ROOT } from "../course/course.ts";

export interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** The course folder: the workbook itself, or a fixture course in tests (WORKBOOK_ROOT). */
  readonly root: string;
  /** Where keys and answers come from (menus, watch mode, pager); absent means nobody can answer. */
  readonly stdin?: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  /** Whether prompts may ask the learner; by default, when both stdin and stdout are terminals. */
  readonly interactive?: boolean;
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, root: process.env.WORKBOOK_ROOT ?? PROJECT_ROOT };
}

/** Whether a command may ask the learner something (a menu, a yes/no question). */
export function isInteractive(io: Io): boolean {
  return io.interactive ?? (io.stdin?.isTTY === true && io.stdout.isTTY === true);
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/** How learners run a command: `npm run grade --`, so messages can tell them what to type. */
export function npmCommand(script: string): string {
  return script === "start" ? "npm start" : `npm run ${script} --`;
}
