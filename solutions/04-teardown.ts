/**
 * Lesson 04, reference solution: closing a connection, and the whole state machine.
 *
 * `nextState` is complete here: it handles the closing transitions itself and
 * hands every other event to lesson 03's `nextState` (the opening transitions),
 * exactly as the learner's lesson-04 stub is built on the learner's lesson-03 code.
 *
 * The model is connection management only: no payload is queued or delivered,
 * every segment we send has dataLength 0, and there are no clocks: the 2MSL timer
 * of TIME-WAIT shows up only as the `time-wait-timeout` event (lesson 05 is
 * about that timer, including its restart when the peer's FIN comes again).
 *
 * What changes in the TCB on the closing transitions:
 *
 *   CLOSE in SYN-RECEIVED/ESTABLISHED     send <SEQ=SND.NXT><ACK=RCV.NXT><CTL=FIN,ACK>,
 *     (-> FIN-WAIT-1), in CLOSE-WAIT      SND.NXT + 1: the FIN occupies one sequence number
 *     (-> LAST-ACK)
 *   FIN arrives (at RCV.NXT)             RCV.NXT + 1 (the FIN occupies one sequence
 *                                         number), send <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>
 *   an acceptable ACK arrives            SND.UNA = SEG.ACK; when SND.UNA reaches SND.NXT
 *                                         after we sent our FIN, our FIN is acknowledged
 *   -> CLOSED (ABORT, RST, last ACK,     the TCB is gone; we keep only the ISS
 *      2MSL timeout)
 *
 * Definitions (RFC 9293 §3.4, §3.10.7.4, RFC 5961):
 * - ACCEPTABLE ACK: SND.UNA < SEG.ACK =< SND.NXT (mod 2^32). SEG.ACK =< SND.UNA is
 *   a duplicate (harmless, ignored); SEG.ACK > SND.NXT acknowledges something we
 *   never sent: answer with an ACK and drop the segment.
 * - ACCEPTABLE SEGMENT: with no payload in this model, the receive window plays
 *   no part: a segment is acceptable when it starts exactly at RCV.NXT. Anything
 *   else is old (a retransmission) or from the future; it is answered with
 *   <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> ("here is where I am") and dropped.
 *   A retransmitted FIN (SEG.SEQ = RCV.NXT − 1) is exactly such a segment, and
 *   that ACK is what the peer whose last ACK was lost needs (rows 35 and 38).
 * - VALID RST: SEG.SEQ exactly RCV.NXT (RFC 5961 §3.2). A RST elsewhere in the
 *   window would earn a challenge ACK, outside it is dropped; with no window in
 *   this model, the reference drops it (the grader also accepts a challenge ACK).
 * - SYN in a synchronized state: never resets the connection any more (RFC 793
 *   did); it gets a challenge ACK <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> (RFC 5961 §4).
 */
import { closedTcb, flags, type CloseOutcome, type CloseStep, type Directions, type Segment, type State, type Tcb, type TcpEvent, type Transition } from "../lib/tcp.ts";
import { isAcceptableAck, seqAdd, seqLt } from "./02-sequence-numbers.ts";
import { nextState as openingTransitions } from "./03-handshake.ts";

// ── Segments we send ────────────────────────────────────────────────────────────

/** <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>: acknowledges everything we have received. */
function ackOf(tcb: Tcb): Segment {
  return { seq: tcb.sndNxt, ack: tcb.rcvNxt, flags: flags("ACK"), dataLength: 0 };
}

function unchanged(tcb: Tcb): Transition {
  return { tcb, send: [] };
}

function replyWithAck(tcb: Tcb): Transition {
  return { tcb, send: [ackOf(tcb)] };
}

function closed(tcb: Tcb, send: readonly Segment[] = []): Transition {
  return { tcb: closedTcb(tcb.iss), send };
}

/** The states after the handshake: the peer's SYN has arrived and been acknowledged. */
const AFTER_HANDSHAKE: ReadonlySet<State> = new Set([
  "ESTABLISHED",
  "FIN-WAIT-1",
  "FIN-WAIT-2",
  "CLOSE-WAIT",
  "CLOSING",
  "LAST-ACK",
  "TIME-WAIT",
]);

