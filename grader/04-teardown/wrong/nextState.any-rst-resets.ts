// Mistake: believes every RST, whatever its sequence number (RFC 793's "in the window", without RFC 5961's exact RCV.NXT), so a blind attacker can reset the connection.
import { closedTcb, type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/04-teardown.ts";

const AFTER = ["ESTABLISHED", "FIN-WAIT-1", "FIN-WAIT-2", "CLOSE-WAIT", "CLOSING", "LAST-ACK", "TIME-WAIT"];

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  if (event.kind === "segment" && event.segment.flags.RST && AFTER.includes(tcb.state)) return { tcb: closedTcb(tcb.iss), send: [] };
  return reference(tcb, event);
}
