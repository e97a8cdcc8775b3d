import type net from "node:net";
import { errorCode } from "../driver.ts";
import { resetsSent } from "../linux-counters.ts";
import type { LabContext, Scenario } from "../scenario.ts";
import { clientCloseStep, connectStep, listenStep, need, rowOf, settle, waitForKernel, waitUntil, type Conn } from "./common.ts";

/** Writes, then waits (bounded) for the write's callback: "ok", an error code, or "no answer". */
async function writeAndWait(ctx: LabContext, socket: net.Socket, text: string): Promise<string> {
  let result: string | undefined;
  socket.write(text, (error) => (result = error ? errorCode(error) : "ok"));
  await waitUntil(ctx, () => result !== undefined);
  return result ?? "no answer";
}

export const writeAfterClose: Scenario = {
  name: "write-after-close",
  title: "close() is not a half-close: data after it draws a RST",
  summary: "client destroy() = close(); the server writes anyway: the client's kernel answers RST, the next write fails with EPIPE",
  lessons: ["04-teardown"],
  about:
    "close() ends both directions for the program: after it, nothing can read what still arrives. The " +
    "client's kernel sends a FIN all the same, so the states look like a half-close (FIN-WAIT-2 and " +
    "CLOSE-WAIT), and the server, in CLOSE-WAIT, is allowed to send. When its data reaches a socket " +
    "nobody can read any more, the client's kernel answers with a RST (RFC 9293 §3.6.1: a host that " +
    "implements this 'half-duplex' close SHOULD reset when data arrives after CLOSE, to show data was " +
    "lost; Linux does). Both sockets are gone, with no TIME-WAIT, and the server's next write fails with " +
    "EPIPE. Only shutdown(SHUT_WR), end() in Node, keeps the reading side open: `npm run lab -- half-close`.",
  build() {
    const conn: Conn = {};
    let resetsBefore: number | undefined;
    return [
      listenStep(conn, true),
      connectStep(conn, true),
      clientCloseStep(
        conn,
        "no more sending, and no more reading either",
        "The same two states as after end() in the half-close scenario: one FIN went one way. The " +
        "difference is not in the states but in the program: it has let go of the socket, so nothing " +
        "will ever read what arrives now (the tcp_fin_timeout timer on the client's row says so: Linux " +
        "puts it only on an orphaned FIN-WAIT-2).",
      ),
      {
        title: "The server writes after the client's close()",
        code: 'serverSocket.write("are you still there?")',
        async run(ctx) {
          resetsBefore = await resetsSent();
          const result = await writeAndWait(ctx, need(conn.serverSocket, "the server's socket"), "are you still there?");
          ctx.outcomes.push(`write() → ${result}: the bytes went into the server's send buffer and out`);
          await waitForKernel(ctx, (rows) => rowOf(rows, ctx.conn.serverPort, ctx.conn.clientPort) === undefined);
          const resetsAfter = await resetsSent();
          if (resetsBefore !== undefined && resetsAfter !== undefined) {
            ctx.outcomes.push(`RSTs sent on this machine meanwhile: ${resetsAfter - resetsBefore} (Tcp.OutRsts in /proc/net/snmp, all sockets)`);
          }
        },
        // The model has no data: it plays the client kernel's answer as what it is on the wire,
        // the client resetting the connection (RST seq=SND.NXT), which the server accepts.
        model: [{ op: "call", end: "client", event: { kind: "abort" } }, settle],
        expect: { client: "CLOSED", server: "CLOSED" },
        look:
          "Both rows are gone. The server's bytes reached a socket whose program had closed it, so the " +
          "client's kernel answered with a RST, and the RST ended the server's side too: no LAST-ACK, no " +
          "TIME-WAIT anywhere. The write itself succeeded: it only puts bytes in the send buffer. The model " +
          "has no data segments, so it shows the client's RST (seq=102, exactly the server's RCV.NXT) as an " +
          "ABORT of the client; the server takes it from CLOSE-WAIT to CLOSED.",
      },
      {
        title: "The server writes again",
        code: 'serverSocket.write("hello?")',
        async run(ctx) {
          const result = await writeAndWait(ctx, need(conn.serverSocket, "the server's socket"), "hello?");
          ctx.outcomes.push(`write() → ${result}`);
        },
        model: [],
        expect: { client: "CLOSED", server: "CLOSED" },
        look:
          "EPIPE: the RST arrived while the server was in CLOSE-WAIT, and Linux reports a reset in that state " +
          "as a broken pipe (ECONNRESET in other states). A C program that does not ignore SIGPIPE is " +
          "killed by this write; Node ignores SIGPIPE and reports the error instead.",
      },
    ];
  },
};