/** States in which our FIN has been sent and may still be waiting for its ACK. */
const FIN_AWAITING_ACK: ReadonlySet<State> = new Set(["FIN-WAIT-1", "CLOSING", "LAST-ACK"]);

/** The states lesson 03 handles every event in: before any SYN of the peer arrived. */
const BEFORE_SYNCHRONIZED: ReadonlySet<State> = new Set(["CLOSED", "LISTEN", "SYN-SENT"]);

// ── The state machine ───────────────────────────────────────────────────────────

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  switch (event.kind) {
    case "close":
      return BEFORE_SYNCHRONIZED.has(tcb.state) ? openingTransitions(tcb, event) : userClose(tcb);
    case "abort":
      return BEFORE_SYNCHRONIZED.has(tcb.state) ? openingTransitions(tcb, event) : userAbort(tcb);
    case "time-wait-timeout":
      // Row 40: the only way out of TIME-WAIT that nobody else has to ask for.
      return tcb.state === "TIME-WAIT" ? closed(tcb) : openingTransitions(tcb, event);
    case "segment":
      if (AFTER_HANDSHAKE.has(tcb.state)) return segmentArrives(tcb, event.segment);
      if (tcb.state === "SYN-RECEIVED") return segmentInSynReceived(tcb, event.segment, event);
      return openingTransitions(tcb, event);
    case "open":
      return openingTransitions(tcb, event);
  }
}

/**
 * CLOSE (§3.10.4) in SYN-RECEIVED or later: "I have nothing more to send". It
 * closes OUR direction only: we send a FIN and may go on receiving.
 */
function userClose(tcb: Tcb): Transition {
  switch (tcb.state) {
    case "SYN-RECEIVED": // row 6 (nothing queued in this model)
    case "ESTABLISHED": // row 7
      return sendFin(tcb, "FIN-WAIT-1");
    case "CLOSE-WAIT": // row 8: the peer closed first; now we do too
      return sendFin(tcb, "LAST-ACK");
    default:
      // Row 9, FIN-WAIT-1 to TIME-WAIT: "connection closing"; a FIN goes out once only.
      return unchanged(tcb);
  }
}

/** <SEQ=SND.NXT><ACK=RCV.NXT><CTL=FIN,ACK>; the FIN occupies SND.NXT, so SND.NXT moves one on. */
function sendFin(tcb: Tcb, to: State): Transition {
  const fin: Segment = { seq: tcb.sndNxt, ack: tcb.rcvNxt, flags: flags("FIN", "ACK"), dataLength: 0 };
  return { tcb: { ...tcb, state: to, sndNxt: seqAdd(tcb.sndNxt, 1) }, send: [fin] };
}

/**
 * ABORT (§3.10.5) in SYN-RECEIVED or later: tear down now. While the peer may
 * still believe in the connection, tell it with <SEQ=SND.NXT><CTL=RST> (row 10).
 * In CLOSING, LAST-ACK and TIME-WAIT both FINs are out, so there is nothing to
 * tell (row 11). The aborting side goes to CLOSED, not TIME-WAIT (tcp-facts §2,
 * decision 2).
 */
function userAbort(tcb: Tcb): Transition {
  switch (tcb.state) {
    case "CLOSING":
    case "LAST-ACK":
    case "TIME-WAIT":
      return closed(tcb);
    default:
      return closed(tcb, [{ seq: tcb.sndNxt, ack: 0, flags: flags("RST"), dataLength: 0 }]);
  }
}

