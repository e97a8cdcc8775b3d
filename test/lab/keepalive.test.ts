import { describe, expect, it } from "vitest";
import { expectAllStepsAsExpected, onLinux, runForReal, socketsLeftOpen, step } from "./helpers.ts";

describe.skipIf(!onLinux)("keepalive on Linux loopback", () => {
  it("shows a keepalive timer on the client only, and probes go out", async () => {
    const result = await runForReal("keepalive");
    expectAllStepsAsExpected(result);
    expect(step(result, "The client connects").observed.client.socket?.timer).toBeUndefined(); // off by default
    const on = step(result, "The client turns keepalive on");
    expect(on.observed.client.socket?.timer?.name).toBe("keepalive");
    expect(on.observed.client.socket?.timer?.ms).toBeLessThanOrEqual(1000);
    expect(on.observed.server.socket?.timer).toBeUndefined();
    const idle = step(result, "Stay silent");
    expect(idle.observed.client.socket?.timer).toMatchObject({ name: "keepalive", count: 0 });
    const probes = Number(/meanwhile: (\d+)/.exec(idle.outcomes.join())?.[1]);
    expect(probes).toBeGreaterThanOrEqual(1);
    expect(await socketsLeftOpen(result.ports)).toEqual([]);
  }, 15_000);
});
