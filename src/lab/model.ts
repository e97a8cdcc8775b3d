/**
 * The RFC side of the lab: two TCBs, a client and a server, driven through a
 * scenario's steps by a `nextState` function that is passed in (the learner's
 * or the reference's), exchanging the segments it returns over an in-memory
 * network. Pure: no sockets, no clock.
 *
 * The model is connection management only, like the exercises: data segments
 * are not modelled (data never changes a state), and a segment is delivered only
 * when a step says so, so a step can hold a FIN back the way a full receive
 * window holds it back on a real machine.
 */
import { closedTcb, eventText, segmentText } from "../../lib/tcp.ts";
import type { End, Segment, State, Tcb, TcpEvent, Transition } from "../../lib/tcp.ts";

export type NextState = (tcb: Tcb, event: TcpEvent) => Transition;

export const ENDS: readonly End[] = ["client", "server"];

export function otherEnd(end: End): End {
  return end === "client" ? "server" : "client";
}

/** What a step does to the model. */
export type ModelOp =
  /** An application call or timer at one end: OPEN, CLOSE, ABORT, 2MSL timeout. */
  | { readonly op: "call"; readonly end: End; readonly event: TcpEvent }
  /**
   * The segments now in flight from `from` arrive at the other end, oldest first.
   * `only: "no-fin"` lets everything but FIN segments through (a FIN stuck behind
   * unsent data), `only: "fin"` only those. Replies stay in flight.
   */
  | { readonly op: "deliver"; readonly from: End; readonly only?: "fin" | "no-fin" }
  /** The segments in flight from `from` are lost (dropped by the receiving kernel). */
  | { readonly op: "drop"; readonly from: End }
  /** `from`'s retransmission timer fires: the segments it lost are sent again (still in flight). */
  | { readonly op: "retransmit"; readonly from: End }
  /** Deliver everything, replies included, until nothing is in flight. */
  | { readonly op: "settle" };

export type TraceEntry =
  | {
      readonly kind: "call";
      readonly end: End;
      readonly event: TcpEvent;
      readonly before: State;
      readonly after: State;
      readonly sent: readonly Segment[];
    }
  | {
      readonly kind: "deliver";
      readonly from: End;
      readonly to: End;
      readonly segment: Segment;
      readonly before: State;
      readonly after: State;
      readonly sent: readonly Segment[];
    }
  | { readonly kind: "drop"; readonly from: End; readonly segment: Segment }
  | { readonly kind: "retransmit"; readonly from: End; readonly segment: Segment };

/** The two ends after a step, and what the model did in it. */
export interface Prediction {
  readonly client: State;
  readonly server: State;
  readonly trace: readonly TraceEntry[];
  /** Segments still travelling after the step (held back on purpose). */
  readonly inFlight: readonly { readonly from: End; readonly segment: Segment }[];
}

/** Upper bound on deliveries in one op: a wrong nextState could ping-pong forever. */
export const MAX_DELIVERIES_PER_OP = 64;

export class PairModel {
  private readonly tcbs: Record<End, Tcb>;
  private readonly flight: Record<End, Segment[]> = { client: [], server: [] };
  /** Segments dropped on the way, which a retransmission sends again. */
  private readonly lost: Record<End, Segment[]> = { client: [], server: [] };

  constructor(
    private readonly nextState: NextState,
    iss: { readonly client: number; readonly server: number } = DEFAULT_ISS,
  ) {
    this.tcbs = { client: closedTcb(iss.client), server: closedTcb(iss.server) };
  }

  state(end: End): State {
    return this.tcbs[end].state;
  }

  tcb(end: End): Tcb {
    return this.tcbs[end];
  }

  /** Applies the ops in order; throws whatever nextState throws. */
  apply(ops: readonly ModelOp[]): TraceEntry[] {
    const trace: TraceEntry[] = [];
    for (const op of ops) {
      switch (op.op) {
        case "call":
          trace.push(this.call(op.end, op.event));
          break;
        case "deliver":
          trace.push(...this.deliver(op.from, op.only));
          break;
        case "drop":
          for (const segment of this.flight[op.from].splice(0)) {
            this.lost[op.from].push(segment);
            trace.push({ kind: "drop", from: op.from, segment });
          }
          break;
        case "retransmit":
          for (const segment of this.lost[op.from].splice(0)) {
            this.flight[op.from].push(segment);
            trace.push({ kind: "retransmit", from: op.from, segment });
          }
          break;
        case "settle":
          trace.push(...this.settle());
          break;
      }
    }
    return trace;
  }

  inFlight(): { from: End; segment: Segment }[] {
    return ENDS.flatMap((from) => this.flight[from].map((segment) => ({ from, segment })));
  }

  private call(end: End, event: TcpEvent): TraceEntry {
    const before = this.tcbs[end].state;
    const t = this.step(end, event);
    return { kind: "call", end, event, before, after: t.tcb.state, sent: t.send };
  }

  private step(end: End, event: TcpEvent): Transition {
    const t = this.nextState(this.tcbs[end], event);
    if (!t || typeof t !== "object" || !t.tcb || !Array.isArray(t.send)) {
      throw new TypeError(`nextState returned ${JSON.stringify(t)} instead of { tcb, send }`);
    }
    this.tcbs[end] = t.tcb;
    this.flight[end].push(...t.send);
    return t;
  }

  private deliverOne(from: End, segment: Segment): TraceEntry {
    const to = otherEnd(from);
    const before = this.tcbs[to].state;
    const t = this.step(to, { kind: "segment", segment });
    return { kind: "deliver", from, to, segment, before, after: t.tcb.state, sent: t.send };
  }

  private deliver(from: End, only: "fin" | "no-fin" | undefined): TraceEntry[] {
    const queue = this.flight[from];
    const wanted = (s: Segment) => only === undefined || (only === "fin") === s.flags.FIN;
    const taken = queue.filter(wanted).slice(0, MAX_DELIVERIES_PER_OP);
    this.flight[from] = queue.filter((s) => !taken.includes(s));
    return taken.map((segment) => this.deliverOne(from, segment));
  }

  private settle(): TraceEntry[] {
    const trace: TraceEntry[] = [];
    for (let i = 0; i < MAX_DELIVERIES_PER_OP; i++) {
      const from = ENDS.find((end) => this.flight[end].length > 0);
      if (!from) return trace;
      trace.push(this.deliverOne(from, this.flight[from].shift()!));
    }
    throw new Error(`the two ends were still exchanging segments after ${MAX_DELIVERIES_PER_OP} deliveries`);
  }
}

/** The ISNs the lab's model uses (the numbers of tcp-facts §3's example). */
export const DEFAULT_ISS = { client: 100, server: 300 } as const;

/** Runs all steps' ops through one model; one prediction per step. Throws what nextState throws. */
export function predictSteps(
  nextState: NextState,
  steps: readonly (readonly ModelOp[])[],
  iss: { readonly client: number; readonly server: number } = DEFAULT_ISS,
): Prediction[] {
  const model = new PairModel(nextState, iss);
  return steps.map((ops) => {
    const trace = model.apply(ops);
    return { client: model.state("client"), server: model.state("server"), trace, inFlight: model.inFlight() };
  });
}

/** Flags in the order people write them: "SYN,ACK", "FIN,ACK" (the header order is ACK … SYN FIN). */
/** The lab writes segments and events as the lessons do. */
export { segmentText as formatSegment } from "../../lib/tcp.ts";

/** An event in the lab's trace: a segment is named by itself, without the word "segment". */
export function formatEvent(event: TcpEvent): string {
  return event.kind === "segment" ? segmentText(event.segment) : eventText(event);
}
