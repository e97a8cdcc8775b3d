/**
 * Lesson 08: the FAQ, answered by running it. Read content/08-faq.md first
 * (`npm start`, then "Read"). Check your work with `npm run grade -- 08`.
 *
 * simulate drives two endpoints with YOUR nextState from lesson 04, so finish
 * lessons 03 and 04 first: if nextState is wrong or unfinished, simulate cannot
 * agree with the reference however right it is. The imports below are the ones
 * you are likely to need; the types are in the lesson 08 section of lib/tcp.ts.
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
  type Tcb,
  type TcpEvent,
} from "../lib/tcp.ts";
import { notImplemented } from "../lib/not-implemented.ts";
import { nextState } from "./04-teardown.ts";

/**
 * Runs a two-endpoint simulation: a client and a server, each a TCB driven by
 * nextState, joined by a network that loses, copies and reorders segments
 * exactly when the script says so. Same scenario in, same result out: there is
 * no randomness and no clock.
 *
 * Start: client = closedTcb(scenario.clientIss), server = closedTcb(scenario.serverIss),
 * network empty (the network is ONE queue of { to, segment }, head = oldest).
 * Anything an end sends goes to the BACK of the queue, addressed to the OTHER end.
 *
 * Each script action is exactly one step, and adds one entry to the trace, even
 * when it finds nothing to do:
 * - open / close / abort / time-wait-timeout: give that end the matching event
 *   ({ kind: "open", mode }, { kind: "close" }, { kind: "abort" },
 *   { kind: "time-wait-timeout" }). Trace: end = that end, segment = null.
 * - retransmit: if the end is in SYN-SENT, SYN-RECEIVED, FIN-WAIT-1, CLOSING or
 *   LAST-ACK and has ever sent a segment with SYN or FIN, it sends again, unchanged,
 *   the LAST segment it sent that had SYN or FIN set. Otherwise it sends nothing.
 *   Trace: end = that end, segment = null.
 * - deliver: take the head segment off the network and give it to the end it is
 *   addressed to, as { kind: "segment", segment }. Trace: end = the receiver,
 *   segment = the segment. With `thenClose: true`, the receiver's application
 *   also calls close() in the same step; if what close() sends includes a segment
 *   with the ACK flag, leave out the pure ACKs (ACK set; SYN, FIN and RST clear;
 *   dataLength 0) that the delivery produced: the FIN carries that acknowledgment.
 *   `sent` = what is left of the delivery's segments, then close()'s.
 * - drop: remove the head segment. duplicate: put a copy of it right behind it
 *   (so the next two deliveries deliver it twice). delay: move it to the back.
 *   Trace: end = where the segment was going, segment = it, sent = [].
 * - old-syn: a segment { seq, ack: 0, flags: flags("SYN"), dataLength: 0 } arrives
 *   at `to` right now (it never sits in the network); `to` answers the other end.
 *   Trace: end = to, segment = that SYN.
 * - A network action (deliver, drop, duplicate, delay) with nothing in flight does
 *   nothing: end = null, segment = null, sent = []. That includes a deliver with
 *   thenClose: with no segment there is no receiver, so nobody calls close().
 *
 * When the script has run out, keep delivering the head segment (action
 * "deliver", no close) until the network is empty.
 *
 * Never record more than `scenario.maxSteps ?? SIM_DEFAULT_MAX_STEPS` steps, even
 * if the script is longer or the ends keep answering each other: stop there.
 *
 * handshake "two-way" (default "three-way"): whenever an end in LISTEN goes to
 * SYN-RECEIVED, it goes to ESTABLISHED instead, with SND.UNA = SND.NXT (its SYN
 * counts as acknowledged at once); it still sends what nextState says.
 *
 * Every trace step: { action: the action's kind, end, segment, sent, client: the
 * client's state after the step, server: the server's state after the step }.
 * Result: { trace, client: final TCB, server: final TCB, inFlight: the network
 * at the end, head first, stopped: "settled" if the whole script ran and nothing
 * is in flight, otherwise "step-limit" }.
 *
 * Example: { clientIss: 100, serverIss: 300, script: [open server passive,
 * open client active] } runs 2 script steps, then delivers SYN seq=100,
 * SYN,ACK seq=300 ack=101 and ACK seq=101 ack=301: 5 steps, both ESTABLISHED,
 * stopped "settled". Do not change the scenario.
 */
export function simulate(scenario: Scenario): SimResult {
  throw notImplemented("simulate");
}
