/**
 * Guards the runner process against the learner's code, on top of Node's
 * permission model (which already forbids writing files, starting processes or
 * threads, and reading anything but the compiled code): calls that would end
 * the process or signal the grader become errors, printing is captured (and
 * capped) instead of flooding the terminal, and misbehaviour outside any call
 * (a throw in a timer, an unhandled rejection) is reported as a fault.
 */
import { describeThrown } from "./transfer.ts";

const OUTPUT_LIMIT = 2000;

export class ProcessExitCalled extends Error {
  override name = "ProcessExitCalled";
}

export interface Sandbox {
  /** What the learner's code printed since the last call (capped). */
  takeOutput(): string;
  /** The process's own exit, for when grading is over or the grader is gone. */
  readonly realExit: (code: number) => never;
}

export function installSandbox(fault: (message: string) => void): Sandbox {
  const internals = process as unknown as { reallyExit: (code: number) => never; _kill?: (pid: number, signal: number) => number };
  // process.exit ends in process.reallyExit: keep the original for the runner itself, refuse both to learner code.
  const reallyExit = internals.reallyExit.bind(process);
  const realExit = (code: number): never => reallyExit(code);
  const refuse = (what: string) => {
    const message = `Your code called ${what}. Exercise functions must return a value; ending the process is not allowed while grading.`;
    fault(message);
    return new ProcessExitCalled(message);
  };
  process.exit = ((code?: number | string) => {
    throw refuse(`process.exit(${code ?? ""})`);
  }) as typeof process.exit;
  process.abort = (() => {
    throw refuse("process.abort()");
  }) as typeof process.abort;
  internals.reallyExit = (code?: number) => {
    throw refuse(`process.reallyExit(${code ?? ""})`);
  };
  // process.kill goes through process._kill: guard that, so neither can signal this process, its group or the grader.
  const realKill = internals._kill?.bind(process);
  const protectedPids = new Set([process.pid, process.ppid, 0]);
  internals._kill = (pid: number, signal: number) => {
    if (protectedPids.has(pid) || pid < 0) throw refuse(`process.kill(${pid})`);
    return realKill ? realKill(pid, signal) : 0;
  };

  process.on("uncaughtException", (error) => fault(`Your code threw an error outside any call (in a timer or callback): ${describeThrown(error).text}`));
  process.on("unhandledRejection", (reason) => fault(`Your code left a promise rejection unhandled: ${describeThrown(reason).text}`));

  let output = "";
  let dropped = 0;
  const capture = (...parts: unknown[]) => {
    let text: string;
    try {
      text = parts.map((p) => (typeof p === "string" ? p : String(p))).join(" ") + "\n";
    } catch {
      text = "(something that could not be printed)\n";
    }
    const room = OUTPUT_LIMIT - output.length;
    if (room > 0) output += text.slice(0, room);
    dropped += Math.max(0, text.length - Math.max(room, 0));
  };
  for (const method of ["log", "info", "warn", "error", "debug", "trace", "dir", "table"] as const) {
    (console as unknown as Record<string, unknown>)[method] = capture;
  }
  for (const stream of [process.stdout, process.stderr]) {
    stream.write = ((chunk: unknown) => {
      capture(String(chunk).replace(/\n$/, ""));
      return true;
    }) as typeof stream.write;
  }

  return {
    takeOutput() {
      const text = dropped > 0 ? `${output}… (${dropped} more characters not shown)` : output;
      output = "";
      dropped = 0;
      return text.trimEnd();
    },
    realExit,
  };
}
