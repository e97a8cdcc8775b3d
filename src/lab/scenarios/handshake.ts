import type { Scenario } from "../scenario.ts";
import { connectStep, listenStep, need, waitUntil, type Conn } from "./common.ts";

export const handshake: Scenario = {
  name: "handshake",
  title: "the three-way handshake",
  summary: "listen, connect, accept: LISTEN, then ESTABLISHED at both ends",
  lessons: ["03-handshake"],
  about:
    "A server listens, a client connects, and one byte string goes across. Watch the listener's row " +
    "(LISTEN, with its accept queue and backlog in Recv-Q and Send-Q), then the two rows of the new " +
    "connection: one per end, the same two ports in opposite order. The model column replays the " +
    "handshake with your nextState, segment by segment, with real sequence numbers (ISN 100 and 300). " +
    "On loopback the kernels finish the handshake in microseconds, so you see its result, not its " +
    "middle: `npm run lab -- syn-backlog` freezes a client in SYN-SENT.",
  build() {
    const conn: Conn = {};
    let received = 0;
    return [
      listenStep(conn, false),
      connectStep(
        conn,
        false,
        "Two new rows, one per end, ports swapped, both ESTAB (Linux's word for ESTABLISHED). The model's " +
          "trace shows the three segments: SYN seq=100, SYN,ACK seq=300 ack=101, ACK seq=101 ack=301. The " +
          "client is ESTABLISHED when the SYN,ACK arrives; the server one segment later, with the ACK. " +
          "The listener stays in LISTEN, ready for the next client.",
      ),
      {
        title: "The client sends 5 bytes; the server reads them",
        code: 'client.write("hello")',
        async run(ctx) {
          const serverSocket = need(conn.serverSocket, "the server's socket");
          serverSocket.on("data", (chunk: Buffer) => (received += chunk.length));
          need(conn.client, "the client").write("hello");
          await waitUntil(ctx, () => received >= 5);
          ctx.outcomes.push(`the server read ${received} bytes`);
        },
        model: [],
        expect: { client: "ESTABLISHED", server: "ESTABLISHED" },
        look:
          "Data does not change a state. The first data byte has sequence number 101 in the model: the SYN " +
          "used up 100. Recv-Q and Send-Q are back to 0: the bytes were read and acknowledged.",
      },
    ];
  },
};
