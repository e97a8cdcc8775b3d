// Mistake: treats a FIN like a pure ACK: sending one leaves SND.NXT where it was, and receiving one acknowledges SEG.SEQ instead of SEG.SEQ + 1.
import type { Tcb, TcpEvent, Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/04-teardown.ts";

const minus1 = (x: number) => (x + 2 ** 32 - 1) % 2 ** 32;

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  const t = reference(tcb, event);
  const sentFin = t.send.some((s) => s.flags.FIN);
  const tookFin = event.kind === "segment" && event.segment.flags.FIN && t.tcb.rcvNxt !== tcb.rcvNxt;
  if (!sentFin && !tookFin) return t;
  const out: Tcb = { ...t.tcb, sndNxt: sentFin ? minus1(t.tcb.sndNxt) : t.tcb.sndNxt, rcvNxt: tookFin ? minus1(t.tcb.rcvNxt) : t.tcb.rcvNxt };
  return { tcb: out, send: t.send.map((s) => (tookFin && s.flags.ACK ? { ...s, ack: out.rcvNxt } : s)) };
}
