/** Runs the closing scenarios for real on this Linux machine and checks what the kernel showed. */
import { describe, expect, it } from "vitest";
import { expectAllStepsAsExpected, onLinux, runForReal, socketsLeftOpen, step } from "./helpers.ts";

describe.skipIf(!onLinux)("closing scenarios on Linux loopback", () => {
  it("teardown: FIN-WAIT-2 + CLOSE-WAIT after the client closes, then TIME-WAIT on the client", async () => {
    const result = await runForReal("teardown");
    expectAllStepsAsExpected(result);
    const closes = step(result, "The client closes");
    expect(closes.observed.client.state).toBe("FIN-WAIT-2");
    expect(closes.observed.server.state).toBe("CLOSE-WAIT");
    // The client's program let go of its socket: an orphaned FIN-WAIT-2 has tcp_fin_timeout's timer.
    expect(closes.observed.client.socket?.timer?.name).toBe("timewait");
    const last = step(result, "The server closes");
    expect(last.observed.client.state).toBe("TIME-WAIT");
    expect(last.observed.server.state).toBe("CLOSED");
    const timer = last.observed.client.socket?.timer;
    expect(timer?.name).toBe("timewait");
    expect(timer?.ms).toBeGreaterThan(50_000); // Linux's fixed 60 s, just started
    expect(timer?.ms).toBeLessThanOrEqual(60_000);
    expect(await socketsLeftOpen(result.ports)).toEqual([]);
  }, 15_000);

  it("half-close: data flows to the client after its end(); LAST-ACK with the FIN behind data", async () => {
    const result = await runForReal("half-close");
    expectAllStepsAsExpected(result);
    const shut = step(result, "The client shuts down");
    expect(shut.observed.client.socket?.timer).toBeUndefined(); // not orphaned: no fin_timeout timer
    expect(step(result, "Data still flows").outcomes.join()).toContain("received 3072 bytes");
    const lastAck = step(result, "The client stops reading");
    expect(lastAck.observed.server.state).toBe("LAST-ACK");
    expect(lastAck.observed.server.socket!.sendQ).toBeGreaterThan(1); // data + 1 for the FIN
    expect(step(result, "The client reads again").observed.client.state).toBe("TIME-WAIT");
    expect(await socketsLeftOpen(result.ports)).toEqual([]);
  }, 15_000);

  it("write-after-close: data reaching a closed socket draws a RST, both ends vanish, the next write is EPIPE", async () => {
    const result = await runForReal("write-after-close");
    expectAllStepsAsExpected(result);
    const closes = step(result, "The client closes");
    expect([closes.observed.client.state, closes.observed.server.state]).toEqual(["FIN-WAIT-2", "CLOSE-WAIT"]);
    const write = step(result, "The server writes after");
    expect(write.outcomes.join()).toContain("write() → ok");
    expect(Number(/meanwhile: (\d+)/.exec(write.outcomes.join())?.[1])).toBeGreaterThanOrEqual(1);
    // Reset, not closed in order: no TIME-WAIT on either port, no LAST-ACK.
    expect(write.rows.filter((r) => r.state !== "LISTEN")).toEqual([]);
    // The model shows the RST, and its sequence number is the server's RCV.NXT.
    const rst = write.prediction?.trace.find((t) => t.kind === "deliver" && t.segment.flags.RST);
    expect(rst?.kind === "deliver" ? [rst.segment.seq, rst.before, rst.after] : undefined).toEqual([102, "CLOSE-WAIT", "CLOSED"]);
    const again = step(result, "The server writes again");
    expect(again.outcomes.join()).toContain("write() → EPIPE");
    expect(await socketsLeftOpen(result.ports)).toEqual([]);
  }, 15_000);

  it("server-closes-first: TIME-WAIT on the server's port, rebind works, EADDRINUSE without SO_REUSEADDR", async () => {
    const result = await runForReal("server-closes-first");
    expectAllStepsAsExpected(result);
    const tw = step(result, "The client closes");
    expect(tw.observed.server.state).toBe("TIME-WAIT");
    expect(tw.observed.server.socket?.local.port).toBe(result.ports[0]); // the listening port
    expect(step(result, "Restart").outcomes.join()).toContain("succeeded");
    expect(step(result, "A TIME-WAIT entry without SO_REUSEADDR").outcomes.join()).toContain("EADDRINUSE");
    expect(await socketsLeftOpen(result.ports)).toEqual([]);
  }, 15_000);

  it("simultaneous-close: both FIN-WAIT-1, then CLOSING, then both TIME-WAIT", async () => {
    const result = await runForReal("simultaneous-close");
    expectAllStepsAsExpected(result);
    const both = step(result, "Both close at once");
    expect([both.observed.client.state, both.observed.server.state]).toEqual(["FIN-WAIT-1", "FIN-WAIT-1"]);
    expect(step(result, "The client reads").observed.client.state).toBe("CLOSING");
    const end = step(result, "The server reads");
    expect([end.observed.client.state, end.observed.server.state]).toEqual(["TIME-WAIT", "TIME-WAIT"]);
    expect(await socketsLeftOpen(result.ports)).toEqual([]);
  }, 15_000);
});
