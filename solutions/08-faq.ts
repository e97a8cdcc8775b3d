/**
 * Lesson 08, reference solution: two endpoints and a network that misbehaves.
 *
 * The FAQ questions ("why three segments to open?", "why four to close?", "why
 * wait in TIME-WAIT?") are all questions about what happens when segments are
 * lost, copied or held up. So instead of arguing, we run it: two TCBs driven by
 * the same nextState you wrote in lessons 03 and 04, and a network that does
 * exactly what a script tells it to.
 *
 * The model, one step at a time:
 * - The network is one queue of segments in flight, oldest first. Network
 *   actions (deliver, drop, duplicate, delay) act on its head.
 * - Whatever an end sends goes to the back of the queue, addressed to the other end.
 * - Each script action is exactly one step, even when it finds nothing to do.
 *   When the script runs out, the network delivers what is left, one segment per
 *   step, until it is empty.
 * - Never more than the step bound: two confused ends can answer each other's
 *   ACKs for ever, and a simulator must still stop.
 */
import {
  closedTcb,
  flags,
  SIM_DEFAULT_MAX_STEPS,
  type End,
  type InFlight,
  type Scenario,
  type Segment,
  type SimAction,
  type SimResult,
  type SimStep,
  type State,
  type Tcb,
  type TcpEvent,
  type Transition,
} from "../lib/tcp.ts";
import { nextState } from "./04-teardown.ts";

/** How one end reacts to an event: TCP's nextState, or the two-way thought experiment. */
type Machine = (tcb: Tcb, event: TcpEvent) => Transition;

/** One endpoint as the simulator sees it. */
interface Endpoint {
  readonly tcb: Tcb;
  /**
   * The last segment this end sent that carried SYN or FIN: what its
   * retransmission timer would send again. (No data flows in this model, so
   * SYN and FIN are the only things that can be waiting for an acknowledgment.)
   */
  readonly lastSynOrFin: Segment | null;
}

/** Everything that changes from step to step. */
interface World {
  readonly client: Endpoint;
  readonly server: Endpoint;
  readonly network: readonly InFlight[];
}

/** What happened to one end in one step. */
interface Happened {
  readonly world: World;
  readonly end: End | null;
  readonly segment: Segment | null;
  readonly sent: readonly Segment[];
}

/** The states in which a SYN or FIN of ours is, by definition, not yet acknowledged. */
const WAITING_FOR_ACK: readonly State[] = ["SYN-SENT", "SYN-RECEIVED", "FIN-WAIT-1", "CLOSING", "LAST-ACK"];

export function simulate(scenario: Scenario): SimResult {
  const machine = scenario.handshake === "two-way" ? twoWay(nextState) : nextState;
  const limit = scenario.maxSteps ?? SIM_DEFAULT_MAX_STEPS;
  const drain: SimAction = { kind: "deliver" };

  let world: World = {
    client: { tcb: closedTcb(scenario.clientIss), lastSynOrFin: null },
    server: { tcb: closedTcb(scenario.serverIss), lastSynOrFin: null },
    network: [],
  };
  const trace: SimStep[] = [];
  let scripted = 0;

  while (trace.length < limit) {
    let action: SimAction;
    if (scripted < scenario.script.length) action = scenario.script[scripted++]!;
    else if (world.network.length > 0) action = drain;
    else break; // script done, network empty: nothing can happen any more

    const happened = perform(machine, world, action);
    world = happened.world;
    trace.push({
      action: action.kind,
      end: happened.end,
      segment: happened.segment,
      sent: happened.sent,
      client: world.client.tcb.state,
      server: world.server.tcb.state,
    });
  }

  const settled = scripted === scenario.script.length && world.network.length === 0;
  return {
    trace,
    client: world.client.tcb,
    server: world.server.tcb,
    inFlight: world.network,
    stopped: settled ? "settled" : "step-limit",
  };
}

/** Carries out one script action. */
function perform(machine: Machine, world: World, action: SimAction): Happened {
  switch (action.kind) {
    case "open":
      return feed(machine, world, action.end, { kind: "open", mode: action.mode }, null);
    case "close":
      return feed(machine, world, action.end, { kind: "close" }, null);
    case "abort":
      return feed(machine, world, action.end, { kind: "abort" }, null);
    case "time-wait-timeout":
      return feed(machine, world, action.end, { kind: "time-wait-timeout" }, null);
    case "retransmit":
      return retransmit(world, action.end);
    case "old-syn": {
      // A SYN from an earlier incarnation of this connection, still wandering
      // the network. It arrives now, from the other end's address.
      const stale: Segment = { seq: action.seq, ack: 0, flags: flags("SYN"), dataLength: 0 };
      return feed(machine, world, action.to, { kind: "segment", segment: stale }, stale);
    }
    case "deliver":
      return deliver(machine, world, action.thenClose === true);
    case "drop":
    case "duplicate":
    case "delay":
      return touchHead(world, action.kind);
  }
}

