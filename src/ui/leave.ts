/**
 * Leaving cleanly. Ctrl-C reaches the workbook in two ways: as a key while a
 * prompt, watch mode or the built-in pager reads raw keys (a prompt then rejects
 * with ExitPromptError, the others throw UserLeft), or as SIGINT while something
 * else runs (grading, an external pager). Commands catch both and leave with a
 * short line instead of a stack trace.
 */

/** The learner asked to leave (Ctrl-C) outside a prompt. */
export class UserLeft extends Error {
  constructor() {
    super("The learner left.");
    this.name = "UserLeft";
  }
}

/** True for Ctrl-C in an @inquirer prompt (ExitPromptError) or elsewhere (UserLeft). */
export function isLeaving(error: unknown): boolean {
  const name = (error as Error | undefined)?.name;
  return name === "ExitPromptError" || name === "UserLeft";
}

let ignoring = 0;

/**
 * Runs `work` while SIGINT is left to someone else (an external pager handles
 * Ctrl-C itself; the workbook must not quit underneath it). Resolves with the
 * work's result and whether Ctrl-C was pressed meanwhile.
 */
export async function ignoringInterrupts<T>(work: () => Promise<T>): Promise<{ readonly value: T; readonly interrupted: boolean }> {
  let interrupted = false;
  const note = () => {
    interrupted = true;
  };
  ignoring++;
  process.on("SIGINT", note);
  try {
    const value = await work();
    return { value, interrupted };
  } finally {
    ignoring--;
    process.off("SIGINT", note);
  }
}

/** Whether SIGINT is currently meant for someone else. */
export function interruptsIgnored(): boolean {
  return ignoring > 0;
}
