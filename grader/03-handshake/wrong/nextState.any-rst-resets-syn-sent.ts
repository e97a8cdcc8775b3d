// Mistake: in SYN-SENT any RST kills the connect, even one without an ACK of our SYN (a blind reset anyone could forge).
import { closedTcb, type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/03-handshake.ts";

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  if (tcb.state === "SYN-SENT" && event.kind === "segment" && event.segment.flags.RST) return { tcb: closedTcb(tcb.iss), send: [] };
  return reference(tcb, event);
}
