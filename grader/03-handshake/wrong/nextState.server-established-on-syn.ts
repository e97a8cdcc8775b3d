// Mistake: the server counts the connection as open as soon as the SYN arrives (LISTEN -> ESTABLISHED), as if the third segment did not matter.
import type { Tcb, TcpEvent, Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/03-handshake.ts";

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  const t = reference(tcb, event);
  if (tcb.state === "LISTEN" && t.tcb.state === "SYN-RECEIVED") return { ...t, tcb: { ...t.tcb, state: "ESTABLISHED" } };
  return t;
}
