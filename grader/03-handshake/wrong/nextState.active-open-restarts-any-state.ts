// Mistake: an active OPEN in any state starts a new handshake (SYN-SENT, a new SYN), even on a connection that is already open; the stub says an open on an open connection changes nothing.
import { closedTcb, type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/03-handshake.ts";


export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  if (event.kind === "open" && event.mode === "active" && tcb.state !== "CLOSED" && tcb.state !== "LISTEN") return reference(closedTcb(tcb.iss), event);
  return reference(tcb, event);
}