/** The head segment arrives at its end (and maybe that end's application closes at once). */
function deliver(machine: Machine, world: World, thenClose: boolean): Happened {
  const [head, ...rest] = world.network;
  if (head === undefined) return nothingHappened(world);
  const afterSegment = feed(machine, { ...world, network: rest }, head.to, { kind: "segment", segment: head.segment }, head.segment);
  if (!thenClose) return afterSegment;

  // The application calls close() before the ACK for this segment has left
  // (real stacks delay ACKs for tens of milliseconds hoping for exactly this).
  // The FIN then carries the acknowledgment, and the lone ACK is never sent:
  // this is how a close takes three segments instead of four.
  const afterClose = feed(machine, { ...afterSegment.world, network: rest }, head.to, { kind: "close" }, head.segment);
  const piggybacked = afterClose.sent.some((s) => s.flags.ACK);
  const kept = piggybacked ? afterSegment.sent.filter((s) => !isPureAck(s)) : afterSegment.sent;
  const sent = [...kept, ...afterClose.sent];
  return {
    world: { ...afterClose.world, network: [...rest, ...sent.map((segment) => ({ to: other(head.to), segment }))] },
    end: head.to,
    segment: head.segment,
    sent,
  };
}

/** drop, duplicate or delay: the network does something to its head segment. */
function touchHead(world: World, kind: "drop" | "duplicate" | "delay"): Happened {
  const [head, ...rest] = world.network;
  if (head === undefined) return nothingHappened(world);
  const network =
    kind === "drop" ? rest : kind === "duplicate" ? [head, head, ...rest] : /* delay */ [...rest, head];
  return { world: { ...world, network }, end: head.to, segment: head.segment, sent: [] };
}

/**
 * The end's retransmission timer fires. If a SYN or FIN of ours is still
 * unacknowledged, send the same segment again (RFC 9293 §3.8.1: the
 * retransmission queue holds what was sent); otherwise there is nothing to do.
 */
function retransmit(world: World, end: End): Happened {
  const me = endpointOf(world, end);
  if (!WAITING_FOR_ACK.includes(me.tcb.state) || me.lastSynOrFin === null) {
    return { world, end, segment: null, sent: [] };
  }
  return {
    world: { ...world, network: [...world.network, { to: other(end), segment: me.lastSynOrFin }] },
    end,
    segment: null,
    sent: [me.lastSynOrFin],
  };
}

/** Runs one event through an end's state machine and puts what it sends into the network. */
function feed(machine: Machine, world: World, end: End, event: TcpEvent, received: Segment | null): Happened {
  const me = endpointOf(world, end);
  const { tcb, send } = machine(me.tcb, event);
  const synOrFin = send.filter((s) => s.flags.SYN || s.flags.FIN);
  const updated: Endpoint = { tcb, lastSynOrFin: synOrFin.at(-1) ?? me.lastSynOrFin };
  return {
    world: {
      ...world,
      [end]: updated,
      network: [...world.network, ...send.map((segment) => ({ to: other(end), segment }))],
    },
    end,
    segment: received,
    sent: send,
  };
}

/**
 * The two-way handshake as a thought experiment: a listening end that gets a SYN
 * answers it as TCP does, but then counts the connection as open at once, as if
 * its own SYN had already been acknowledged. Nothing else changes.
 */
function twoWay(tcp: Machine): Machine {
  return (tcb, event) => {
    const t = tcp(tcb, event);
    if (tcb.state === "LISTEN" && t.tcb.state === "SYN-RECEIVED") {
      return { tcb: { ...t.tcb, state: "ESTABLISHED", sndUna: t.tcb.sndNxt }, send: t.send };
    }
    return t;
  };
}

/** An ACK and nothing else: no SYN, FIN or RST, no data. */
function isPureAck(s: Segment): boolean {
  return s.flags.ACK && !s.flags.SYN && !s.flags.FIN && !s.flags.RST && s.dataLength === 0;
}

function nothingHappened(world: World): Happened {
  return { world, end: null, segment: null, sent: [] };
}

function endpointOf(world: World, end: End): Endpoint {
  return end === "client" ? world.client : world.server;
}

function other(end: End): End {
  return end === "client" ? "server" : "client";
}
