// Mistake: going to CLOSED only changes the state, so the closed TCB keeps SND.NXT and the rest instead of being closedTcb(iss).
import { type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/03-handshake.ts";


export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  const t = reference(tcb, event);
  if (t.tcb.state === "CLOSED" && tcb.state !== "CLOSED") return { tcb: { ...tcb, state: "CLOSED", passiveOpen: false }, send: t.send };
  return t;
}
