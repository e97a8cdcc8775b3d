// Mistake: a bare RST seq=SEG.ACK carries ack = SEG.SEQ in its ack field, though its ACK flag is clear (the stubs say ack is then 0).
import { flags, type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/03-handshake.ts";


export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  const t = reference(tcb, event);
  if (event.kind !== "segment") return t;
  const seq = event.segment.seq;
  return { tcb: t.tcb, send: t.send.map((s) => (s.flags.RST && !s.flags.ACK ? { ...s, ack: seq } : s)) };
}