/**
 * SYN-RECEIVED is where the two halves meet. In the RFC's order (§3.10.7.4):
 * 1. the sequence check (row 21) comes first: a non-RST segment that does not
 *    start at RCV.NXT gets an ACK and is dropped. One exception is the peer's
 *    SYN,ACK in a simultaneous open (active origin only), which repeats its SYN
 *    at IRS: lesson 03 reads it as the ACK it carries. After a passive open the
 *    same segment is simply unacceptable (§3.10.7.4): ACK, stay;
 * 2. RST (rows 22–23), lesson 03;
 * 3. SYN: a passive connection goes back to LISTEN (row 24, lesson 03); an
 *    active one answers with a challenge ACK (row 30);
 * 4. ACK (rows 25–26), lesson 03;
 * 5. FIN: if the ACK completed the handshake, the FIN is processed as in
 *    ESTABLISHED (row 27): an ACK+FIN as the third segment takes the server
 *    straight through ESTABLISHED to CLOSE-WAIT.
 */
function segmentInSynReceived(tcb: Tcb, segment: Segment, event: TcpEvent): Transition {
  const f = segment.flags;
  const simultaneousOpenSynAck = !tcb.passiveOpen && f.SYN && f.ACK && !f.RST && segment.seq === tcb.irs;
  if (!f.RST && !simultaneousOpenSynAck && segment.seq !== tcb.rcvNxt) return replyWithAck(tcb);
  if (f.SYN && !f.RST && !simultaneousOpenSynAck && !tcb.passiveOpen) return replyWithAck(tcb);

  const opened = openingTransitions(tcb, event);
  if (f.FIN && !f.SYN && !f.RST && opened.tcb.state === "ESTABLISHED") {
    const afterFin = receiveFin(opened.tcb, segment);
    return { tcb: afterFin.tcb, send: [...opened.send, ...afterFin.send] };
  }
  return opened;
}

/**
 * A segment in ESTABLISHED or a closing state, in the RFC's order (§3.10.7.4):
 * sequence check, RST, SYN, ACK, then FIN.
 */
function segmentArrives(tcb: Tcb, segment: Segment): Transition {
  const f = segment.flags;

  // First: is it where we expect it? If not, say where we are (row 21). The
  // peer's retransmitted FIN lands here: the ACK is what it was missing (rows 35, 38).
  if (segment.seq !== tcb.rcvNxt) return f.RST ? unchanged(tcb) : replyWithAck(tcb);

  // Second: a valid RST ends the connection from any of these states (rows 28–29).
  // In TIME-WAIT, RFC 1337 would rather ignore it; Linux does not by default.
  if (f.RST) return closed(tcb);

  // Fourth: a SYN here is old, forged or a restarted peer: challenge ACK (row 30).
  if (f.SYN) return replyWithAck(tcb);

  // Fifth: from here on every segment must carry an ACK.
  if (!f.ACK) return unchanged(tcb);
  const acked = receiveAck(tcb, segment.ack);
  if (acked.send.length > 0 || acked.tcb.state === "CLOSED") return acked;

  // Eighth: the FIN.
  return f.FIN ? receiveFin(acked.tcb, segment) : acked;
}

/** The ACK field, in a state after the handshake (rows 31, 36, 37). */
function receiveAck(tcb: Tcb, ack: number): Transition {
  // It acknowledges something we never sent: tell the peer where we are, drop it.
  if (seqLt(tcb.sndNxt, ack)) return replyWithAck(tcb);

  const sndUna = isAcceptableAck(tcb.sndUna, ack, tcb.sndNxt) ? ack : tcb.sndUna;
  const finAcked = FIN_AWAITING_ACK.has(tcb.state) && sndUna === tcb.sndNxt;
  const updated: Tcb = { ...tcb, sndUna };

  switch (tcb.state) {
    case "FIN-WAIT-1":
      return unchanged(finAcked ? { ...updated, state: "FIN-WAIT-2" } : updated); // row 31
    case "CLOSING":
      return unchanged(finAcked ? { ...updated, state: "TIME-WAIT" } : updated); // row 36
    case "LAST-ACK":
      return finAcked ? closed(tcb) : unchanged(updated); // row 37
    default:
      return unchanged(updated);
  }
}

/**
 * A FIN at RCV.NXT (§3.10.7.4, eighth). The FIN occupies one sequence number, so
 * RCV.NXT moves past it, and we acknowledge it. (Segments carry no data after
 * CLOSED in this model, as the stub says, so there is no payload to step over.)
 */
