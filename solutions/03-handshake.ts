/**
 * Lesson 03, reference solution: opening a connection.
 *
 * `nextState` here knows the OPENING half of TCP's state machine, the rows of the
 * transition table that get two endpoints from CLOSED to ESTABLISHED (RFC 9293
 * §3.10.1 OPEN, §3.10.4–5 CLOSE/ABORT before the connection exists, §3.10.7.1–3
 * segments in CLOSED, LISTEN and SYN-SENT, and the handshake part of §3.10.7.4
 * for SYN-RECEIVED). Lesson 04 wraps this function and adds the closing half.
 *
 * The model is connection management only: no payload is queued or delivered,
 * every segment we send has dataLength 0, and there are no timers in here (a
 * retransmission is the caller's business: it sends the same segment again).
 *
 * What changes in the TCB, transition by transition:
 *
 *   CLOSED/LISTEN --active OPEN--> SYN-SENT   SND.UNA = ISS, SND.NXT = ISS + 1 (the SYN)
 *   CLOSED --passive OPEN--> LISTEN           nothing numeric yet
 *   LISTEN --SYN--> SYN-RECEIVED              IRS = SEG.SEQ, RCV.NXT = SEG.SEQ + 1,
 *                                             SND.UNA = ISS, SND.NXT = ISS + 1 (our SYN)
 *   SYN-SENT --SYN,ACK--> ESTABLISHED         IRS, RCV.NXT as above; SND.UNA = SEG.ACK
 *   SYN-SENT --SYN--> SYN-RECEIVED            IRS, RCV.NXT as above (simultaneous open)
 *   SYN-RECEIVED --ACK--> ESTABLISHED         SND.UNA = SEG.ACK
 *   anything --> CLOSED                       the TCB is gone; we keep only the ISS
 *   SYN-RECEIVED --RST/SYN--> LISTEN          back to a fresh listening TCB
 *
 * Two definitions everything below leans on:
 * - An ACK is ACCEPTABLE when SND.UNA < SEG.ACK =< SND.NXT (mod 2^32): it
 *   acknowledges something we sent and have not seen acknowledged, and nothing
 *   we have not sent. In SYN-SENT, where SND.UNA = ISS and SND.NXT = ISS + 1,
 *   only SEG.ACK = ISS + 1 is acceptable (§3.10.7.3).
 * - A RST in SYN-RECEIVED is VALID when SEG.SEQ is exactly RCV.NXT (RFC 5961 §3.2,
 *   optional in RFC 9293 §3.10.7.4; Linux and this course use it). Anything else could be blind
 *   injection by an attacker guessing numbers, so it changes nothing. In
 *   SYN-SENT there is no RCV.NXT yet; a RST counts there when its ACK
 *   acknowledges our SYN (§3.10.7.3).
 *
 * Decisions where RFC 9293 contradicts itself (tcp-facts §2):
 * - RST in SYN-SENT goes to CLOSED (§3.10.7.3), not back to LISTEN (§3.5).
 * - SYN-RECEIVED remembers where it came from (`passiveOpen`, MUST-11): a reset
 *   sends a passive connection back to LISTEN and an active one to CLOSED.
 */
import { closedTcb, flags, type Segment, type Tcb, type TcpEvent, type Transition } from "../lib/tcp.ts";
// Built on the earlier lessons, as a learner's own file would be.
import { segLen } from "./01-flags.ts";
import { isAcceptableAck, seqAdd } from "./02-sequence-numbers.ts";

// ── Results ───────────────────────────────────────────────────────────────────

/** The event changes nothing and nothing is sent (an ignored call, a dropped segment). */
function unchanged(tcb: Tcb): Transition {
  return { tcb, send: [] };
}

/** The connection is gone. Only the ISS survives: it is this endpoint's own choice. */
function closed(tcb: Tcb, send: readonly Segment[] = []): Transition {
  return { tcb: closedTcb(tcb.iss), send };
}

/** A fresh listening TCB: nothing heard from anyone yet. */
function listening(tcb: Tcb): Tcb {
  return { ...closedTcb(tcb.iss), state: "LISTEN", passiveOpen: true };
}

/** <SEQ=seq><CTL=RST>: a reset that acknowledges nothing. */
function reset(seq: number): Segment {
  return { seq, ack: 0, flags: flags("RST"), dataLength: 0 };
}

// ── The state machine ───────────────────────────────────────────────────────────

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  switch (tcb.state) {
    case "CLOSED":
      return inClosed(tcb, event);
    case "LISTEN":
      return inListen(tcb, event);
    case "SYN-SENT":
      return inSynSent(tcb, event);
    case "SYN-RECEIVED":
      return inSynReceived(tcb, event);
    default:
      // ESTABLISHED and the closing states are lesson 04's.
      return unchanged(tcb);
  }
}

