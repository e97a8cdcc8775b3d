// Mistake: every close() sends a FIN, even when this end has already sent one (FIN-WAIT-1/2, CLOSING, LAST-ACK, TIME-WAIT).
import { flags, type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/04-teardown.ts";

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  if (event.kind === "close" && ["FIN-WAIT-1", "FIN-WAIT-2", "CLOSING", "LAST-ACK", "TIME-WAIT"].includes(tcb.state)) {
    const fin = { seq: tcb.sndNxt, ack: tcb.rcvNxt, flags: flags("FIN", "ACK"), dataLength: 0 };
    return { tcb: { ...tcb, sndNxt: (tcb.sndNxt + 1) % 2 ** 32 }, send: [fin] };
  }
  return reference(tcb, event);
}
