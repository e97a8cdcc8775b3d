import { describe, expect, it } from "vitest";
import { rfcStateOf } from "../../src/lab/kernel-names.ts";
import { parseProcNetstat } from "../../src/lab/linux-counters.ts";
import { parseNetstatOutput } from "../../src/lab/netstat-parse.ts";
import { parseSsDuration, parseSsLine, parseSsOutput, parseSsTimer, ssPortFilter } from "../../src/lab/ss-parse.ts";

// Captured from `ss -tanoH '( sport = :P or dport = :P )'` (iproute2-6.1.0, Linux 6.18) during the lab's runs.
const CAPTURED = `LISTEN     0      511    127.0.0.1:45417   0.0.0.0:*    
FIN-WAIT-2 0      0      127.0.0.1:50280 127.0.0.1:45417 timer:(timewait,59sec,0)
CLOSE-WAIT 0      0      127.0.0.1:45417 127.0.0.1:50280
LAST-ACK   114689 16385  127.0.0.1:38827 127.0.0.1:38366 timer:(persist,048ms,0)
SYN-SENT 0      1      127.0.0.1:50388 127.0.0.1:38883 timer:(on,704ms,1)
ESTAB  0      0      127.0.0.1:56032 127.0.0.1:40011 timer:(keepalive,,0)
TIME-WAIT 0      0      127.0.0.1:60994 127.0.0.1:34161 timer:(timewait,1min,0)
CLOSING    0      65537  127.0.0.1:45670 127.0.0.1:33323 timer:(persist,104ms,0)
`;

describe("ss timer durations", () => {
  it("reads 'N.NNNms' as seconds: ss 6.1 prints 2 216 ms as 2.216ms", () => {
    expect(parseSsDuration("2.216ms")).toBe(2216);
    expect(parseSsDuration("1.005ms")).toBe(1005);
    expect(parseSsDuration("9.999ms")).toBe(9999);
  });
  it("reads ss's other forms", () => {
    expect(parseSsDuration("59sec")).toBe(59_000);
    expect(parseSsDuration("048ms")).toBe(48);
    expect(parseSsDuration("204ms")).toBe(204);
    expect(parseSsDuration("1min")).toBe(60_000);
    expect(parseSsDuration("1min15sec")).toBe(75_000);
    expect(parseSsDuration("10min")).toBe(600_000);
    expect(parseSsDuration("")).toBe(0); // ss prints nothing for 0 ms
  });
  it("tolerates correct decimal units and rejects junk", () => {
    expect(parseSsDuration("2.5s")).toBe(2500);
    expect(parseSsDuration("2.")).toBeUndefined();
    expect(parseSsDuration("soon")).toBeUndefined();
  });
  it("parses the timer field", () => {
    expect(parseSsTimer("ESTAB 0 0 a:1 b:2 timer:(keepalive,2.216ms,0)")).toEqual({
      name: "keepalive",
      ms: 2216,
      count: 0,
      raw: "(keepalive,2.216ms,0)",
    });
    expect(parseSsTimer("ESTAB 0 0 a:1 b:2 timer:(on,704ms,3)")).toMatchObject({ name: "on", ms: 704, count: 3 });
    expect(parseSsTimer("ESTAB 0 0 a:1 b:2")).toBeUndefined();
  });
});