/**
 * Active OPEN (rows 2 and 3): send <SEQ=ISS><CTL=SYN>. The SYN occupies ISS, so
 * SND.NXT moves to ISS + 1 while SND.UNA stays at ISS until it is acknowledged.
 * From LISTEN this turns a passive connection into an active one (§3.10.2).
 */
function sendSyn(tcb: Tcb): Transition {
  const syn: Segment = { seq: tcb.iss, ack: 0, flags: flags("SYN"), dataLength: 0 };
  return {
    tcb: { ...closedTcb(tcb.iss), state: "SYN-SENT", passiveOpen: false, sndUna: tcb.iss, sndNxt: seqAdd(tcb.iss, 1) },
    send: [syn],
  };
}

/** CLOSED: there is no connection, so every segment but a RST is answered by a RST (row 12). */
function inClosed(tcb: Tcb, event: TcpEvent): Transition {
  switch (event.kind) {
    case "open":
      // Row 1: wait for someone to connect. Row 2: connect.
      return event.mode === "passive" ? { tcb: listening(tcb), send: [] } : sendSyn(tcb);
    case "segment":
      return { tcb, send: resetForClosed(event.segment) };
    default:
      // CLOSE or ABORT of a connection that does not exist is an error for the
      // application ("connection does not exist"), not an event for TCP.
      return unchanged(tcb);
  }
}

/**
 * §3.10.7.1: never answer a RST (two endpoints would bounce resets forever).
 * Otherwise make the reset believable to the sender: if its segment carried an
 * ACK, our RST takes that number as its SEQ, exactly where the sender expects our
 * next byte; if not, our RST acknowledges everything the segment occupied.
 */
function resetForClosed(segment: Segment): readonly Segment[] {
  if (segment.flags.RST) return [];
  if (segment.flags.ACK) return [reset(segment.ack)];
  return [{ seq: 0, ack: seqAdd(segment.seq, segLen(segment)), flags: flags("RST", "ACK"), dataLength: 0 }];
}

/** LISTEN (§3.10.7.2): checks in the RFC's order, RST first, then ACK, then SYN. */
function inListen(tcb: Tcb, event: TcpEvent): Transition {
  switch (event.kind) {
    case "open":
      // Row 3: connect after all. A second passive OPEN is an error for the application.
      return event.mode === "active" ? sendSyn(tcb) : unchanged(tcb);
    case "close":
    case "abort":
      return closed(tcb); // row 4
    case "time-wait-timeout":
      return unchanged(tcb);
    case "segment": {
      const segment = event.segment;
      // Row 13: a RST cannot concern a connection that does not exist yet.
      if (segment.flags.RST) return unchanged(tcb);
      // Row 14: nobody can be acknowledging anything to a listener; whatever it
      // is (an old SYN,ACK, a stray ACK) gets a reset.
      if (segment.flags.ACK) return { tcb, send: [reset(segment.ack)] };
      if (segment.flags.SYN) return acceptSyn(tcb, segment);
      return unchanged(tcb); // no SYN, ACK or RST: nothing to do with it
    }
  }
}

/**
 * Row 15: a SYN arrives at a listener. Remember the peer's ISN (IRS), expect the
 * byte after its SYN, and answer <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>. The
 * connection came from a passive OPEN, and SYN-RECEIVED must remember that.
 */
function acceptSyn(tcb: Tcb, syn: Segment): Transition {
  const rcvNxt = seqAdd(syn.seq, 1);
  const next: Tcb = {
    state: "SYN-RECEIVED",
    passiveOpen: true,
    iss: tcb.iss,
    sndUna: tcb.iss,
    sndNxt: seqAdd(tcb.iss, 1),
    irs: syn.seq,
    rcvNxt,
  };
  return { tcb: next, send: [{ seq: tcb.iss, ack: rcvNxt, flags: flags("SYN", "ACK"), dataLength: 0 }] };
}

/** SYN-SENT (§3.10.7.3): first the ACK bit, then RST, then SYN, in that order. */
function inSynSent(tcb: Tcb, event: TcpEvent): Transition {
  switch (event.kind) {
    case "close":
    case "abort":
      return closed(tcb); // row 5: nobody to tell, so no RST
    case "open":
    case "time-wait-timeout":
      return unchanged(tcb);
    case "segment":
      return synSentSegment(tcb, event.segment);
  }
}

