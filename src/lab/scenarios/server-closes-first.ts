import { errorCode } from "../driver.ts";
import type { Scenario } from "../scenario.ts";
import { closeCall, connectStep, listenStep, need, rowOf, settle, waitForKernel, type Conn } from "./common.ts";

export const serverClosesFirst: Scenario = {
  name: "server-closes-first",
  title: "the server closes first",
  summary: "TIME-WAIT on the server's port; rebinding it: SO_REUSEADDR, and EADDRINUSE without it",
  lessons: ["04-teardown", "05-time-wait"],
  about:
    "TIME-WAIT belongs to whichever end closes first, and here that is the server: its listening port " +
    "ends up in a TIME-WAIT entry for 60 s. Can a restarted server listen on that port again? In Node " +
    "it can, because Node (libuv) sets SO_REUSEADDR on every socket it binds, and Linux lets a new bind " +
    "share a port with TIME-WAIT entries when both sockets have SO_REUSEADDR. The last step shows the " +
    "other case for real: a TIME-WAIT entry whose socket never set SO_REUSEADDR (a client port picked by " +
    "connect(), which Node never binds) makes listen() on that port fail with EADDRINUSE — what a C " +
    "server without SO_REUSEADDR gets after a restart.",
  build() {
    const conn: Conn = {};
    return [
      listenStep(conn, true),
      connectStep(conn, true),
      {
        title: "The server closes first",
        code: "serverSocket.end()",
        async run() {
          need(conn.serverSocket, "the server's socket").end();
        },
        model: [closeCall("server"), settle],
        expect: { client: "CLOSE-WAIT", server: "FIN-WAIT-2" },
        look:
          "The roles of the teardown scenario, swapped: the server is in FIN-WAIT-2, the client in CLOSE-WAIT. " +
          "Nothing in TCP makes the client the one to close first.",
      },
      {
        title: "The client closes",
        code: "client.end()",
        async run() {
          need(conn.client, "the client").end();
        },
        model: [closeCall("client"), settle],
        expect: { client: "CLOSED", server: "TIME-WAIT" },
        look:
          "TIME-WAIT is on the server, and its local port is the listening port. The client went through " +
          "LAST-ACK to CLOSED: no socket is left on its side.",
      },
      {
        title: "Restart: close the listener and listen on the same port again",
        code: 'server.close(); net.createServer().listen(port, "127.0.0.1")',
        async run(ctx) {
          const port = need(conn.port, "the port");
          await ctx.net.closeServer(need(conn.server, "the listener"));
          try {
            const { server } = await ctx.net.listen({ port });
            conn.server = server;
            ctx.outcomes.push(`listen(127.0.0.1:${port}) succeeded next to the TIME-WAIT entry (SO_REUSEADDR on both)`);
          } catch (error) {
            ctx.outcomes.push(`listen(127.0.0.1:${port}) failed: ${errorCode(error)}`);
          }
        },
        model: [],
        expect: { server: "TIME-WAIT" },
        look:
          "A new LISTEN row on the port of the TIME-WAIT entry. Node set SO_REUSEADDR on the old listener " +
          "(the TIME-WAIT entry inherited it) and on the new one, so Linux allows the bind. " +
          "`strace -e setsockopt node …` shows the call: setsockopt(…, SO_REUSEADDR, [1]).",
      },
      {
        title: "A TIME-WAIT entry without SO_REUSEADDR blocks the port",
        code: "a second client connects (no bind: no SO_REUSEADDR) and closes first; listen(itsPort)",
        async run(ctx) {
          const port = need(conn.port, "the port");
          const other = await ctx.net.connect(port); // Node's defaults: the server end closes when it reads the FIN
          const otherPort = need(other.localPort, "the second client's port");
          ctx.watch(otherPort);
          other.end();
          await waitForKernel(ctx, (rows) => rowOf(rows, otherPort, port)?.state === "TIME-WAIT");
          try {
            await ctx.net.listen({ port: otherPort });
            ctx.outcomes.push(`listen(127.0.0.1:${otherPort}) succeeded (this kernel allows it)`);
          } catch (error) {
            ctx.outcomes.push(
              `listen(127.0.0.1:${otherPort}) → ${errorCode(error)}: port ${otherPort} is held by a TIME-WAIT entry without SO_REUSEADDR`,
            );
          }
        },
        model: [],
        expect: { server: "TIME-WAIT" },
        look:
          "The second client closed first, so its port is now in TIME-WAIT, and that socket never set " +
          "SO_REUSEADDR: Node sets it only when it calls bind(), and a plain connect() lets the kernel pick " +
          "the port without one. listen() on that port fails with EADDRINUSE although Node sets " +
          "SO_REUSEADDR on the new socket: Linux needs it on both. A C server that does not set it meets " +
          "exactly this on its own port for 60 s after a restart.",
      },
    ];
  },
};