describe("ss lines", () => {
  const sockets = parseSsOutput(CAPTURED);

  it("parses every captured line", () => {
    expect(sockets.map((s) => s.kernelState)).toEqual([
      "LISTEN", "FIN-WAIT-2", "CLOSE-WAIT", "LAST-ACK", "SYN-SENT", "ESTAB", "TIME-WAIT", "CLOSING",
    ]);
  });
  it("maps states to RFC 9293 names", () => {
    expect(sockets.map((s) => s.state)).toEqual([
      "LISTEN", "FIN-WAIT-2", "CLOSE-WAIT", "LAST-ACK", "SYN-SENT", "ESTABLISHED", "TIME-WAIT", "CLOSING",
    ]);
  });
  it("reads queues, endpoints and timers", () => {
    expect(sockets[0]).toMatchObject({ recvQ: 0, sendQ: 511, local: { address: "127.0.0.1", port: 45417 }, peer: { address: "0.0.0.0", port: 0 } });
    expect(sockets[0]!.timer).toBeUndefined();
    expect(sockets[1]).toMatchObject({ local: { port: 50280 }, peer: { port: 45417 }, timer: { name: "timewait", ms: 59_000 } });
    expect(sockets[3]).toMatchObject({ recvQ: 114689, sendQ: 16385, timer: { name: "persist", ms: 48 } });
    expect(sockets[4]!.timer).toMatchObject({ name: "on", count: 1 });
    expect(sockets[5]!.timer).toMatchObject({ name: "keepalive", ms: 0 });
    expect(sockets[6]!.timer).toMatchObject({ ms: 60_000 });
  });
  it("handles a header, IPv6, interface suffixes and a Netid column", () => {
    expect(parseSsLine("State Recv-Q Send-Q Local Address:Port Peer Address:Port Process")).toBeUndefined();
    expect(parseSsLine("ESTAB 0 0 [::1]:8080 [::ffff:127.0.0.1]:5000")).toMatchObject({
      local: { address: "::1", port: 8080 },
      peer: { address: "::ffff:127.0.0.1", port: 5000 },
    });
    expect(parseSsLine("LISTEN 0 128 127.0.0.1%lo:53 0.0.0.0:*")).toMatchObject({ local: { address: "127.0.0.1", port: 53 } });
    expect(parseSsLine("tcp SYN-RECV 0 0 127.0.0.1:80 127.0.0.1:5000")).toMatchObject({ state: "SYN-RECEIVED" });
    expect(parseSsOutput("\n\n")).toEqual([]);
  });
  it("builds ss's port filter", () => {
    expect(ssPortFilter([80, 443])).toBe("( sport = :80 or dport = :80 or sport = :443 or dport = :443 )");
  });
});

describe("kernel spellings", () => {
  it("maps Linux, /proc and BSD spellings to RFC names", () => {
    expect(rfcStateOf("SYN-RECV")).toBe("SYN-RECEIVED");
    expect(rfcStateOf("ESTAB")).toBe("ESTABLISHED");
    expect(rfcStateOf("SYN_RCVD")).toBe("SYN-RECEIVED");
    expect(rfcStateOf("FIN_WAIT_1")).toBe("FIN-WAIT-1");
    expect(rfcStateOf("time_wait")).toBe("TIME-WAIT");
    expect(rfcStateOf("UNCONN")).toBe("CLOSED");
    expect(rfcStateOf("SYN_SEND")).toBeUndefined(); // the article's spelling exists nowhere
  });
});

describe("macOS netstat", () => {
  // Written in the format of macOS `netstat -an -p tcp` (not captured on a Mac).
  const OUTPUT = `Active Internet connections (including servers)
Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)
tcp4       0      0  127.0.0.1.52000        127.0.0.1.8080         FIN_WAIT_2
tcp4       0      0  127.0.0.1.8080         127.0.0.1.52000        CLOSE_WAIT
tcp4       0      0  127.0.0.1.8080         *.*                    LISTEN
tcp4       0      0  127.0.0.1.9999         *.*                    LISTEN
tcp46      0      0  *.443                  *.*                    LISTEN
`;
  it("keeps the sockets on the wanted ports, with RFC names", () => {
    const sockets = parseNetstatOutput(OUTPUT, [8080]);
    expect(sockets.map((s) => [s.state, s.local.port, s.peer.port])).toEqual([
      ["FIN-WAIT-2", 52000, 8080],
      ["CLOSE-WAIT", 8080, 52000],
      ["LISTEN", 8080, 0],
    ]);
    expect(parseNetstatOutput(OUTPUT, [443])[0]).toMatchObject({ local: { address: "*", port: 443 } });
  });
});

describe("/proc/net/netstat", () => {
  it("reads TcpExt counters", () => {
    const text = "TcpExt: SyncookiesSent TCPKeepAlive\nTcpExt: 3 42\nIpExt: InNoRoutes\nIpExt: 0\n";
    const counters = parseProcNetstat(text);
    expect(counters.get("TcpExt.TCPKeepAlive")).toBe(42);
    expect(counters.get("IpExt.InNoRoutes")).toBe(0);
  });

  it("reads /proc/net/snmp's Tcp counters the same way, IcmpMsg's short block included", () => {
    const text = "Ip: Forwarding\nIp: 2\nIcmpMsg: InType3\nIcmpMsg: 1\nTcp: RtoAlgorithm OutRsts InCsumErrors\nTcp: 1 17 0\n";
    const counters = parseProcNetstat(text);
    expect(counters.get("Tcp.OutRsts")).toBe(17);
    expect(counters.get("IcmpMsg.InType3")).toBe(1);
  });
});
