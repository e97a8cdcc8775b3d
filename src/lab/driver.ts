/**
 * Real TCP connections for the lab, with node:net, on 127.0.0.1 only.
 *
 * A LabNet owns every server, socket and worker it creates and closes them all
 * in closeAll(), which the runner calls on success, on error and on Ctrl-C.
 * Every wait is bounded in time, every loop in count.
 */
import net from "node:net";
import { Worker } from "node:worker_threads";

/** The only address the lab ever listens on or connects to. */
export const LOOPBACK = "127.0.0.1";

/** How long the lab waits for a connect, an accept or a listen before giving up. */
const OPERATION_TIMEOUT_MS = 3000;

export interface ListenOptions {
  /** Node's default is false: the server end closes as soon as it reads the peer's FIN. */
  readonly allowHalfOpen?: boolean;
  /** 0 (the default) lets the kernel choose a free port. */
  readonly port?: number;
  readonly backlog?: number;
}

export interface ConnectOptions {
  readonly allowHalfOpen?: boolean;
  /** Bind the client to this local port before connecting (libuv then sets SO_REUSEADDR). */
  readonly localPort?: number;
}

/** A listener that never calls accept(): see LabNet.busyListener. */
export interface BusyListener {
  readonly port: number;
  readonly backlog: number;
  /** Let it return to its event loop, which then accepts everything queued. */
  wake(): void;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  const raced = Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  // A wait the scenario abandoned (its step failed first) must not end the lab as an unhandled rejection later.
  raced.catch(() => undefined);
  return raced;
}

