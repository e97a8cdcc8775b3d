// Mistake: clears passiveOpen when leaving SYN-RECEIVED by close or by a FIN ("it only matters in SYN-RECEIVED"); the stub says a step changes only the fields it names.
import { type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/04-teardown.ts";


export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  const t = reference(tcb, event);
  if (tcb.state === "SYN-RECEIVED" && (t.tcb.state === "FIN-WAIT-1" || t.tcb.state === "CLOSE-WAIT")) return { tcb: { ...t.tcb, passiveOpen: false }, send: t.send };
  return t;
}
