// Mistake: in a simultaneous open, drops the peer's SYN,ACK (SEG.SEQ = irs) when its ACK is not acceptable, instead of answering RST seq=SEG.ACK as for any unacceptable ACK.
import { flags, type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/03-handshake.ts";


export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  const t = reference(tcb, event);
  if (tcb.state === "SYN-RECEIVED" && !tcb.passiveOpen && event.kind === "segment" && event.segment.flags.SYN && event.segment.seq === tcb.irs && t.send.some((s) => s.flags.RST)) {
    return { tcb, send: [] };
  }
  return t;
}
