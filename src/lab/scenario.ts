/**
 * What a lab scenario is: a short script of real socket calls, each step paired
 * with what the RFC state machine sees (model ops) and with the states Linux
 * shows afterwards (used to let the kernel settle, and by the tests).
 */
import type { End, State } from "../../lib/tcp.ts";
import type { LabNet } from "./driver.ts";
import type { KernelReader } from "./kernel-reader.ts";
import type { KernelSocket } from "./kernel-socket.ts";
import type { ModelOp } from "./model.ts";

/** Which real sockets the two ends of the model are. */
export interface ConnectionIds {
  /** The listener's port: the server end's local port. */
  serverPort?: number;
  /** The client end's local port, once known. */
  clientPort?: number;
  /**
   * "listener" until the server end has a connection socket of its own (it is the
   * listening socket before that); "connection" after.
   */
  serverEnd: "listener" | "connection";
}

export interface LabContext {
  readonly net: LabNet;
  readonly reader: KernelReader;
  readonly signal: AbortSignal;
  /** Ports whose sockets are read and shown; add any port a step uses. */
  readonly ports: number[];
  readonly conn: ConnectionIds;
  /** Lines a step wants shown as its results ("listen(127.0.0.1:41234) → EADDRINUSE"). */
  readonly outcomes: string[];
  /** Waits, but stops at once on Ctrl-C. */
  sleep(ms: number): Promise<void>;
  /** The kernel's sockets on the watched ports, now. */
  read(): Promise<KernelSocket[]>;
  /** Adds a port to the watched set (once). */
  watch(port: number): void;
}

export interface Step {
  /** What happens, in one line. */
  readonly title: string;
  /** The Node calls the step makes, as a learner would write them. */
  readonly code?: string;
  readonly run: (ctx: LabContext) => Promise<void>;
  /** What the RFC state machine sees in this step. */
  readonly model: readonly ModelOp[];
  /** The states Linux 6.x shows after this step, in RFC names (the runner waits up to settleMs for them). */
  readonly expect?: Partial<Record<End, State>>;
  /** How long to wait for `expect` before showing whatever the kernel has (default 1500 ms). */
  readonly settleMs?: number;
  /** What to look at, in a sentence or two. */
  readonly look: string;
  /** Why the kernel may show something other than the RFC prediction for an end here. */
  readonly differs?: Partial<Record<End, string>>;
}

export interface Scenario {
  /** The name on the command line: `npm run lab -- <name>`. */
  readonly name: string;
  /** A short title. */
  readonly title: string;
  /** One line for --list. */
  readonly summary: string;
  /** The lab section text: what the scenario shows and what to look at (a few short paragraphs). */
  readonly about: string;
  /** The lessons it goes with ("04-teardown"). */
  readonly lessons: readonly string[];
  /** Fresh steps for one run (they may share private state through closures). */
  build(): readonly Step[];
}