function receiveFin(tcb: Tcb, segment: Segment): Transition {
  const rcvNxt = seqAdd(segment.seq, 1);
  const next = (state: State): Transition => {
    const updated: Tcb = { ...tcb, state, rcvNxt };
    return { tcb: updated, send: [ackOf(updated)] };
  };
  switch (tcb.state) {
    case "ESTABLISHED":
      // Row 27: the peer is done sending; we may go on. (Also the end of a
      // handshake whose ACK carried a FIN: lesson 03 has made it ESTABLISHED.)
      return next("CLOSE-WAIT");
    case "FIN-WAIT-1":
      // Row 33: the FIN also acknowledges ours (receiveAck already moved us to
      // FIN-WAIT-2 then, so we do not get here). Row 32: it does not: both ends
      // closed at once: CLOSING.
      return next("CLOSING");
    case "FIN-WAIT-2":
      return next("TIME-WAIT"); // rows 33–34: we closed first, so we wait
    default:
      // CLOSE-WAIT, CLOSING, LAST-ACK, TIME-WAIT have had the peer's FIN already:
      // a FIN at RCV.NXT cannot come from a correct peer. Acknowledge and stay.
      return replyWithAck(tcb);
  }
}

// ── Which ways data can flow ────────────────────────────────────────────────────

/**
 * Half-close (§3.6): each direction of a connection closes on its own. We may
 * send until we send our FIN (CLOSE); we may receive until the peer's FIN arrives.
 * Before the handshake completes, no data flows either way (SEND and RECEIVE are
 * queued until ESTABLISHED, §3.10.2–3).
 */
export function directions(state: State): Directions {
  switch (state) {
    case "ESTABLISHED":
      return { send: true, receive: true };
    case "FIN-WAIT-1":
    case "FIN-WAIT-2":
      return { send: false, receive: true }; // we closed, the peer has not
    case "CLOSE-WAIT":
      return { send: true, receive: false }; // the peer closed, we have not
    default:
      return { send: false, receive: false };
  }
}

// ── A scripted close between two ends ──────────────────────────────────────────

type End = "client" | "server";

/** An endpoint and the segments travelling towards it, oldest first. */
interface Endpoint {
  tcb: Tcb;
  readonly inbox: Segment[];
}

/**
 * Runs a close script between a client (ISS 100) and a server (ISS 300) that
 * have finished their handshake and are both ESTABLISHED. The numbers do not
 * change the final states; they only make the conversation concrete.
 */
export function closeOutcome(steps: readonly CloseStep[]): CloseOutcome {
  const ends: Record<End, Endpoint> = {
    client: { tcb: established(100, 300), inbox: [] },
    server: { tcb: established(300, 100), inbox: [] },
  };
  const other = (end: End): End => (end === "client" ? "server" : "client");
  const apply = (end: End, event: TcpEvent): void => {
    const { tcb, send } = nextState(ends[end].tcb, event);
    ends[end].tcb = tcb;
    ends[other(end)].inbox.push(...send);
  };

  for (const step of steps) {
    switch (step.kind) {
      case "close":
        apply(step.end, { kind: "close" });
        break;
      case "time-wait-timeout":
        apply(step.end, { kind: "time-wait-timeout" });
        break;
      case "deliver": {
        const segment = ends[step.to].inbox.shift();
        if (segment !== undefined) apply(step.to, { kind: "segment", segment });
        break;
      }
    }
  }
  return { client: ends.client.tcb.state, server: ends.server.tcb.state };
}

/**
 * An endpoint right after the handshake: both SYNs sent and acknowledged. (Which
 * end opened passively changes nothing about closing, so both say false.)
 */
function established(iss: number, irs: number): Tcb {
  const afterSyn = seqAdd(iss, 1);
  return { state: "ESTABLISHED", passiveOpen: false, iss, sndUna: afterSyn, sndNxt: afterSyn, irs, rcvNxt: seqAdd(irs, 1) };
}
