import { describe, expect, it } from "vitest";
import { NotImplementedError } from "../../lib/not-implemented.ts";
import { flags, type Tcb, type TcpEvent, type Transition } from "../../lib/tcp.ts";
import { formatSegment, MAX_DELIVERIES_PER_OP, PairModel, predictSteps, type ModelOp } from "../../src/lab/model.ts";
import { choosePredictions, learnerSourcesFor, type ModuleSource } from "../../src/lab/predictor.ts";
import { SCENARIOS } from "../../src/lab/scenarios/index.ts";
import { nextState as referenceNextState } from "../../solutions/04-teardown.ts";
import { nextState } from "./stub-next-state.ts";

const open = (end: "client" | "server", mode: "active" | "passive"): ModelOp => ({ op: "call", end, event: { kind: "open", mode } });
const close = (end: "client" | "server"): ModelOp => ({ op: "call", end, event: { kind: "close" } });

describe("the RFC model, driven by an injected nextState", () => {
  it("opens with three segments and the tcp-facts numbers", () => {
    const model = new PairModel(nextState);
    model.apply([open("server", "passive")]);
    const trace = model.apply([open("client", "active"), { op: "settle" }]);
    const segments = trace.filter((t) => t.kind === "deliver").map((t) => (t.kind === "deliver" ? formatSegment(t.segment) : ""));
    expect(segments).toEqual(["SYN seq=100", "SYN,ACK seq=300 ack=101", "ACK seq=101 ack=301"]);
    expect([model.state("client"), model.state("server")]).toEqual(["ESTABLISHED", "ESTABLISHED"]);
  });

  it("holds a FIN back and lets the ACK behind it through, with a receive window (the stub has one)", () => {
    const [, , both, clientReads, serverReads] = predictSteps(nextState, [
      [open("server", "passive")],
      [open("client", "active"), { op: "settle" }],
      [close("client"), close("server")],
      [{ op: "deliver", from: "server" }, { op: "deliver", from: "client", only: "no-fin" }],
      [{ op: "settle" }],
    ]);
    expect([both!.client, both!.server]).toEqual(["FIN-WAIT-1", "FIN-WAIT-1"]);
    expect(both!.inFlight).toHaveLength(2);
    expect([clientReads!.client, clientReads!.server]).toEqual(["CLOSING", "FIN-WAIT-2"]);
    expect(clientReads!.inFlight.map((f) => f.segment.flags.FIN)).toEqual([true]);
    expect([serverReads!.client, serverReads!.server]).toEqual(["TIME-WAIT", "TIME-WAIT"]);
  });

  it("drops and retransmits a SYN", () => {
    const [lost, again] = predictSteps(nextState, [
      [open("server", "passive"), open("client", "active"), { op: "drop", from: "client" }],
      [{ op: "retransmit", from: "client" }, { op: "settle" }],
    ]);
    expect([lost!.client, lost!.server]).toEqual(["SYN-SENT", "LISTEN"]);
    expect(lost!.trace.some((t) => t.kind === "drop")).toBe(true);
    expect([again!.client, again!.server]).toEqual(["ESTABLISHED", "ESTABLISHED"]);
  });

  it("stops two ends that would exchange segments forever", () => {
    const pingPong = (tcb: Tcb, event: TcpEvent): Transition => ({
      tcb: { ...tcb, state: "ESTABLISHED" },
      send: event.kind === "close" || event.kind === "segment" ? [{ seq: 0, ack: 0, flags: flags("ACK"), dataLength: 0 }] : [],
    });
    const model = new PairModel(pingPong);
    model.apply([close("client")]);
    expect(() => model.apply([{ op: "settle" }])).toThrow(`${MAX_DELIVERIES_PER_OP} deliveries`);
  });

  it("rejects a nextState that returns something else than a transition", () => {
    const model = new PairModel((() => undefined) as unknown as typeof nextState);
    expect(() => model.apply([open("client", "active")])).toThrow(TypeError);
  });

  // Where a step's model and Linux differ, the step must say why (differs); everywhere else they agree.
  // Checked with this file's stub and with the project's reference solution.
  for (const [label, predict] of [
    ["the stub", nextState],
    ["the reference solution", referenceNextState],
  ] as const) {
    it(`every scenario's model, run with ${label}, agrees with Linux's expected states or explains why not`, () => {
      for (const scenario of SCENARIOS) {
        const steps = scenario.build();
        const predictions = predictSteps(predict, steps.map((s) => s.model));
        steps.forEach((step, i) => {
          for (const end of ["client", "server"] as const) {
            const want = step.expect?.[end];
            const got = predictions[i]![end];
            const where = `${scenario.name} / ${step.title} / ${end}`;
            if (step.differs?.[end] !== undefined) expect(`${where}: ${got}`).not.toBe(`${where}: ${want}`);
            else if (want) expect(`${where}: ${got}`).toBe(`${where}: ${want}`);
          }
        });
        // Whatever happens on the way, the model ends where Linux ends.
        const last = steps.length - 1;
        for (const end of ["client", "server"] as const) {
          const want = steps[last]!.expect?.[end];
          if (want) expect(`${scenario.name} ends: ${end} ${predictions[last]![end]}`).toBe(`${scenario.name} ends: ${end} ${want}`);
        }
      }
    });
  }
});

