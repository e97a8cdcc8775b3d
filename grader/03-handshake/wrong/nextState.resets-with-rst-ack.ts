// Mistake: answers with RST,ACK (seq=SEG.ACK, ack=SEG.SEQ + 1) wherever the lesson prescribes a bare RST seq=SEG.ACK: [R.] instead of [R], the distinction lesson 01 teaches.
import { flags, type Segment, type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/03-handshake.ts";


export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  const t = reference(tcb, event);
  const send = t.send.map((s): Segment => (s.flags.RST && !s.flags.ACK && event.kind === "segment" ? { ...s, ack: (event.segment.seq + 1) % 2 ** 32, flags: flags("RST", "ACK") } : s));
  return { tcb: t.tcb, send };
}
