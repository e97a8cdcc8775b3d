import type net from "node:net";
import { errorCode } from "../driver.ts";
import type { Scenario } from "../scenario.ts";
import { activeOpen, need, settle, waitUntil } from "./common.ts";

export const simultaneousOpen: Scenario = {
  name: "simultaneous-open",
  title: "a simultaneous open: a socket connects to itself",
  summary: "bind to port P and connect to port P: SYN-SENT meets a SYN, SYN-RECEIVED, ESTABLISHED with itself",
  lessons: ["03-handshake", "08-faq"],
  about:
    "Two ends that both send a SYN before either hears from the other meet in a simultaneous open " +
    "(RFC 9293 Figure 7): each SYN-SENT end receives a bare SYN, goes SYN-RECEIVED and answers " +
    "SYN,ACK, and each is ESTABLISHED when the other's SYN,ACK arrives. Four segments, no listener. " +
    "Between two machines this needs split-second timing; on one machine there is a trick: a socket " +
    "bound to port P that connects to port P. Its SYN comes back to itself, so it plays both ends. The " +
    "model plays it as two ends (ISN 100 and 300); the kernel shows one row whose two ports are the same.",
  build() {
    let port: number | undefined;
    let socket: net.Socket | undefined;
    let echoed = "";
    return [
      {
        title: "Pick a free port",
        code: 'listen(0, "127.0.0.1") to learn a free port P, then close that listener',
        async run(ctx) {
          const { server, port: p } = await ctx.net.listen();
          await ctx.net.closeServer(server);
          port = p;
          ctx.watch(p);
          ctx.conn.serverPort = p;
          ctx.conn.clientPort = p;
          ctx.conn.serverEnd = "connection";
        },
        model: [],
        expect: { client: "CLOSED", server: "CLOSED" },
        look: "Nothing on port P: no listener, no connection. Both ends of the model are CLOSED too.",
      },
      {
        title: "A socket bound to port P connects to port P",
        code: 'net.connect({ host: "127.0.0.1", port: P, localAddress: "127.0.0.1", localPort: P })',
        async run(ctx) {
          try {
            socket = await ctx.net.connect(need(port, "the port"), { localPort: port });
            ctx.outcomes.push(`connected: local port ${socket.localPort}, remote port ${socket.remotePort}`);
          } catch (error) {
            ctx.outcomes.push(`connect failed: ${errorCode(error)} (another program may have taken port ${port}; run it again)`);
          }
        },
        model: [activeOpen("client"), activeOpen("server"), settle],
        expect: { client: "ESTABLISHED", server: "ESTABLISHED" },
        look:
          "One ESTAB row, 127.0.0.1:P to 127.0.0.1:P, shown as both ends: the kernel's single socket. No " +
          "LISTEN row ever existed. The model's trace is the textbook simultaneous open: both ends go " +
          "SYN-SENT, each gets a bare SYN and goes SYN-RECEIVED (not back to LISTEN: it came from an " +
          "active OPEN), each answers SYN,ACK, and each SYN,ACK makes its receiver ESTABLISHED.",
      },
      {
        title: "It talks to itself",
        code: 'socket.write("hello, me")',
        async run(ctx) {
          const s = need(socket, "the socket");
          s.on("data", (chunk: Buffer) => (echoed += chunk.toString()));
          s.write("hello, me");
          await waitUntil(ctx, () => echoed.length >= 9);
          ctx.outcomes.push(`it read back: "${echoed}"`);
        },
        model: [],
        expect: { client: "ESTABLISHED", server: "ESTABLISHED" },
        look:
          "What it sends, it receives: both directions of the connection belong to the same socket. " +
          "(A program that connects to a port nobody listens on can meet this by accident, when the " +
          "kernel happens to pick that same port as the local one.)",
      },
    ];
  },
};
