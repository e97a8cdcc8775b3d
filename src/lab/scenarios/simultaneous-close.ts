import type { Scenario } from "../scenario.ts";
import { closeCall, connectStep, fillWindows, listenStep, need, settle, type Conn } from "./common.ts";

export const simultaneousClose: Scenario = {
  name: "simultaneous-close",
  title: "both ends close at once",
  summary: "both FIN-WAIT-1, then CLOSING, then TIME-WAIT at both ends",
  lessons: ["04-teardown"],
  about:
    "When both ends close before either has seen the other's FIN, neither is the passive closer: both " +
    "go FIN-WAIT-1, a FIN arrives while the end's own FIN is unacknowledged (CLOSING), and both end in " +
    "TIME-WAIT. On loopback the two FINs would normally not cross: each arrives in microseconds. So the " +
    "lab makes them wait: neither end reads, both fill the other's receive window, then both call end(). " +
    "Each FIN now sits behind data the peer will not take (Send-Q = data + 1). Then the client reads: " +
    "the server's data and FIN get through while the client's own FIN is still stuck, so the client goes " +
    "CLOSING and the server, its FIN acknowledged, FIN-WAIT-2 (the RFC model differs here, and the lab " +
    "says why). When the server reads too, both reach TIME-WAIT.",
  build() {
    const conn: Conn = {};
    return [
      listenStep(conn, true),
      connectStep(conn, true),
      {
        title: "Neither end reads; both fill the other's receive window",
        code: "client.pause(); serverSocket.pause(); both write(…) until the peer's window is full",
        async run(ctx) {
          const client = need(conn.client, "the client");
          const serverSocket = need(conn.serverSocket, "the server's socket");
          client.pause();
          serverSocket.pause();
          const [c, s] = await fillWindows(ctx, [
            { socket: client, local: () => ctx.conn.clientPort, peer: () => ctx.conn.serverPort },
            { socket: serverSocket, local: () => ctx.conn.serverPort, peer: () => ctx.conn.clientPort },
          ]);
          ctx.outcomes.push(`the client wrote ${c} bytes, the server ${s}; nobody reads`);
        },
        model: [],
        expect: { client: "ESTABLISHED", server: "ESTABLISHED" },
        look:
          "Both rows have data in Recv-Q (received, not read) and in Send-Q (not yet sent), and the timer is " +
          "persist: each end probes a zero window.",
      },
      {
        title: "Both close at once",
        code: "client.end(); serverSocket.end()",
        async run() {
          need(conn.client, "the client").end();
          need(conn.serverSocket, "the server's socket").end();
        },
        model: [closeCall("client"), closeCall("server")],
        expect: { client: "FIN-WAIT-1", server: "FIN-WAIT-1" },
        look:
          "Both FIN-WAIT-1, and Send-Q grew by exactly 1 at each end: the FIN, queued behind the data. In the " +
          "model both FINs are in flight and neither has arrived.",
      },
      {
        title: "The client reads",
        code: "client.resume()",
        async run(ctx) {
          need(conn.client, "the client").resume();
          await ctx.sleep(50);
        },
        model: [{ op: "deliver", from: "server" }],
        expect: { client: "CLOSING", server: "FIN-WAIT-2" },
        settleMs: 2500,
        look:
          "The server's data and FIN reached the client while the client's own FIN was still unacknowledged: " +
          "CLOSING, the state only a simultaneous close visits. The client's FIN is still stuck behind its data.",
        differs: {
          server:
            "Linux and the model part ways here. In the model the client's CLOSE already sent its FIN " +
            "(seq=101), so the ACK it sends now (seq=102) travels behind that held-back FIN and the server " +
            "is still waiting in FIN-WAIT-1. Linux numbers a FIN only when it really sends it (RFC 9293 " +
            "§3.10.4: queue the FIN behind the data), so its bare ACK went out at once, in order, and " +
            "acknowledged the server's FIN: FIN-WAIT-2.",
        },
      },
      {
        title: "The server reads",
        code: "serverSocket.resume()",
        async run(ctx) {
          need(conn.serverSocket, "the server's socket").resume();
          await ctx.sleep(50);
        },
        model: [settle],
        expect: { client: "TIME-WAIT", server: "TIME-WAIT" },
        settleMs: 2500,
        look:
          "The client's FIN gets through: the server goes TIME-WAIT, its ACK takes the client from CLOSING to " +
          "TIME-WAIT. Two TIME-WAIT entries for one connection: in a simultaneous close both ends closed first.",
      },
    ];
  },
};
