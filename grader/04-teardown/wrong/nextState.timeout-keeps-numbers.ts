// Mistake: the 2MSL timeout only changes the state ({ ...tcb, state: "CLOSED" }), so the closed TCB keeps the old connection's numbers instead of being closedTcb(iss).
import { type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/04-teardown.ts";


export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  if (tcb.state === "TIME-WAIT" && event.kind === "time-wait-timeout") return { tcb: { ...tcb, state: "CLOSED" }, send: [] };
  return reference(tcb, event);
}
