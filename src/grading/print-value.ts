import { inspect } from "node:util";

/** Prints a value the way a learner would write it in TypeScript, on few lines. */
export function printValue(value: unknown): string {
  return inspect(value, { depth: 6, breakLength: 76, compact: 3, sorted: false, colors: false, maxArrayLength: 40, maxStringLength: 400 });
}

/** Prints something that was thrown: an Error as "Name: message", anything else as itself. */
export function printThrown(thrown: unknown): string {
  if (thrown instanceof Error) return `${thrown.name}: ${thrown.message}`;
  return `a non-Error value: ${printValue(thrown)}`;
}
