/** Runs the handshake and accept-queue scenarios for real on this Linux machine. */
import { describe, expect, it } from "vitest";
import { expectAllStepsAsExpected, onLinux, runForReal, socketsLeftOpen, step } from "./helpers.ts";

describe.skipIf(!onLinux)("opening scenarios on Linux loopback", () => {
  it("handshake: LISTEN, then ESTABLISHED at both ends", async () => {
    const result = await runForReal("handshake");
    expectAllStepsAsExpected(result);
    const listen = step(result, "The server listens");
    expect(listen.observed.server.socket?.sendQ).toBe(511); // Node's default backlog
    expect(await socketsLeftOpen(result.ports)).toEqual([]);
  }, 15_000);

  it("syn-backlog: a full accept queue leaves clients in SYN-SENT, retransmitting", async () => {
    const result = await runForReal("syn-backlog");
    expectAllStepsAsExpected(result);
    const stuck = step(result, "5 clients connect");
    expect(stuck.observed.client.state).toBe("SYN-SENT");
    expect(stuck.observed.client.socket?.sendQ).toBe(1); // the SYN
    const listener = stuck.rows.find((r) => r.state === "LISTEN");
    expect(listener?.recvQ).toBe(3); // backlog 2 + 1
    expect(stuck.rows.filter((r) => r.state === "SYN-SENT")).toHaveLength(2);
    const later = step(result, "Wait");
    expect(later.observed.client.socket?.timer?.name).toBe("on");
    expect(later.observed.client.socket?.timer?.count).toBeGreaterThanOrEqual(1);
    expect(await socketsLeftOpen(result.ports)).toEqual([]);
  }, 15_000);

  it("simultaneous-open: a socket connected to its own port is ESTABLISHED with itself", async () => {
    const result = await runForReal("simultaneous-open");
    expectAllStepsAsExpected(result);
    const open = step(result, "A socket bound to port P");
    expect(open.observed.client.socket?.local.port).toBe(open.observed.client.socket?.peer.port);
    expect(open.prediction?.trace.some((t) => t.kind === "deliver" && t.after === "SYN-RECEIVED")).toBe(true);
    expect(step(result, "It talks to itself").outcomes.join()).toContain("hello, me");
    expect(await socketsLeftOpen(result.ports)).toEqual([]);
  }, 15_000);
});
