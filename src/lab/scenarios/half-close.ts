import type { Scenario } from "../scenario.ts";
import { closeCall, connectStep, fillWindows, listenStep, need, rowOf, settle, waitForKernel, waitUntil, type Conn } from "./common.ts";

export const halfClose: Scenario = {
  name: "half-close",
  title: "half-close: one direction shut, the other still open",
  summary: "client end() = shutdown(SHUT_WR), server keeps sending; LAST-ACK with its FIN queued behind data",
  lessons: ["04-teardown"],
  about:
    "A close is really two: each end shuts its own sending direction. Here the client calls end() " +
    "(shutdown(SHUT_WR) in C): it will send nothing more but keeps reading. (close(), destroy() in Node, " +
    "would stop the reading too: `npm run lab -- write-after-close`.) The server, in CLOSE-WAIT, " +
    "goes on sending, and the client receives it all. Then the client stops reading, the server fills " +
    "the client's receive window and closes: LAST-ACK, with its FIN waiting behind the unsent data " +
    "(Send-Q = data + 1). When the client reads again, the FIN gets through and the client moves to TIME-WAIT.",
  build() {
    const conn: Conn = {};
    let received = 0;
    let serverWrote = 0;
    return [
      listenStep(conn, true),
      connectStep(conn, true),
      {
        title: "The client shuts down its sending side",
        code: "client.end()   // shutdown(SHUT_WR) in C: no more sending, still reading",
        async run() {
          const client = need(conn.client, "the client");
          client.on("data", (chunk: Buffer) => (received += chunk.length));
          client.end();
        },
        model: [closeCall("client"), settle],
        expect: { client: "FIN-WAIT-2", server: "CLOSE-WAIT" },
        look:
          "Same states as a full close (FIN-WAIT-2 and CLOSE-WAIT), but no timer on the client this time: " +
          "its program still holds the socket and may read for as long as it likes. FIN-WAIT-2 is this " +
          "half-close, not a 'half-open' connection (that is one end crashed unknown to the other).",
      },
      {
        title: "Data still flows the other way",
        code: 'serverSocket.write("…3 KiB…")',
        async run(ctx) {
          need(conn.serverSocket, "the server's socket").write(Buffer.alloc(3 * 1024, "s"));
          await waitUntil(ctx, () => received >= 3 * 1024);
          ctx.outcomes.push(`the client received ${received} bytes after its own end()`);
        },
        model: [],
        expect: { client: "FIN-WAIT-2", server: "CLOSE-WAIT" },
        look:
          "The server, in CLOSE-WAIT, may still send, and the client, in FIN-WAIT-2, still receives: that is " +
          "what the half in half-close means. The states do not move.",
      },
      {
        title: "The client stops reading; the server fills its window and closes",
        code: "client.pause(); serverSocket.write(…) until the window is full; serverSocket.end()",
        async run(ctx) {
          const client = need(conn.client, "the client");
          const serverSocket = need(conn.serverSocket, "the server's socket");
          client.pause();
          const [bytes] = await fillWindows(ctx, [
            { socket: serverSocket, local: () => ctx.conn.serverPort, peer: () => ctx.conn.clientPort },
          ]);
          serverWrote = bytes ?? 0;
          serverSocket.end();
          const rows = await waitForKernel(ctx, (r) => rowOf(r, ctx.conn.serverPort, ctx.conn.clientPort)?.state === "LAST-ACK");
          const row = rowOf(rows, ctx.conn.serverPort, ctx.conn.clientPort);
          ctx.outcomes.push(
            `the server wrote ${serverWrote} bytes; its Send-Q is ${row?.sendQ ?? "?"} (unsent data, then +1 for the FIN)`,
          );
        },
        model: [closeCall("server")],
        expect: { client: "FIN-WAIT-2", server: "LAST-ACK" },
        settleMs: 2000,
        look:
          "The server is in LAST-ACK although its FIN has not left yet: close() changes the state at once, " +
          "the FIN queues behind the data the client's full receive window will not take (the +1 in " +
          "Send-Q). The persist timer is the server probing the zero window. In the model, the FIN is held " +
          "in flight.",
      },
      {
        title: "The client reads again",
        code: "client.resume()",
        async run(ctx) {
          need(conn.client, "the client").resume();
          await waitUntil(ctx, () => received >= 3 * 1024 + serverWrote, 3000);
          ctx.outcomes.push(`the client has now received ${received} bytes in all`);
        },
        model: [settle],
        expect: { client: "TIME-WAIT", server: "CLOSED" },
        settleMs: 2500,
        look:
          "The data drains, the FIN arrives after it, the client acknowledges it and enters TIME-WAIT " +
          "(60 s on Linux); the server's LAST-ACK ends with that ACK and its socket is gone.",
      },
    ];
  },
};
