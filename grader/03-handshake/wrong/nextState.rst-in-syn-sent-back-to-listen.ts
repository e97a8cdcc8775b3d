// Mistake: a refused connect (RST in SYN-SENT) returns to LISTEN, as RFC 9293 §3.5 reads, instead of CLOSED (§3.10.7.3, the workbook's decision).
import { closedTcb, type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/03-handshake.ts";

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  const t = reference(tcb, event);
  if (tcb.state === "SYN-SENT" && event.kind === "segment" && event.segment.flags.RST && t.tcb.state === "CLOSED") {
    return { tcb: { ...closedTcb(tcb.iss), state: "LISTEN", passiveOpen: true }, send: [] };
  }
  return t;
}