describe("choosing the predictions", () => {
  const ops: ModelOp[][] = [[open("server", "passive")], [open("client", "active"), { op: "settle" }]];
  const stub: ModuleSource = { label: "stub.ts", load: async () => ({ nextState }) };
  const notStarted: ModuleSource = {
    label: "exercises/04-teardown.ts",
    load: async () => ({
      nextState: () => {
        throw new NotImplementedError("nextState");
      },
    }),
  };

  it("uses the learner's nextState when it works, and keeps the reference's for comparison", async () => {
    const set = await choosePredictions(ops, { learner: stub, reference: stub });
    expect(set.source).toBe("learner");
    expect(set.summary).toContain("your nextState");
    expect(set.steps?.[1]?.client).toBe("ESTABLISHED");
    expect(set.reference).toBeDefined();
  });

  it("falls back to the reference when the learner's is not implemented, and says so", async () => {
    const set = await choosePredictions(ops, { learner: notStarted, reference: stub });
    expect(set.source).toBe("reference");
    expect(set.summary).toContain("is not implemented yet");
    expect(set.steps?.[0]?.server).toBe("LISTEN");
  });

  it("uses the learner's lesson-03 nextState for an opening scenario while lesson 04 is a stub, and says whose code it is", async () => {
    const lesson03: ModuleSource = { label: "exercises/03-handshake.ts", load: async () => ({ nextState }) };
    const set = await choosePredictions(ops, { learner: [notStarted, lesson03], reference: stub });
    expect(set.source).toBe("learner");
    expect(set.summary).toBe("Predictions: your nextState (exercises/03-handshake.ts; your exercises/04-teardown.ts is not implemented yet).");
    expect(learnerSourcesFor("handshake", ["handshake", "syn-backlog"]).map((s) => s.label)).toEqual(["exercises/04-teardown.ts", "exercises/03-handshake.ts"]);
    expect(learnerSourcesFor("teardown", ["handshake", "syn-backlog"]).map((s) => s.label)).toEqual(["exercises/04-teardown.ts"]);
  });

  it("falls back on any throw, a missing export or a missing module", async () => {
    const broken: ModuleSource = { label: "x.ts", load: async () => ({ nextState: () => { throw new RangeError("oops"); } }) };
    const noExport: ModuleSource = { label: "y.ts", load: async () => ({}) };
    const missing: ModuleSource = { label: "z.ts", load: () => import(new URL("./no-such-module.ts", import.meta.url).href) };
    expect((await choosePredictions(ops, { learner: broken, reference: stub })).summary).toContain("threw RangeError: oops");
    expect((await choosePredictions(ops, { learner: noExport, reference: stub })).summary).toContain("does not export a nextState");
    expect((await choosePredictions(ops, { learner: missing, reference: stub })).summary).toContain("does not exist yet");
  });

  it("stops a learner's nextState that never returns, and falls back to the reference", async () => {
    const url = new URL("./fixtures/endless-next-state.ts", import.meta.url).href;
    const endless: ModuleSource = { label: "endless.ts", load: () => import(url), isolatedUrl: url };
    const set = await choosePredictions(ops, { learner: endless, reference: stub });
    expect(set.source).toBe("reference");
    expect(set.summary).toContain("did not finish within");
  }, 20_000);

  it("shows the kernel alone when neither module can predict", async () => {
    const set = await choosePredictions(ops, { learner: notStarted, reference: notStarted });
    expect(set.source).toBe("none");
    expect(set.steps).toBeUndefined();
  });

  it("loads the project's own modules without throwing, whatever state they are in", async () => {
    const set = await choosePredictions(ops);
    expect(["learner", "reference", "none"]).toContain(set.source);
  });
});
