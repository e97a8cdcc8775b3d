/**
 * Lesson 03: the three-way handshake. Read content/03-handshake.md first.
 * Check your work with `npm run grade -- 03`.
 *
 * You build the OPENING half of TCP's state machine here. Lesson 04 imports this
 * very function (as `openingTransitions`) and adds the closing half around it,
 * and lesson 08 runs two endpoints built from it against each other. So what you
 * write here keeps working for you for the rest of the course.
 *
 * Types live in lib/tcp.ts: Tcb (the connection's state and numbers), TcpEvent
 * (what can happen), Transition (the new Tcb plus the segments sent), Segment,
 * and `flags("SYN", "ACK")` to build a flags value. `closedTcb(iss)` builds a
 * CLOSED Tcb.
 */
import { notImplemented } from "../lib/not-implemented.ts";
import type { Segment, Tcb, TcpEvent, Transition } from "../lib/tcp.ts";

/**
 * One step of the opening state machine: given an endpoint's Tcb and one event,
 * return its new Tcb and the segments it sends (`send`, often empty).
 *
 * Implement these rows of the lesson's table (RFC 9293 §3.10):
 *
 * CLOSED
 *   - open passive  -> LISTEN, passiveOpen true, nothing sent.
 *   - open active   -> SYN-SENT, send SYN seq=ISS; sndUna = ISS, sndNxt = ISS + 1.
 *   - a segment     -> stay CLOSED and answer with a reset: if it has RST, send
 *     nothing; if it has ACK, send RST seq=SEG.ACK; otherwise send RST,ACK seq=0
 *     ack=SEG.SEQ + SEG.LEN (SEG.LEN = dataLength + 1 for SYN + 1 for FIN).
 * LISTEN (check the segment's bits in this order: RST, ACK, SYN)
 *   - open active   -> SYN-SENT exactly as from CLOSED (passiveOpen false now).
 *   - close, abort  -> CLOSED.
 *   - RST           -> ignore it.
 *   - any ACK       -> stay LISTEN, send RST seq=SEG.ACK.
 *   - SYN           -> SYN-RECEIVED with passiveOpen true; irs = SEG.SEQ,
 *     rcvNxt = SEG.SEQ + 1, sndUna = ISS, sndNxt = ISS + 1; send SYN,ACK seq=ISS
 *     ack=rcvNxt.
 * SYN-SENT (check in this order: the ACK field, then RST, then SYN)
 *   - close, abort  -> CLOSED, nothing sent (no RST: nobody knows about us yet).
 *   - ACK set but not acceptable (acceptable means sndUna < SEG.ACK =< sndNxt,
 *     i.e. exactly ISS + 1 here): if RST is also set drop it, otherwise send RST
 *     seq=SEG.ACK; stay SYN-SENT.
 *   - RST with an acceptable ACK -> CLOSED (connection refused). RST without
 *     ACK -> drop it, stay SYN-SENT.
 *   - SYN,ACK (acceptable) -> ESTABLISHED: irs = SEG.SEQ, rcvNxt = SEG.SEQ + 1,
 *     sndUna = SEG.ACK; send ACK seq=sndNxt ack=rcvNxt. (The client is ESTABLISHED
 *     now, before the server is!)
 *   - SYN without ACK (simultaneous open) -> SYN-RECEIVED with passiveOpen
 *     false; irs, rcvNxt as above; send SYN,ACK seq=ISS ack=rcvNxt.
 * SYN-RECEIVED (segments only; lesson 04 adds close and abort, the sequence
 * check and the FIN bit, so ignore a FIN here: answer as if it were not set)
 *   - RST with SEG.SEQ exactly rcvNxt (a "valid" RST) -> passive origin: back to
 *     LISTEN; active origin: CLOSED. Any other RST changes nothing: drop it, or
 *     (your choice, both are accepted) send the challenge ACK seq=sndNxt
 *     ack=rcvNxt.
 *   - SYN, passive origin -> back to LISTEN.
 *   - no ACK bit -> drop it.
 *   - acceptable ACK (sndUna < SEG.ACK =< sndNxt) -> ESTABLISHED, sndUna = SEG.ACK.
 *   - unacceptable ACK -> stay, send RST seq=SEG.ACK.
 *   - simultaneous open (passiveOpen false only): the peer's SYN,ACK repeats its
 *     SYN (SEG.SEQ = irs). Treat it as the ACK it carries: an acceptable one ->
 *     ESTABLISHED, an unacceptable one -> RST seq=SEG.ACK, as for any ACK.
 *   Lesson 04 only ever hands you SYN-RECEIVED segments that are a RST, that
 *   start at rcvNxt (a SYN there only with passive origin), or that are that
 *   simultaneous-open SYN,ACK; the others (e.g. a SYN,ACK at irs after a
 *   passive open: RFC 9293 §3.10.7.4 answers it with an ACK) are lesson 04's.
 *
 * Everything else (an open on an open connection, close or abort in CLOSED, a
 * segment with none of the bits above, the 2MSL timeout, and open or the 2MSL
 * timeout in the states after SYN-RECEIVED): return the Tcb unchanged and send
 * nothing. Segments in ESTABLISHED and later, and close or abort in SYN-RECEIVED
 * and later, never reach this function: lesson 04 answers them.
 *
 * What is compared, exactly: every field of the Tcb you return, and every field
 * of every segment you send (all eight flags, seq, ack, dataLength). So:
 *   - a row changes only the fields it names; the others keep their values;
 *   - CLOSED is exactly closedTcb(tcb.iss), LISTEN exactly
 *     { ...closedTcb(tcb.iss), state: "LISTEN", passiveOpen: true }: nothing else
 *     is remembered there, only the ISS, which never changes;
 *   - a reset you send is RST alone where a row says "RST" and RST,ACK only where
 *     it says so (lesson 01's [R] versus [R.]);
 *   - segments you send have dataLength 0 and ack 0 when the ACK flag is clear.
 *
 * What you are given: the course never sends a segment with both SYN and FIN,
 * and segments carry data (dataLength > 0) only when they arrive in CLOSED. The
 * ack field of a segment without the ACK bit means nothing: do not read it.
 * Flags are read by name (their keys may come in any order).
 *
 * Rules for every case: all sequence arithmetic is modulo 2^32 (ISS + 1 of
 * 4294967295 is 0); never modify `tcb` or `event` (return a new object).
 */
export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  throw notImplemented("nextState");
}

/**
 * The three segments of a handshake, in order, between a client whose ISN is
 * `isnClient` and a server whose ISN is `isnServer`:
 *   SYN seq=isnClient  ->  SYN,ACK seq=isnServer ack=isnClient+1  ->  ACK seq=isnClient+1 ack=isnServer+1
 * For example (100, 300) gives SYN seq=100, SYN,ACK seq=300 ack=101, ACK seq=101 ack=301.
 * Only SYN and ACK flags are ever set; dataLength is 0; `ack` is 0 in the first
 * segment (its ACK flag is clear). Arithmetic is modulo 2^32.
 */
export function handshakeSegments(isnClient: number, isnServer: number): readonly [Segment, Segment, Segment] {
  throw notImplemented("handshakeSegments");
}
