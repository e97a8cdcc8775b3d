/**
 * The known-wrong simulators of lesson 08 share this one body: a plain, loop-
 * and-array simulator (written the way a learner might, unlike the reference)
 * with switches that each reproduce one mistake. With no switch on it behaves
 * like the reference, which the course self-check relies on only indirectly:
 * each wrong/ file turns exactly one switch on.
 */
import { closedTcb, flags, SIM_DEFAULT_MAX_STEPS, type End, type InFlight, type Scenario, type Segment, type SimResult, type SimStep, type State, type Tcb, type TcpEvent, type Transition } from "../../lib/tcp.ts";
import { nextState } from "../../solutions/04-teardown.ts";

export interface Mistakes {
  /** "drop" leaves the segment in flight. */
  readonly dropDoesNothing?: boolean;
  /** "duplicate" makes no copy. */
  readonly duplicateDoesNothing?: boolean;
  /** Stops as soon as the network is empty, once anything has been sent. */
  readonly stopsWhenQuiet?: boolean;
  /** Drains until the network is empty, ignoring the step bound (with a hidden cap so it ends). */
  readonly drainIgnoresBound?: boolean;
  /** Replies to a delivered segment are addressed to the receiver itself. */
  readonly repliesToReceiver?: boolean;
  /** With thenClose, sends the ACK and the FIN separately. */
  readonly noPiggyback?: boolean;
  /** Ignores handshake: "two-way". */
  readonly alwaysThreeWay?: boolean;
  /** Retransmits its last SYN or FIN whatever the state (even when it was acknowledged). */
  readonly retransmitsAcknowledged?: boolean;
  /** "duplicate" puts the copy at the back of the network instead of right behind the original. */
  readonly duplicateAtBack?: boolean;
  /** "delay" swaps the head with the segment behind it instead of moving it to the back. */
  readonly delayOnePlace?: boolean;
  /** A "deliver" with thenClose and nothing in flight still calls close(). */
  readonly closesWithoutSegment?: boolean;
}

const WAITING_FOR_ACK: readonly State[] = ["SYN-SENT", "SYN-RECEIVED", "FIN-WAIT-1", "CLOSING", "LAST-ACK"];
/** The wrong drain's own safety net: far beyond any bound a spec uses, but finite. */
const HIDDEN_CAP = 1_000;

export function makeSimulate(mistakes: Mistakes): (scenario: Scenario) => SimResult {
  return (scenario) => {
    const twoWay = scenario.handshake === "two-way" && !mistakes.alwaysThreeWay;
    const limit = scenario.maxSteps ?? SIM_DEFAULT_MAX_STEPS;
    const tcbs: Record<End, Tcb> = { client: closedTcb(scenario.clientIss), server: closedTcb(scenario.serverIss) };
    const last: Record<End, Segment | null> = { client: null, server: null };
    const network: InFlight[] = [];
    const trace: SimStep[] = [];
    let sentAnything = false;
    const other = (e: End): End => (e === "client" ? "server" : "client");

    const run = (end: End, event: TcpEvent): readonly Segment[] => {
      const before = tcbs[end];
      let t: Transition = nextState(before, event);
      if (twoWay && before.state === "LISTEN" && t.tcb.state === "SYN-RECEIVED") {
        t = { tcb: { ...t.tcb, state: "ESTABLISHED", sndUna: t.tcb.sndNxt }, send: t.send };
      }
      tcbs[end] = t.tcb;
      for (const s of t.send) if (s.flags.SYN || s.flags.FIN) last[end] = s;
      return t.send;
    };
    const post = (to: End, sent: readonly Segment[]) => {
      for (const segment of sent) network.push({ to, segment });
      if (sent.length > 0) sentAnything = true;
    };
    const record = (action: SimStep["action"], end: End | null, segment: Segment | null, sent: readonly Segment[]) =>
      trace.push({ action, end, segment, sent, client: tcbs.client.state, server: tcbs.server.state });

    let i = 0;
    for (;;) {
      const draining = i >= scenario.script.length;
      if (trace.length >= (draining && mistakes.drainIgnoresBound ? HIDDEN_CAP : limit)) break;
      if (mistakes.stopsWhenQuiet && sentAnything && network.length === 0) break;
      const action = draining ? ({ kind: "deliver" } as const) : scenario.script[i++]!;
      if (draining && network.length === 0) break;

      if (action.kind === "open" || action.kind === "close" || action.kind === "abort" || action.kind === "time-wait-timeout") {
        const event: TcpEvent = action.kind === "open" ? { kind: "open", mode: action.mode } : { kind: action.kind };
        const sent = run(action.end, event);
        post(other(action.end), sent);
        record(action.kind, action.end, null, sent);
        continue;
      }
      if (action.kind === "retransmit") {
        const seg = last[action.end];
        const due = seg !== null && (mistakes.retransmitsAcknowledged || WAITING_FOR_ACK.includes(tcbs[action.end].state));
        if (due) post(other(action.end), [seg]);
        record("retransmit", action.end, null, due ? [seg] : []);
        continue;
      }
      if (action.kind === "old-syn") {
        const syn: Segment = { seq: action.seq, ack: 0, flags: flags("SYN"), dataLength: 0 };
        const sent = run(action.to, { kind: "segment", segment: syn });
        post(other(action.to), sent);
        record("old-syn", action.to, syn, sent);
        continue;
      }
      const head = network[0];
      if (head === undefined) {
        if (mistakes.closesWithoutSegment && action.kind === "deliver" && "thenClose" in action && action.thenClose) {
          // Which end? The learner guesses the last one that received something: the client if none did.
          const end: End = [...trace].reverse().find((t) => t.action === "deliver" && t.end !== null)?.end ?? "client";
          const sent = run(end, { kind: "close" });
          post(other(end), sent);
          record("deliver", null, null, sent);
          continue;
        }
        record(action.kind, null, null, []);
        continue;
      }
      if (action.kind === "drop") {
        if (!mistakes.dropDoesNothing) network.shift();
        record("drop", head.to, head.segment, []);
      } else if (action.kind === "duplicate") {
        if (mistakes.duplicateAtBack) network.push(head);
        else if (!mistakes.duplicateDoesNothing) network.splice(1, 0, head);
        record("duplicate", head.to, head.segment, []);
      } else if (action.kind === "delay") {
        if (mistakes.delayOnePlace) network.splice(0, 2, ...network.slice(0, 2).reverse());
        else network.push(network.shift()!);
        record("delay", head.to, head.segment, []);
      } else {
        network.shift();
        let sent = run(head.to, { kind: "segment", segment: head.segment });
        if (action.kind === "deliver" && "thenClose" in action && action.thenClose) {
          const fin = run(head.to, { kind: "close" });
          const pure = (s: Segment) => s.flags.ACK && !s.flags.SYN && !s.flags.FIN && !s.flags.RST && s.dataLength === 0;
          if (!mistakes.noPiggyback && fin.some((s) => s.flags.ACK)) sent = sent.filter((s) => !pure(s));
          sent = [...sent, ...fin];
        }
        post(mistakes.repliesToReceiver ? head.to : other(head.to), sent);
        record("deliver", head.to, head.segment, sent);
      }
    }
    const settled = i >= scenario.script.length && network.length === 0;
    return { trace, client: tcbs.client, server: tcbs.server, inFlight: network, stopped: settled ? "settled" : "step-limit" };
  };
}
