/**
 * Reads the kernel's view of the lab's sockets: `ss -tanoH` on Linux,
 * `netstat -an -p tcp` on macOS. Everything else is refused with one clear line.
 */
import { execFile } from "node:child_process";
import type { KernelSocket } from "./kernel-socket.ts";
import { parseNetstatOutput } from "./netstat-parse.ts";
import { parseSsOutput, ssPortFilter } from "./ss-parse.ts";

/** The lab cannot run here (no `ss`, or an operating system it does not know). */
export class LabUnavailableError extends Error {
  override name = "LabUnavailableError";
}

export interface KernelReader {
  /** "ss (iproute2-6.1.0)", "netstat (macOS)" */
  readonly tool: string;
  /** The command a learner can type to see the same thing, for these ports. */
  command(ports: readonly number[]): string;
  /** Whether timers are shown (ss -o does, BSD netstat does not). */
  readonly hasTimers: boolean;
  /** The TCP sockets that use one of `ports` locally or remotely. */
  read(ports: readonly number[]): Promise<KernelSocket[]>;
}

/** How the reader runs a program: resolves with its stdout, rejects like execFile. */
export type RunCommand = (file: string, args: readonly string[]) => Promise<string>;

const COMMAND_TIMEOUT_MS = 3000;

export const runCommand: RunCommand = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(file, args, { timeout: COMMAND_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 }, (error, stdout) => {
      if (error) reject(error);
      else resolve(stdout);
    });
  });

function isMissingProgram(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "ENOENT";
}

/**
 * The reader for this machine. Rejects with LabUnavailableError when `ss` is
 * missing on Linux or the platform is neither Linux nor macOS.
 */
export async function openKernelReader(
  platform: NodeJS.Platform = process.platform,
  run: RunCommand = runCommand,
): Promise<KernelReader> {
  if (platform === "linux") {
    let version: string;
    try {
      version = (await run("ss", ["-V"])).trim();
    } catch (error) {
      if (isMissingProgram(error)) {
        throw new LabUnavailableError(
          "The live lab reads TCP states with `ss`, which is not installed here: install iproute2 (Debian/Ubuntu: sudo apt-get install iproute2).",
        );
      }
      throw new LabUnavailableError(`The live lab could not run \`ss -V\`: ${String(error)}`);
    }
    const v = /iproute2-?([\w.]+)/.exec(version);
    return {
      tool: `ss (iproute2-${v?.[1] ?? "unknown"})`,
      hasTimers: true,
      command: (ports) => `ss -tano '${ssPortFilter(ports)}'`,
      read: async (ports) => (ports.length === 0 ? [] : parseSsOutput(await run("ss", ["-tanoH", ssPortFilter(ports)]))),
    };
  }
  if (platform === "darwin") {
    return {
      tool: "netstat (macOS)",
      hasTimers: false,
      command: (ports) => `netstat -an -p tcp | grep -E '\\.(${ports.join("|")})\\b'`,
      read: async (ports) => {
        try {
          return parseNetstatOutput(await run("netstat", ["-an", "-p", "tcp"]), ports);
        } catch (error) {
          if (isMissingProgram(error)) throw new LabUnavailableError("The live lab needs `netstat`, which is not on this Mac's PATH.");
          throw error;
        }
      },
    };
  }
  throw new LabUnavailableError(
    `The live lab reads the kernel's TCP states with ss (Linux) or netstat (macOS); it does not run on ${platform}. On Windows, use WSL 2.`,
  );
}
