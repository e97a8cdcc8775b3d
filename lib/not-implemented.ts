/**
 * What an untouched exercise throws. The grader recognises it and reports the
 * exercise as "not started" instead of "failed".
 */
export class NotImplementedError extends Error {
  constructor(what: string) {
    super(`${what} is not implemented yet: replace this line with your code`);
    this.name = "NotImplementedError";
  }
}

/** `throw notImplemented("encodeFlags")` marks an exercise stub. */
export function notImplemented(what: string): NotImplementedError {
  return new NotImplementedError(what);
}