function synSentSegment(tcb: Tcb, segment: Segment): Transition {
  const f = segment.flags;
  const ackOk = f.ACK && isAcceptableAck(tcb.sndUna, segment.ack, tcb.sndNxt);

  // Row 16: an ACK of something we never sent (SEG.ACK =< ISS or > SND.NXT)
  // belongs to another connection, e.g. an old SYN,ACK. Reset it, unless it is
  // itself a reset: then drop it.
  if (f.ACK && !ackOk) return f.RST ? unchanged(tcb) : { tcb, send: [reset(segment.ack)] };

  if (f.RST) {
    // Row 17: the peer refused the connection (its RST acknowledges our SYN).
    // Row 18: a RST without an ACK proves nothing about our SYN: drop it.
    return ackOk ? closed(tcb) : unchanged(tcb);
  }

  if (f.SYN) {
    const irs = segment.seq;
    const rcvNxt = seqAdd(irs, 1);
    if (ackOk) {
      // Row 19: SYN,ACK acknowledging our SYN. We are ESTABLISHED right now, one
      // segment before the server is; our ACK completes the handshake for it.
      const next: Tcb = { ...tcb, state: "ESTABLISHED", irs, rcvNxt, sndUna: segment.ack };
      return { tcb: next, send: [{ seq: tcb.sndNxt, ack: rcvNxt, flags: flags("ACK"), dataLength: 0 }] };
    }
    // Row 20: a bare SYN while our own SYN is out: simultaneous open. Answer with
    // SYN,ACK repeating our ISS; SND.UNA stays at ISS (our SYN is still unacknowledged).
    const next: Tcb = { ...tcb, state: "SYN-RECEIVED", passiveOpen: false, irs, rcvNxt };
    return { tcb: next, send: [{ seq: tcb.iss, ack: rcvNxt, flags: flags("SYN", "ACK"), dataLength: 0 }] };
  }

  return unchanged(tcb); // neither SYN nor RST: drop
}

/**
 * SYN-RECEIVED, the handshake part of §3.10.7.4 (rows 22–26). Lesson 04 wraps this
 * with what comes first in the RFC's order (row 21, the sequence-number check of
 * non-RST segments) and what comes after (row 30 for an active origin, the FIN bit,
 * CLOSE and ABORT).
 */
function inSynReceived(tcb: Tcb, event: TcpEvent): Transition {
  if (event.kind !== "segment") return unchanged(tcb); // CLOSE and ABORT: lesson 04
  const segment = asHandshakeSegment(tcb, event.segment);
  const f = segment.flags;

  if (f.RST) {
    // RFC 5961: only a RST exactly at RCV.NXT is believed. An in-window one would
    // earn a challenge ACK; with no window in this model we simply drop it (the
    // stub allows either).
    if (segment.seq !== tcb.rcvNxt) return unchanged(tcb);
    // Rows 22–23: a passive connection goes back to listening for the next
    // client; an active one was refused.
    return tcb.passiveOpen ? { tcb: listening(tcb), send: [] } : closed(tcb);
  }

  // Row 24: a new SYN for a passive connection: forget this half-open attempt and
  // listen again. (For an active origin, row 30 applies: lesson 04.)
  if (f.SYN) return tcb.passiveOpen ? { tcb: listening(tcb), send: [] } : unchanged(tcb);

  if (!f.ACK) return unchanged(tcb); // every segment from here on must carry an ACK

  // Row 25: the ACK of our SYN. The server is ESTABLISHED only now.
  if (isAcceptableAck(tcb.sndUna, segment.ack, tcb.sndNxt)) {
    return { tcb: { ...tcb, state: "ESTABLISHED", sndUna: segment.ack }, send: [] };
  }
  // Row 26: it acknowledges something we never sent.
  return { tcb, send: [reset(segment.ack)] };
}

/**
 * Simultaneous open (RFC 9293 Figure 7): each side gets the other's SYN,ACK while
 * in SYN-RECEIVED. That segment repeats the peer's SYN (SEG.SEQ = IRS, one before
 * RCV.NXT), which we already have; what is new is its ACK of our SYN. As the RFC
 * says to trim whatever lies before the window, drop the old SYN and read the rest:
 * an ACK at RCV.NXT. (Linux does the same in tcp_validate_incoming.) Only after an
 * active open: a server that came from LISTEN never sent a SYN the peer could
 * answer that way, so there the segment fails the sequence check of §3.10.7.4
 * (lesson 04 answers it with an ACK and stays).
 */
function asHandshakeSegment(tcb: Tcb, segment: Segment): Segment {
  const f = segment.flags;
  if (!tcb.passiveOpen && f.SYN && f.ACK && !f.RST && segment.seq === tcb.irs) {
    return { ...segment, seq: tcb.rcvNxt, flags: { ...f, SYN: false } };
  }
  return segment;
}

/**
 * The three segments of a handshake between a client with ISN `isnClient` and a
 * server with ISN `isnServer` (RFC 9293 §3.5, Figure 6): each SYN takes one
 * sequence number, so each acknowledgment is the other's ISN plus one, mod 2^32.
 */
export function handshakeSegments(isnClient: number, isnServer: number): readonly [Segment, Segment, Segment] {
  const clientNext = seqAdd(isnClient, 1);
  const serverNext = seqAdd(isnServer, 1);
  return [
    { seq: isnClient, ack: 0, flags: flags("SYN"), dataLength: 0 },
    { seq: isnServer, ack: clientNext, flags: flags("SYN", "ACK"), dataLength: 0 },
    { seq: clientNext, ack: serverNext, flags: flags("ACK"), dataLength: 0 },
  ];
}
