// Mistake: the 2MSL timeout closes the connection whatever its state, not only in TIME-WAIT.
import { closedTcb, type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/04-teardown.ts";

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  if (event.kind === "time-wait-timeout" && tcb.state !== "LISTEN" && tcb.state !== "CLOSED") return { tcb: closedTcb(tcb.iss), send: [] };
  return reference(tcb, event);
}
