/**
 * Lesson 05, reference solution: the TIME-WAIT state and its 2MSL timer.
 *
 * An endpoint in TIME-WAIT has sent its FIN, had it acknowledged, received the
 * peer's FIN and acknowledged that. Its only jobs now are to answer a peer whose
 * last ACK was lost (by acknowledging the retransmitted FIN again) and to keep
 * the connection's four-tuple busy until old segments have died out. This file
 * decides what it does with each input, and when it finally lets go.
 *
 * Every time is a whole number of milliseconds; sequence numbers are unsigned
 * 32-bit values on the circle of 2^32 (RFC 9293 §3.4).
 */
import { flags, type Segment, type TimeWait, type TimeWaitConfig, type TimeWaitInput, type TimeWaitResult } from "../lib/tcp.ts";
import { seqAdd } from "./02-sequence-numbers.ts";

/** How many steps forward from `from` to reach `to` on the sequence circle. */
function forwardDistance(from: number, to: number): number {
  return seqAdd(to, -from);
}

/**
 * When TIME-WAIT entered at `enteredAt` ends: 2 × MSL later (RFC 9293 §3.6.1,
 * MUST-13; the RFC's own MSL of 2 minutes is in §3.4.2). The same length applies when a
 * retransmitted FIN restarts the timer, so timeWaitStep uses this too.
 */
export function timeWaitDeadline(enteredAt: number, config: TimeWaitConfig): number {
  return enteredAt + 2 * config.msl;
}

/** <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>: "here is where I stand", the only thing TIME-WAIT ever sends. */
function ackOf(tw: TimeWait): Segment {
  return { seq: tw.sndNxt, ack: tw.rcvNxt, flags: flags("ACK"), dataLength: 0 };
}

function stay(deadline: number, send: readonly Segment[] = []): TimeWaitResult {
  return { state: "TIME-WAIT", deadline, send };
}

const CLOSED: TimeWaitResult = { state: "CLOSED", send: [] };

/**
 * The peer's FIN, sent again: a FIN whose last sequence number is the one just
 * before RCV.NXT, i.e. SEG.SEQ + data + 1 (for the FIN) ≡ RCV.NXT. It means our
 * last ACK was lost. Linux tests the same thing (end_seq == rcv_nxt).
 */
function isRetransmittedFin(tw: TimeWait, segment: Segment): boolean {
  return segment.flags.FIN && seqAdd(segment.seq, segment.dataLength + 1) === tw.rcvNxt;
}

/**
 * Where an RST lands, judged by SEG.SEQ alone (RFC 5961 §3.2, RFC 9293 §3.10.7.4):
 * exactly at RCV.NXT, somewhere else inside the window, or outside it.
 */
function rstPosition(tw: TimeWait, seq: number): "exact" | "in-window" | "outside" {
  const d = forwardDistance(tw.rcvNxt, seq);
  if (d === 0) return "exact";
  return d < tw.rcvWnd ? "in-window" : "outside";
}

/**
 * An acceptable pure ACK (no data, SYN, FIN or RST) by RFC 9293 Table 5 for
 * length 0: SEG.SEQ = RCV.NXT when the window is 0, else RCV.NXT =< SEG.SEQ <
 * RCV.NXT + RCV.WND. We must not answer it: answering ACKs with ACKs is how two
 * endpoints end up bouncing ACKs forever.
 */
function isAcceptableBareAck(tw: TimeWait, segment: Segment): boolean {
  const f = segment.flags;
  if (f.SYN || f.FIN || f.RST || segment.dataLength !== 0) return false;
  const d = forwardDistance(tw.rcvNxt, segment.seq);
  return tw.rcvWnd === 0 ? d === 0 : d < tw.rcvWnd;
}

/**
 * One input to an endpoint in TIME-WAIT at time `now`. The rules, first match wins:
 *  1. now >= deadline: the 2MSL timer has fired, CLOSED (RFC 9293 §3.10.8).
 *  2. a tick before the deadline: nothing happens.
 *  3. an RST: with rfc1337, ignored (RFC 1337). Without: exactly at RCV.NXT it
 *     closes; elsewhere in the window it gets a challenge ACK; outside, dropped.
 *  4. a SYN: challenge ACK (RFC 5961 §4; reusing TIME-WAIT for a new connection,
 *     RFC 9293 §3.6.1 MAY-2, is not modelled). The timer is not restarted.
 *  5. the peer's FIN again: ACK it and restart the timer at now + 2MSL (§3.10.7.4).
 *  6. an acceptable pure ACK: silence.
 *  7. anything else (data, a FIN that is not the old one, anything outside the
 *     window): the segment is old or the peer confused; tell it where we stand
 *     with <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> (RFC 9293 §3.10.7.4), same deadline.
 */
export function timeWaitStep(tw: TimeWait, input: TimeWaitInput, now: number, config: TimeWaitConfig): TimeWaitResult {
  if (now >= tw.deadline) return CLOSED;
  if (input.kind === "tick") return stay(tw.deadline);

  const segment = input.segment;
  if (segment.flags.RST) {
    // RFC 1337: an RST cannot do any good to a connection that is already over,
    // and an old or forged one could let a new incarnation meet old segments.
    if (config.rfc1337) return stay(tw.deadline);
    switch (rstPosition(tw, segment.seq)) {
      case "exact":
        return CLOSED;
      case "in-window":
        return stay(tw.deadline, [ackOf(tw)]);
      case "outside":
        return stay(tw.deadline);
    }
  }
  if (segment.flags.SYN) return stay(tw.deadline, [ackOf(tw)]);
  if (isRetransmittedFin(tw, segment)) return stay(timeWaitDeadline(now, config), [ackOf(tw)]);
  if (isAcceptableBareAck(tw, segment)) return stay(tw.deadline);
  return stay(tw.deadline, [ackOf(tw)]);
}
