/**
 * What an untouched exercise throws. The grader recognises it and reports the
 * exercise as "not started" instead of "failed", or, when an exercise depends on
 * another that is still a stub, says which one to finish first.
 */
export class NotImplementedError extends Error {
  /** The function that is still a stub. */
  readonly what: string;
  /** The file of that stub (from the stack), when it can be told. */
  readonly site: string | undefined;

  constructor(what: string) {
    super(`${what} is not implemented yet: replace this line with your code`);
    this.name = "NotImplementedError";
    this.what = what;
    this.site = callerFile(this.stack ?? "");
  }
}

/**
 * Whether something thrown is a stub's error. Checked by shape, not instanceof:
 * the grader compiles each learner file with its own copy of this module.
 */
export function isNotImplemented(thrown: unknown): thrown is NotImplementedError {
  return thrown instanceof Error && thrown.name === "NotImplementedError" && typeof (thrown as NotImplementedError).what === "string";
}

/** `throw notImplemented("encodeFlags")` marks an exercise stub. */
export function notImplemented(what: string): NotImplementedError {
  return new NotImplementedError(what);
}

function callerFile(stack: string): string | undefined {
  for (const m of stack.matchAll(/(?:\(|at )(?:file:\/\/)?(\/[^():\s]+\.ts):\d+:\d+/g)) {
    if (!m[1]!.endsWith("/lib/not-implemented.ts")) return m[1];
  }
  return undefined;
}
