// Mistake: a reset in SYN-RECEIVED always goes back to LISTEN, ignoring that a simultaneous open (active origin) must go to CLOSED.
import { closedTcb, type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/03-handshake.ts";

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  const t = reference(tcb, event);
  if (tcb.state === "SYN-RECEIVED" && event.kind === "segment" && event.segment.flags.RST && t.tcb.state === "CLOSED") {
    return { tcb: { ...closedTcb(tcb.iss), state: "LISTEN", passiveOpen: true }, send: [] };
  }
  return t;
}
