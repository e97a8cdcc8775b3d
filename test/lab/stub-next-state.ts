/**
 * A small stand-in for lesson 04's nextState, for the lab's tests only: the
 * opening and closing rows the lab's scenarios use (tcp-facts §2), with a receive
 * window so an ACK that overtakes a held-back FIN is accepted (RFC 9293 Table 5).
 * Not a reference: a RST counts only at exactly RCV.NXT, and no challenge ACKs.
 */
import { closedTcb, flags, SEQ_MODULUS, type FlagName, type Segment, type Tcb, type TcpEvent, type Transition } from "../../lib/tcp.ts";

const WINDOW = 65_535;
const mod = (x: number) => ((x % SEQ_MODULUS) + SEQ_MODULUS) % SEQ_MODULUS;
const seg = (seq: number, ack: number, ...f: FlagName[]): Segment => ({ seq, ack, flags: flags(...f), dataLength: 0 });
const same = (tcb: Tcb): Transition => ({ tcb, send: [] });
const ackable = (t: Tcb, ack: number) => mod(ack - t.sndUna) > 0 && mod(ack - t.sndUna) <= mod(t.sndNxt - t.sndUna);

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  const s = tcb.state;
  if (event.kind === "open") {
    if (s === "CLOSED" && event.mode === "passive") return same({ ...tcb, state: "LISTEN", passiveOpen: true });
    if (s === "CLOSED" || s === "LISTEN") {
      return { tcb: { ...closedTcb(tcb.iss), state: "SYN-SENT", sndNxt: mod(tcb.iss + 1) }, send: [seg(tcb.iss, 0, "SYN")] };
    }
    return same(tcb);
  }
  if (event.kind === "close") {
    if (s === "LISTEN" || s === "SYN-SENT") return same(closedTcb(tcb.iss));
    const next = s === "CLOSE-WAIT" ? "LAST-ACK" : s === "ESTABLISHED" || s === "SYN-RECEIVED" ? "FIN-WAIT-1" : undefined;
    if (!next) return same(tcb);
    return { tcb: { ...tcb, state: next, sndNxt: mod(tcb.sndNxt + 1) }, send: [seg(tcb.sndNxt, tcb.rcvNxt, "FIN", "ACK")] };
  }
  if (event.kind === "abort") {
    const resets = ["SYN-RECEIVED", "ESTABLISHED", "FIN-WAIT-1", "FIN-WAIT-2", "CLOSE-WAIT"].includes(s);
    return { tcb: closedTcb(tcb.iss), send: resets ? [seg(tcb.sndNxt, 0, "RST")] : [] };
  }
  if (event.kind === "time-wait-timeout") return s === "TIME-WAIT" ? same(closedTcb(tcb.iss)) : same(tcb);

  const g = event.segment;
  if (s === "CLOSED") return same(tcb);
  if (s === "LISTEN") {
    if (!g.flags.SYN || g.flags.ACK) return same(tcb);
    const t: Tcb = { ...tcb, state: "SYN-RECEIVED", irs: g.seq, rcvNxt: mod(g.seq + 1), sndUna: tcb.iss, sndNxt: mod(tcb.iss + 1) };
    return { tcb: t, send: [seg(tcb.iss, t.rcvNxt, "SYN", "ACK")] };
  }
  if (s === "SYN-SENT") {
    if (!g.flags.SYN) return same(tcb);
    const base = { ...tcb, irs: g.seq, rcvNxt: mod(g.seq + 1) };
    if (g.flags.ACK && ackable(tcb, g.ack)) {
      return { tcb: { ...base, state: "ESTABLISHED", sndUna: g.ack }, send: [seg(tcb.sndNxt, base.rcvNxt, "ACK")] };
    }
    return { tcb: { ...base, state: "SYN-RECEIVED" }, send: [seg(tcb.iss, base.rcvNxt, "SYN", "ACK")] };
  }
  // Synchronized states. A RST exactly at RCV.NXT ends the connection.
  if (g.flags.RST) return same(g.seq === tcb.rcvNxt ? closedTcb(tcb.iss) : tcb);
  // A repeated SYN,ACK (simultaneous open) counts as an ACK at RCV.NXT.
  const seq = g.flags.SYN && g.seq === tcb.irs ? tcb.rcvNxt : g.seq;
  if (mod(seq - tcb.rcvNxt) >= WINDOW) return { tcb, send: [seg(tcb.sndNxt, tcb.rcvNxt, "ACK")] };
  let t = tcb;
  if (g.flags.ACK && ackable(t, g.ack)) t = { ...t, sndUna: g.ack };
  const finAcked = t.sndUna === t.sndNxt;
  if (t.state === "SYN-RECEIVED" && g.flags.ACK && finAcked) t = { ...t, state: "ESTABLISHED" };
  if (t.state === "FIN-WAIT-1" && finAcked) t = { ...t, state: "FIN-WAIT-2" };
  if (t.state === "CLOSING" && finAcked) t = { ...t, state: "TIME-WAIT" };
  if (t.state === "LAST-ACK" && finAcked) return same(closedTcb(t.iss));
  if (g.flags.FIN && seq === t.rcvNxt) {
    t = { ...t, rcvNxt: mod(t.rcvNxt + 1) };
    const after =
      t.state === "ESTABLISHED" || t.state === "SYN-RECEIVED" ? "CLOSE-WAIT"
      : t.state === "FIN-WAIT-1" ? "CLOSING"
      : t.state === "FIN-WAIT-2" ? "TIME-WAIT"
      : t.state;
    t = { ...t, state: after };
    return { tcb: t, send: [seg(t.sndNxt, t.rcvNxt, "ACK")] };
  }
  return same(t);
}
