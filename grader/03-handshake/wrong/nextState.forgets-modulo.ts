// Mistake: computes ISS + 1 and SEG.SEQ + 1 with plain +, so an ISN of 2^32 - 1 gives 2^32 instead of wrapping to 0.
import type { Segment, Tcb, TcpEvent, Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/03-handshake.ts";

const unwrap = (x: number, base: number) => (x < base ? x + 2 ** 32 : x);

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  const t = reference(tcb, event);
  const n = t.tcb;
  const tcbOut: Tcb = { ...n, sndNxt: unwrap(n.sndNxt, n.iss), rcvNxt: n.rcvNxt === 0 && n.irs === 0 ? 0 : unwrap(n.rcvNxt, n.irs) };
  const send: Segment[] = t.send.map((s) => (s.flags.ACK && s.ack < n.irs && s.flags.SYN ? { ...s, ack: s.ack + 2 ** 32 } : s));
  return { tcb: tcbOut, send };
}
