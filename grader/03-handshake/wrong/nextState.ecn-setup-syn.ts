// Mistake: opens with an ECN-setup SYN (SYN with ECE and CWR, RFC 3168) where the lesson prescribes a bare SYN seq=ISS; every flag of a segment is compared.
import { flags, type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/03-handshake.ts";


export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  const t = reference(tcb, event);
  return { tcb: t.tcb, send: t.send.map((s) => (s.flags.SYN && !s.flags.ACK ? { ...s, flags: { ...s.flags, ECE: true, CWR: true } } : s)) };
}
