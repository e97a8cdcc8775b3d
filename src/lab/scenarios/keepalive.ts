import { keepaliveProbesSent } from "../linux-counters.ts";
import type { Scenario } from "../scenario.ts";
import { connectStep, listenStep, need, type Conn } from "./common.ts";

const IDLE_MS = 1000;
const WATCH_MS = 2200;

export const keepalive: Scenario = {
  name: "keepalive",
  title: "TCP keepalive probes",
  summary: "setKeepAlive(true, 1000): a keepalive timer in ss -o, probes every second, answered by the peer's kernel",
  lessons: ["07-keepalive"],
  about:
    "Keepalive is off on every new socket (RFC 9293 MUST-25) and, once on, Linux waits 7200 s of " +
    "silence before the first probe, then probes every 75 s and gives up after 9 unanswered ones. Here " +
    "the client turns it on with a 1-second idle time, and ss shows a keepalive timer on the client's " +
    "row only: keepalive is per socket. Node's setKeepAlive(enable, initialDelay) sets only the idle " +
    "time you pass; Node 20.20 also sets TCP_KEEPINTVL = 1 s and TCP_KEEPCNT = 10 on its own, and gives " +
    "you no way to choose them (check with `strace -e setsockopt`). A live peer's kernel answers each probe, " +
    "so the probe count in the timer stays 0; with a dead peer it would climb to 10 and the socket would then fail with ETIMEDOUT (a reset comes only from a peer that rebooted and answers a probe with RST).",
  build() {
    const conn: Conn = {};
    let before: number | undefined;
    return [
      listenStep(conn, false),
      connectStep(
        conn,
        false,
        "An ESTABLISHED connection with no timer column on either row: nothing is outstanding, and keepalive is off.",
      ),
      {
        title: `The client turns keepalive on, idle ${IDLE_MS / 1000} s`,
        code: `client.setKeepAlive(true, ${IDLE_MS})`,
        async run(ctx) {
          before = await keepaliveProbesSent();
          need(conn.client, "the client").setKeepAlive(true, IDLE_MS);
          await ctx.sleep(50);
        },
        model: [],
        expect: { client: "ESTABLISHED", server: "ESTABLISHED" },
        look:
          "timer:(keepalive,…) on the client's row: the time until the first probe (about 1 s), and 0 probes " +
          "unanswered. The server's row has no timer: it did not ask for keepalive.",
      },
      {
        title: `Stay silent for ${WATCH_MS / 1000} s`,
        code: "(no data in either direction)",
        async run(ctx) {
          await ctx.sleep(WATCH_MS);
          const after = await keepaliveProbesSent();
          if (before !== undefined && after !== undefined) {
            ctx.outcomes.push(
              `keepalive probes sent on this machine meanwhile: ${after - before} (TcpExt.TCPKeepAlive in /proc/net/netstat, all sockets)`,
            );
          }
        },
        model: [],
        expect: { client: "ESTABLISHED", server: "ESTABLISHED" },
        look:
          "About one probe a second went out (the counter above), each answered by the server's kernel, so " +
          "the timer restarted each time and the last number stayed 0. The program saw nothing: probes " +
          "carry no data. States never change: keepalive only ever ends a connection (ETIMEDOUT).",
      },
    ];
  },
};
