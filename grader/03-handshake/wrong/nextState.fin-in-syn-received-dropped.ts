// Mistake: drops any segment with FIN in SYN-RECEIVED instead of ignoring the FIN bit, so the ACK that completes the handshake with a FIN on it never opens the connection.
import { flags, type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/03-handshake.ts";


export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  if (tcb.state === "SYN-RECEIVED" && event.kind === "segment" && event.segment.flags.FIN) return { tcb, send: [] };
  return reference(tcb, event);
}