/** The error code of a failed socket operation ("EADDRINUSE"), or its message. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : error instanceof Error ? error.message : String(error);
}

// The busy server runs in a worker thread whose event loop is blocked in
// Atomics.wait, so libuv never gets to call accept(): the kernel completes
// handshakes into the accept queue until it is full, then drops new SYNs.
// Plain JavaScript (no TypeScript loader needed in the worker).
const BUSY_LISTENER_SOURCE = `
const net = require("node:net");
const { parentPort, workerData } = require("node:worker_threads");
const { flag, backlog, host, maxBlockMs } = workerData;
const accepted = [];
const server = net.createServer((socket) => { socket.on("error", () => {}); accepted.push(socket); });
server.on("error", (error) => parentPort.postMessage({ error: error.code || String(error) }));
server.listen({ port: 0, host, backlog }, () => {
  parentPort.postMessage({ port: server.address().port });
  Atomics.wait(flag, 0, 0, maxBlockMs); // busy: no accept() until woken or the time is up
});
`;

export class LabNet {
  private readonly servers = new Set<net.Server>();
  private readonly sockets = new Set<net.Socket>();
  private readonly workers = new Set<Worker>();
  /** Socket errors seen so far ("client: ECONNRESET"), for the renderer to report. */
  readonly errors: string[] = [];

  /** Listens on 127.0.0.1; resolves with the server and its port. Rejects with the bind error (e.g. EADDRINUSE). */
  async listen(options: ListenOptions = {}): Promise<{ server: net.Server; port: number }> {
    const server = net.createServer({ allowHalfOpen: options.allowHalfOpen ?? false });
    this.servers.add(server);
    server.on("connection", (socket) => this.track(socket, "server"));
    try {
      await withTimeout(
        new Promise<void>((resolve, reject) => {
          server.once("error", reject);
          server.listen({ port: options.port ?? 0, host: LOOPBACK, ...(options.backlog ? { backlog: options.backlog } : {}) }, () => {
            server.off("error", reject);
            resolve();
          });
        }),
        OPERATION_TIMEOUT_MS,
        "listen",
      );
    } catch (error) {
      this.servers.delete(server);
      server.close();
      throw error;
    }
    server.on("error", (error) => this.errors.push(`listener: ${errorCode(error)}`));
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("listener has no TCP address");
    return { server, port: address.port };
  }

  /** The next connection the server accepts. */
  accept(server: net.Server): Promise<net.Socket> {
    return withTimeout(
      new Promise<net.Socket>((resolve) => server.once("connection", resolve)),
      OPERATION_TIMEOUT_MS,
      "accept",
    );
  }

  /** Starts a connect to 127.0.0.1:port and returns the socket at once (it may stay in SYN-SENT). */
  startConnect(port: number, options: ConnectOptions = {}): net.Socket {
    const socket = net.connect({
      port,
      host: LOOPBACK,
      allowHalfOpen: options.allowHalfOpen ?? false,
      ...(options.localPort !== undefined ? { localAddress: LOOPBACK, localPort: options.localPort } : {}),
    });
    this.track(socket, "client");
    return socket;
  }

  /** Connects to 127.0.0.1:port; resolves once connected, rejects with the connect error. */
  connect(port: number, options: ConnectOptions = {}): Promise<net.Socket> {
    const socket = this.startConnect(port, options);
    return withTimeout(
      new Promise<net.Socket>((resolve, reject) => {
        socket.once("error", reject);
        socket.once("connect", () => {
          socket.off("error", reject);
          resolve(socket);
        });
      }),
      OPERATION_TIMEOUT_MS,
      "connect",
    );
  }

  /**
   * A listener with this backlog in a worker thread that never calls accept()
   * (its event loop is blocked for at most maxBlockMs, or until woken).
   */
  async busyListener(backlog: number, maxBlockMs = 60_000): Promise<BusyListener> {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(BUSY_LISTENER_SOURCE, {
      eval: true,
      workerData: { flag, backlog, host: LOOPBACK, maxBlockMs },
      stdout: false,
      stderr: false,
    });
    this.workers.add(worker);
    worker.on("error", (error) => this.errors.push(`busy listener: ${errorCode(error)}`));
    const first = await withTimeout(
      new Promise<{ port?: number; error?: string }>((resolve, reject) => {
        worker.once("message", resolve);
        worker.once("exit", (code) => reject(new Error(`busy listener exited (${code})`)));
      }),
      OPERATION_TIMEOUT_MS,
      "busy listener",
    );
    if (first.port === undefined) throw new Error(`busy listener could not listen: ${first.error ?? "unknown"}`);
    return {
      port: first.port,
      backlog,
      wake: () => {
        Atomics.store(flag, 0, 1);
        Atomics.notify(flag, 0);
      },
    };
  }

  /** Closes one listener (resolves when closed; its accepted sockets are not touched). */
  closeServer(server: net.Server): Promise<void> {
    this.servers.delete(server);
    return withTimeout(
      new Promise<void>((resolve) => server.close(() => resolve())),
      OPERATION_TIMEOUT_MS,
      "close",
    ).catch(() => undefined);
  }

  /**
   * Closes everything still open. Sockets still connected are reset (RST), so
   * nothing the lab opened lingers; TIME-WAIT entries the scenario made belong to
   * the kernel and stay for their 60 s. Bounded in time.
   */
  async closeAll(): Promise<void> {
    for (const socket of this.sockets) {
      if (!socket.destroyed) {
        try {
          if (socket.readyState === "opening") socket.destroy();
          else socket.resetAndDestroy();
        } catch {
          socket.destroy();
        }
      }
    }
    this.sockets.clear();
    const closing = [...this.servers].map((server) => new Promise<void>((resolve) => server.close(() => resolve())));
    this.servers.clear();
    const stopping = [...this.workers].map((worker) => worker.terminate().then(() => undefined));
    this.workers.clear();
    await withTimeout(Promise.all([...closing, ...stopping]), OPERATION_TIMEOUT_MS, "closing").catch(() => undefined);
  }

  private track(socket: net.Socket, role: string): void {
    this.sockets.add(socket);
    socket.on("error", (error) => this.errors.push(`${role}: ${errorCode(error)}`));
    socket.on("close", () => this.sockets.delete(socket));
  }
}
