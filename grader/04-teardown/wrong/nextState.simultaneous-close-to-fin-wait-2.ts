// Mistake: a FIN arriving in FIN-WAIT-1 is taken as "the other side agreed", going to FIN-WAIT-2 instead of CLOSING when our own FIN is not yet acknowledged.
import type { Tcb, TcpEvent, Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/04-teardown.ts";

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  const t = reference(tcb, event);
  if (tcb.state === "FIN-WAIT-1" && t.tcb.state === "CLOSING") return { ...t, tcb: { ...t.tcb, state: "FIN-WAIT-2" } };
  return t;
}
