/**
 * Pieces the scenarios share: model ops, the two opening steps, and bounded
 * waits on the kernel's view.
 */
import type net from "node:net";
import type { End } from "../../../lib/tcp.ts";
import type { KernelSocket } from "../kernel-socket.ts";
import type { ModelOp } from "../model.ts";
import type { LabContext, Step } from "../scenario.ts";

export const passiveOpen = (end: End): ModelOp => ({ op: "call", end, event: { kind: "open", mode: "passive" } });
export const activeOpen = (end: End): ModelOp => ({ op: "call", end, event: { kind: "open", mode: "active" } });
export const closeCall = (end: End): ModelOp => ({ op: "call", end, event: { kind: "close" } });
export const settle: ModelOp = { op: "settle" };

/** The sockets and ports of one scenario run, filled in as its steps go. */
export interface Conn {
  server?: net.Server;
  port?: number;
  client?: net.Socket;
  serverSocket?: net.Socket;
}

export function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`internal: ${what} is not there yet`);
  return value;
}

/** The kernel's row for local port → peer port. */
export function rowOf(rows: readonly KernelSocket[], local: number | undefined, peer: number | undefined): KernelSocket | undefined {
  return rows.find((r) => r.local.port === local && r.peer.port === peer && r.state !== "LISTEN");
}

/**
 * Reads the kernel until `done(rows)` holds, at most `timeoutMs` (and a bounded
 * number of reads). Returns the last rows read, whether or not `done` held.
 */
export async function waitForKernel(
  ctx: LabContext,
  done: (rows: readonly KernelSocket[]) => boolean,
  timeoutMs = 2000,
  pollMs = 20,
): Promise<KernelSocket[]> {
  const deadline = Date.now() + timeoutMs;
  let rows = await ctx.read();
  for (let i = 0; i < Math.ceil(timeoutMs / pollMs) && !done(rows) && Date.now() < deadline; i++) {
    await ctx.sleep(pollMs);
    rows = await ctx.read();
  }
  return rows;
}

/** Waits (bounded) until a condition of the program holds, e.g. bytes received. */
export async function waitUntil(ctx: LabContext, done: () => boolean, timeoutMs = 2000, pollMs = 10): Promise<boolean> {
  for (let i = 0; i < Math.ceil(timeoutMs / pollMs) && !done(); i++) await ctx.sleep(pollMs);
  return done();
}

const FILL_CHUNK = Buffer.alloc(16 * 1024, "x");
const FILL_MAX_BYTES = 64 * 1024 * 1024;
const FILL_MAX_MS = 4000;

/**
 * Writes to each socket until the kernel holds data it cannot send: the peer's
 * receive window is full (Linux shows the persist timer, zero-window probes).
 * Writes only while Node has nothing buffered itself, so everything written is
 * in the kernel and a later end() sends shutdown() at once. Bounded in bytes and
 * time. Returns the bytes written per socket.
 */
export async function fillWindows(
  ctx: LabContext,
  writers: readonly { socket: net.Socket; local: () => number | undefined; peer: () => number | undefined }[],
): Promise<number[]> {
  const written = writers.map(() => 0);
  const stuckReads = writers.map(() => 0);
  const deadline = Date.now() + FILL_MAX_MS;
  for (let round = 0; round < 4000 && Date.now() < deadline; round++) {
    const rows = await ctx.read();
    writers.forEach((w, i) => {
      const row = rowOf(rows, w.local(), w.peer());
      const stuck = row !== undefined && row.sendQ > 0 && (ctx.reader.hasTimers ? row.timer?.name === "persist" : true);
      stuckReads[i] = stuck ? stuckReads[i]! + 1 : 0;
      if (!stuck && w.socket.writableLength === 0 && written[i]! < FILL_MAX_BYTES) {
        w.socket.write(FILL_CHUNK);
        written[i] = written[i]! + FILL_CHUNK.length;
      }
    });
    // Two reads in a row stuck: the window is really full, not just catching up.
    if (stuckReads.every((n) => n >= 2)) return written;
    await ctx.sleep(2);
  }
  return written;
}

/** Step: listen on 127.0.0.1, port chosen by the kernel. */
export function listenStep(conn: Conn, allowHalfOpen: boolean): Step {
  return {
    title: "The server listens",
    code: `net.createServer(${allowHalfOpen ? "{ allowHalfOpen: true }" : ""}).listen(0, "127.0.0.1")`,
    async run(ctx) {
      const { server, port } = await ctx.net.listen({ allowHalfOpen });
      conn.server = server;
      conn.port = port;
      ctx.conn.serverPort = port;
      ctx.watch(port);
    },
    model: [passiveOpen("server")],
    expect: { client: "CLOSED", server: "LISTEN" },
    look:
      "One socket so far: the listener, in LISTEN, with peer 0.0.0.0:*. For a listener, ss's Recv-Q is " +
      "its accept queue (connections the kernel has finished that the program has not accept()ed yet) " +
      "and Send-Q is its backlog: 511, Node's default. The client has no socket yet: CLOSED means no TCB at all.",
  };
}

/** Step: the client connects and the server accepts. */
export function connectStep(conn: Conn, allowHalfOpen: boolean, look?: string): Step {
  return {
    title: "The client connects; the server accepts",
    code: `net.connect({ port, host: "127.0.0.1"${allowHalfOpen ? ", allowHalfOpen: true" : ""} })`,
    async run(ctx) {
      const server = need(conn.server, "the listener");
      const accepted = ctx.net.accept(server);
      conn.client = await ctx.net.connect(need(conn.port, "the port"), { allowHalfOpen });
      conn.serverSocket = await accepted;
      ctx.conn.clientPort = conn.client.localPort;
      ctx.conn.serverEnd = "connection";
    },
    model: [activeOpen("client"), settle],
    expect: { client: "ESTABLISHED", server: "ESTABLISHED" },
    look:
      look ??
      "Two more rows, one per end, with the ports swapped: the client's and the server's socket of the " +
      "same connection (the listener stays in LISTEN for the next client). SYN, SYN,ACK and ACK took " +
      "microseconds on loopback, so the in-between states never show here.",
  };
}

/** The client calls close() (destroy() in Node): FIN-WAIT-2 at the client, CLOSE-WAIT at the server. */
export function clientCloseStep(conn: Conn, comment: string, look: string): Step {
  return {
    title: "The client closes its socket",
    code: `client.destroy()   // close() in C: ${comment}`,
    async run() {
      need(conn.client, "the client").destroy();
    },
    model: [closeCall("client"), settle],
    expect: { client: "FIN-WAIT-2", server: "CLOSE-WAIT" },
    look,
  };
}
