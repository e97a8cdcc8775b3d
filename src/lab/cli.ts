/**
 * `npm run lab -- <scenario>`: the live lab's command. The bin calls
 * `process.exitCode = await runLab(process.argv.slice(3))` (or similar).
 *
 * Exit codes: 0 done (or quit with q), 1 the lab cannot run here or stopped on
 * an error, 2 bad usage or unknown scenario, 130 interrupted by Ctrl-C.
 */
import os from "node:os";
import { createInterface, type Interface } from "node:readline";
import { parseCommand } from "../cli/args.ts";
import { EXIT } from "../cli/io.ts";
import { colorsFor } from "../ui/colors.ts";
import { errorCode } from "./driver.ts";
import { LabUnavailableError, openKernelReader, runCommand, type RunCommand } from "./kernel-reader.ts";
import { choosePredictions, DEFAULT_SOURCES, learnerSourcesFor, type ModuleSource } from "./predictor.ts";
import { loadLesson, PROJECT_ROOT } from "../course/course.ts";
import { renderHeader, renderList, renderStepResult, renderStepTitle, renderSummary, type RenderOptions } from "./render.ts";
import { runScenario } from "./runner.ts";
import { findScenario, SCENARIO_NAMES, SCENARIOS } from "./scenarios/index.ts";

