/**
 * Lesson 04: the four-way teardown and half-close. Read content/04-teardown.md first.
 * Check your work with `npm run grade -- 04` (finish lesson 03 first: this
 * lesson's nextState calls yours from exercises/03-handshake.ts).
 *
 * Here nextState becomes complete: you add the CLOSING half of the state machine
 * and hand every other event to the opening half you wrote in lesson 03.
 * Lesson 08 runs two endpoints built from this function against each other.
 */
import { notImplemented } from "../lib/not-implemented.ts";
import type { CloseOutcome, CloseStep, Directions, State, Tcb, TcpEvent, Transition } from "../lib/tcp.ts";
import { nextState as openingTransitions } from "./03-handshake.ts";

/**
 * The complete state machine: one event in, the new Tcb and the segments sent out.
 *
 * Handle these yourself (RFC 9293 §3.10; the lesson's table has the row numbers):
 *
 * close
 *   - SYN-RECEIVED or ESTABLISHED -> FIN-WAIT-1; CLOSE-WAIT -> LAST-ACK. Send
 *     FIN,ACK seq=sndNxt ack=rcvNxt, then sndNxt + 1: the FIN uses a number.
 *   - FIN-WAIT-1, FIN-WAIT-2, CLOSING, LAST-ACK, TIME-WAIT: already closing,
 *     nothing changes, nothing sent (never a second FIN).
 * abort
 *   - SYN-RECEIVED, ESTABLISHED, FIN-WAIT-1, FIN-WAIT-2, CLOSE-WAIT -> CLOSED,
 *     send RST seq=sndNxt.
 *   - CLOSING, LAST-ACK, TIME-WAIT -> CLOSED, nothing sent.
 * time-wait-timeout
 *   - TIME-WAIT -> CLOSED. (The only way out of TIME-WAIT besides RST and abort.)
 * a segment in ESTABLISHED, FIN-WAIT-1, FIN-WAIT-2, CLOSE-WAIT, CLOSING, LAST-ACK,
 * TIME-WAIT, checked in this order:
 *   1. SEG.SEQ is not rcvNxt (an old or out-of-order segment; a retransmitted
 *      FIN is one): if it has RST, drop it, or (your choice, both are accepted)
 *      send the challenge ACK seq=sndNxt ack=rcvNxt; otherwise send ACK
 *      seq=sndNxt ack=rcvNxt. Nothing else changes.
 *   2. RST -> CLOSED.
 *   3. SYN -> send the "challenge ACK" ACK seq=sndNxt ack=rcvNxt, change nothing.
 *   4. no ACK bit -> drop it.
 *   5. the ACK field: SEG.ACK beyond sndNxt -> send ACK seq=sndNxt ack=rcvNxt and
 *      drop. An acceptable ACK (sndUna < SEG.ACK =< sndNxt) sets sndUna = SEG.ACK.
 *      If that acknowledges our FIN (sndUna reaches sndNxt after we sent it):
 *      FIN-WAIT-1 -> FIN-WAIT-2, CLOSING -> TIME-WAIT, LAST-ACK -> CLOSED.
 *   6. FIN: rcvNxt = SEG.SEQ + 1 (the FIN uses a number; segments here carry no
 *      data), send ACK seq=sndNxt ack=rcvNxt. ESTABLISHED -> CLOSE-WAIT;
 *      FIN-WAIT-1 (our FIN not yet acknowledged) -> CLOSING; FIN-WAIT-2
 *      (including one just reached in step 5) -> TIME-WAIT.
 * a segment in SYN-RECEIVED, checked in this order:
 *   1. not RST, SEG.SEQ is not rcvNxt, and not the simultaneous-open SYN,ACK
 *      (passiveOpen false, SYN and ACK set, no RST, SEG.SEQ = irs): send ACK
 *      seq=sndNxt ack=rcvNxt, stay. After a passive open a SYN,ACK at irs is
 *      such a segment too (RFC 9293 §3.10.7.4): ACK, stay.
 *   2. a SYN (no RST) that is not that simultaneous-open SYN,ACK, when
 *      passiveOpen is false: challenge ACK, stay.
 *   3. otherwise let openingTransitions decide; if it answers ESTABLISHED and the
 *      segment also carries FIN (and no SYN or RST), go on as step 6 from
 *      ESTABLISHED (-> CLOSE-WAIT) and send what both steps send.
 *
 * Every other event (open, anything in CLOSED, LISTEN or SYN-SENT, the timeout
 * outside TIME-WAIT...): `return openingTransitions(tcb, event);` exactly these
 * are what lesson 03 grades, so a lesson-03 file that passes answers them right.
 *
 * What is compared, exactly, as in lesson 03: every field of the Tcb you return
 * (a step changes only the fields it names; CLOSED is exactly closedTcb(tcb.iss))
 * and every field of every segment you send (all eight flags, seq, ack,
 * dataLength); segments you send have dataLength 0 and ack 0 when the ACK flag is
 * clear. You are never given a segment with both SYN and FIN, a segment with data
 * outside CLOSED, or a second FIN at rcvNxt after the peer's FIN has arrived.
 * Arithmetic modulo 2^32; never modify the arguments.
 */
export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  throw notImplemented("nextState");
}

/**
 * Which ways application data may still flow for an endpoint in `state`:
 * `send` is true when this end may still send data (the handshake is done and it
 * has not sent its FIN); `receive` is true when data may still arrive from the
 * peer (the handshake is done and the peer's FIN has not arrived).
 * Example: FIN-WAIT-2 -> { send: false, receive: true }.
 * Before ESTABLISHED nothing flows yet: { send: false, receive: false }.
 */
export function directions(state: State): Directions {
  throw notImplemented("directions");
}

/**
 * Play a close script between a client and a server that are both ESTABLISHED
 * (e.g. client: iss 100, sndUna = sndNxt = 101, irs 300, rcvNxt 301; server the
 * mirror image), using your nextState, and return the state each end ends in.
 *
 * Each end has a queue of segments travelling towards it, oldest first:
 * - { kind: "close", end }              that end calls close(): feed it a close
 *                                       event; what it sends joins the queue
 *                                       towards the other end.
 * - { kind: "deliver", to }             the oldest segment travelling towards
 *                                       `to` arrives there; what `to` sends in
 *                                       reply joins the other queue. Nothing in
 *                                       that queue: nothing happens.
 * - { kind: "time-wait-timeout", end }  that end's 2MSL timer runs out.
 * Example: client closes, deliver to server, deliver to client, server closes,
 * deliver to client, deliver to server -> { client: "TIME-WAIT", server: "CLOSED" }.
 */
export function closeOutcome(steps: readonly CloseStep[]): CloseOutcome {
  throw notImplemented("closeOutcome");
}
