// Mistake: the client answers the SYN,ACK but stays in SYN-SENT, waiting for the server to confirm once more (it should be ESTABLISHED at once).
import type { Tcb, TcpEvent, Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/03-handshake.ts";

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  const t = reference(tcb, event);
  if (tcb.state === "SYN-SENT" && t.tcb.state === "ESTABLISHED") return { ...t, tcb: { ...t.tcb, state: "SYN-SENT" } };
  return t;
}
