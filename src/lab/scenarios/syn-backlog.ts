import type net from "node:net";
import type { BusyListener } from "../driver.ts";
import type { Scenario } from "../scenario.ts";
import { activeOpen, need, passiveOpen, settle, waitForKernel } from "./common.ts";

const BACKLOG = 2;
const CLIENTS = 5;

export const synBacklog: Scenario = {
  name: "syn-backlog",
  title: "a full accept queue: clients stuck in SYN-SENT",
  summary: "listen with backlog 2, never accept(), 5 connects: 3 get in, 2 stay SYN-SENT and retransmit",
  lessons: ["03-handshake", "06-retransmission"],
  about:
    "The kernel, not the program, completes handshakes: it puts each finished connection in the " +
    "listener's accept queue until the program calls accept(). This server (in a worker thread whose " +
    "event loop is kept busy) never does, and listens with backlog 2. Linux's accept queue then holds " +
    "backlog + 1 = 3 connections; after that it drops new SYNs, and the clients sit in SYN-SENT with " +
    "Send-Q 1 (their SYN) and a retransmission timer whose last number counts the retries. The RFC has " +
    "no accept queue: its model would answer every SYN. Node note: listen's backlog is min(backlog, " +
    "net.core.somaxconn), and backlog 0 means 'not given' in Node, so you get 511, not 0.",
  build() {
    let busy: BusyListener | undefined;
    const clients: net.Socket[] = [];
    return [
      {
        title: `A server listens with backlog ${BACKLOG} and never calls accept()`,
        code: `server.listen({ port: 0, host: "127.0.0.1", backlog: ${BACKLOG} })   // then the event loop stays busy`,
        async run(ctx) {
          busy = await ctx.net.busyListener(BACKLOG);
          ctx.conn.serverPort = busy.port;
          ctx.watch(busy.port);
        },
        model: [passiveOpen("server")],
        expect: { client: "CLOSED", server: "LISTEN" },
        look: `The listener's Send-Q is its backlog (${BACKLOG}); Recv-Q, the accept queue, is empty.`,
      },
      {
        title: `${CLIENTS} clients connect`,
        code: `for (let i = 0; i < ${CLIENTS}; i++) net.connect(port, "127.0.0.1")`,
        async run(ctx) {
          const port = need(busy, "the busy listener").port;
          for (let i = 0; i < CLIENTS; i++) clients.push(ctx.net.startConnect(port));
          const rows = await waitForKernel(ctx, (r) => r.filter((s) => s.peer.port === port).length >= CLIENTS);
          const mine = rows.filter((s) => s.peer.port === port);
          const stuck = mine.filter((s) => s.state === "SYN-SENT");
          const inQueue = mine.length - stuck.length;
          const listener = rows.find((s) => s.local.port === port && s.state === "LISTEN");
          if (stuck[0]) ctx.conn.clientPort = stuck[0].local.port;
          ctx.outcomes.push(
            `${inQueue} clients finished the handshake into the accept queue (listener Recv-Q ${listener?.recvQ ?? "?"}), ` +
              `${stuck.length} are stuck in SYN-SENT; the "client" row below is port ${stuck[0]?.local.port ?? "?"}`,
          );
        },
        model: [activeOpen("client"), { op: "drop", from: "client" }],
        expect: { client: "SYN-SENT", server: "LISTEN" },
        look:
          "The first clients are ESTAB at both ends although nobody called accept(): the server-side rows " +
          "are connections waiting in the queue. The others are SYN-SENT: the kernel dropped their SYN " +
          "because the queue was full (no RST: the client should simply try again). In the model the SYN is " +
          "lost on the way.",
      },
      {
        title: "Wait 1.5 seconds",
        code: "(nothing: the clients' kernels retransmit their SYNs)",
        async run(ctx) {
          await ctx.sleep(1500);
          const port = need(busy, "the busy listener").port;
          const rows = await ctx.read();
          const counts = rows.filter((s) => s.peer.port === port && s.state === "SYN-SENT").map((s) => s.timer?.count ?? 0);
          ctx.outcomes.push(`SYN retransmissions so far per stuck client: ${counts.join(", ") || "none"}`);
        },
        model: [
          { op: "retransmit", from: "client" },
          { op: "drop", from: "client" },
        ],
        expect: { client: "SYN-SENT", server: "LISTEN" },
        look:
          "The last number in timer:(on,…,N) is the retransmission count, and it went up. Linux 6.5 and " +
          "later (tcp_syn_linear_timeouts = 4) retry every second at first: 1, 2, 3, 4, 5 s, then doubling " +
          "(7, 11, 19, 35, 67 s), ETIMEDOUT at about 134 s. Older kernels, or the sysctl at 0, wait 1, 2, 4, " +
          "8… s between retries (1, 3, 7, 15, 31, 63 s, giving up at 127 s with tcp_syn_retries = 6).",
      },
      {
        title: "The server finally calls accept()",
        code: "(the worker's event loop is free again: libuv accepts everything queued)",
        async run(ctx) {
          need(busy, "the busy listener").wake();
          ctx.conn.serverEnd = "connection";
        },
        model: [{ op: "retransmit", from: "client" }, settle],
        expect: { client: "ESTABLISHED", server: "ESTABLISHED" },
        settleMs: 5000,
        look:
          "The queue drains, and the stuck clients' next SYN retransmission gets an answer: they complete the " +
          "handshake late, with nothing lost but time.",
      },
    ];
  },
};
