// Mistake: in FIN-WAIT-1 looks at the FIN bit before the ACK field, so a FIN that also acknowledges our FIN leads to CLOSING instead of straight to TIME-WAIT.
import type { Tcb, TcpEvent, Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/04-teardown.ts";

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  const t = reference(tcb, event);
  if (tcb.state === "FIN-WAIT-1" && t.tcb.state === "TIME-WAIT") return { ...t, tcb: { ...t.tcb, state: "CLOSING", sndUna: tcb.sndUna } };
  return t;
}