interface Out {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

interface SignalSource {
  on(event: "SIGINT", listener: () => void): unknown;
  off(event: "SIGINT", listener: () => void): unknown;
}

export interface LabIo {
  readonly stdout: Out;
  readonly stderr: Out;
  /** Where Enter is read from when stepping (default process.stdin). */
  readonly stdin?: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  /** Where SIGINT comes from (default process). */
  readonly signals?: SignalSource;
  /** Called with 130 after Ctrl-C once everything is closed (default process.exit). */
  readonly exit?: (code: number) => void;
  /** For tests: pretend to be another platform, run other commands, predict with other modules. */
  readonly platform?: NodeJS.Platform;
  readonly runCommand?: RunCommand;
  readonly sources?: { readonly learner: ModuleSource; readonly reference: ModuleSource };
  /** Environment for colour decisions (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}


const USAGE = `Usage: npm run lab -- <scenario> [--no-pause] [--no-color]
       npm run lab -- --list

Runs real TCP connections on 127.0.0.1 and shows, after each step, the state
the kernel reports for each end next to the state the RFC 9293 state machine
(your nextState from lesson 04, or the reference) predicts.

  --list, -l    list the scenarios
  --no-pause    run every step straight through (the default when stdin is not a terminal)
  --no-color    plain text
  --help, -h    this text
`;

export async function runLab(argv: string[], io: LabIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const parsed = parseCommand(argv, io, USAGE, { list: { type: "boolean", short: "l" }, "no-pause": { type: "boolean" } });
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const colors = colorsFor(io.stdout, io.env ?? process.env, argv);
  const width = Math.max(60, Math.min(io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80, 100));

  if (values.list) {
    io.stdout.write(renderList(SCENARIOS, { colors, width }));
    return EXIT.ok;
  }
  if (positionals.length !== 1) {
    io.stderr.write(
      `${positionals.length === 0 ? "Which scenario?" : `One scenario at a time, not ${positionals.length}.`}\n\n${USAGE}\n${renderList(SCENARIOS, { colors, width })}`,
    );
    return EXIT.usage;
  }
  const name = positionals[0]!;
  const scenario = findScenario(name);
  if (!scenario) {
    io.stderr.write(`Unknown scenario "${name}". Valid scenarios: ${SCENARIO_NAMES.join(", ")}.\n\n${renderList(SCENARIOS, { colors, width })}`);
    return EXIT.usage;
  }

  let reader;
  try {
    reader = await openKernelReader(io.platform ?? process.platform, io.runCommand ?? runCommand);
  } catch (error) {
    if (error instanceof LabUnavailableError) {
      io.stderr.write(`${error.message}\n`);
      return EXIT.failed;
    }
    throw error;
  }

  const predictions = await choosePredictions(
    scenario.build().map((step) => step.model),
    io.sources ?? { ...DEFAULT_SOURCES, learner: learnerSourcesFor(scenario.name, openingLabs()) },
  );
  const options: RenderOptions = { colors, width, command: (ports) => reader.command(ports) };
  io.stdout.write(renderHeader(scenario, { system: `${os.type()} ${os.release()}`, tool: reader.tool, predictions }, options));

  const stdin = io.stdin ?? process.stdin;
  const stepping = values["no-pause"] !== true && stdin.isTTY === true;
  const controller = new AbortController();
  let interrupted = false;
  let quit = false;
  const onSigint = () => {
    if (interrupted) (io.exit ?? process.exit)(EXIT.interrupted); // a second Ctrl-C: leave now
    interrupted = true;
    controller.abort();
  };
  const signals = io.signals ?? process;
  signals.on("SIGINT", onSigint);
  // terminal: false keeps the terminal in cooked mode, so Ctrl-C stays a real SIGINT.
  const rl = stepping ? createInterface({ input: stdin, terminal: false }) : undefined;

  let result;
  try {
    result = await runScenario(scenario, {
      reader,
      signal: controller.signal,
      predictions,
      beforeStep: async (index, total, step) => {
        io.stdout.write(renderStepTitle(index, total, step.title, options) + "\n");
        if (rl) {
          io.stdout.write(colors.dim("   Enter: run this step · q: quit "));
          const answer = await nextLine(rl, controller.signal);
          if (answer.trim().toLowerCase().startsWith("q")) {
            quit = true;
            controller.abort();
          }
        }
      },
      afterStep: (stepResult) => {
        io.stdout.write(renderStepResult(stepResult, options, predictions) + "\n");
      },
    });
  } finally {
    rl?.close();
    signals.off("SIGINT", onSigint);
  }

  if (interrupted) {
    io.stderr.write("\nInterrupted: every socket and server the lab opened is closed.\n");
    (io.exit ?? process.exit)(EXIT.interrupted);
    return EXIT.interrupted;
  }
  if (quit) {
    io.stdout.write("Stopped. Every socket and server the lab opened is closed.\n");
    return EXIT.ok;
  }
  if (result.error !== undefined) {
    const code = errorCode(result.error);
    const message = ["ENETUNREACH", "EADDRNOTAVAIL", "EHOSTUNREACH"].includes(code)
      ? `The lab cannot reach 127.0.0.1 (${code}): this machine's loopback interface is down or missing (on Linux: ip link set lo up).`
      : `The lab stopped on an error: ${result.error instanceof Error ? result.error.message : String(result.error)}`;
    io.stderr.write(`${message}\nEvery socket and server it opened is closed.\n`);
    return EXIT.failed;
  }
  io.stdout.write(renderSummary(result.steps, { colors }));
  io.stdout.write(
    wrapDone(
      `Done: every socket and server the lab opened is closed. TIME-WAIT entries belong to the kernel and stay for their 60 s: ${reader.command(result.ports)}`,
      width,
    ),
  );
  return EXIT.ok;
}

/** The next line typed, or an AbortError when the signal fires first (Ctrl-C) or input ends. */
function nextLine(rl: Interface, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      rl.off("line", onLine);
      rl.off("close", onClose);
      signal.removeEventListener("abort", onAbort);
    };
    const onLine = (line: string) => {
      cleanup();
      resolve(line);
    };
    const onClose = () => {
      cleanup();
      resolve("q"); // end of input (Ctrl-D): stop like q
    };
    const onAbort = () => {
      cleanup();
      reject(signal.reason);
    };
    if (signal.aborted) return onAbort();
    rl.on("line", onLine);
    rl.on("close", onClose);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

function wrapDone(text: string, width: number): string {
  return text.length <= width ? `${text}\n` : `${text.replace(/: (ss|netstat) /, ":\n  $1 ")}\n`;
}

/** The scenarios lesson 03 lists: lesson 03's nextState can predict them. */
function openingLabs(): readonly string[] {
  try {
    return loadLesson(PROJECT_ROOT, "03-handshake").labs;
  } catch {
    return [];
  }
}
