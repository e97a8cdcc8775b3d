import type { Scenario } from "../scenario.ts";
import { clientCloseStep, closeCall, connectStep, listenStep, need, settle, type Conn } from "./common.ts";

export const teardown: Scenario = {
  name: "teardown",
  title: "the client closes first",
  summary: "FIN-WAIT-2 and CLOSE-WAIT, then TIME-WAIT on the client (60 s on Linux)",
  lessons: ["04-teardown", "05-time-wait"],
  about:
    "The four-way close, one side at a time. The client closes its socket: it goes to FIN-WAIT-2 and " +
    "the server to CLOSE-WAIT, where it stays until its program closes too. Then the server closes, and " +
    "the client, which closed first, ends in TIME-WAIT with a 60-second timer (RFC 9293 asks for " +
    "2 × MSL = 4 minutes; Linux uses a fixed 60 s). Both ends use allowHalfOpen: true. With Node's " +
    "default (false), the server's socket closes by itself the moment it reads the FIN, so CLOSE-WAIT " +
    "and FIN-WAIT-2 flash by and the client is in TIME-WAIT at once.",
  build() {
    const conn: Conn = {};
    return [
      listenStep(conn, true),
      connectStep(conn, true),
      clientCloseStep(
        conn,
        "the program lets go of the socket",
        "Client FIN-WAIT-2: its FIN is acknowledged and it waits for the server's. Server CLOSE-WAIT: the " +
        "kernel has told the program ('end' event in Node) and now waits for the program to close. A " +
        "program that never does leaves CLOSE-WAIT forever, so a pile of CLOSE-WAIT is an application " +
        "bug. The client's program has let go of its socket, so Linux puts a timer on this orphaned " +
        "FIN-WAIT-2 (tcp_fin_timeout): the RFC has no such timer.",
      ),
      {
        title: "The server closes too",
        code: "serverSocket.end()",
        async run() {
          need(conn.serverSocket, "the server's socket").end();
        },
        model: [closeCall("server"), settle],
        expect: { client: "TIME-WAIT", server: "CLOSED" },
        look:
          "The server sent its FIN (LAST-ACK) and got the last ACK: its socket is gone. The client, the end " +
          "that closed first, is in TIME-WAIT: its timer shows the time left of Linux's fixed 60 s. It stays " +
          "after this lab ends; run the ss command below again to watch it count down.",
      },
    ];
  },
};
