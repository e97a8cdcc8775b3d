// Mistake: the end that closed second (LAST-ACK) waits in TIME-WAIT when its FIN is acknowledged, instead of closing at once.
import type { Tcb, TcpEvent, Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/04-teardown.ts";

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  const t = reference(tcb, event);
  if (tcb.state === "LAST-ACK" && event.kind === "segment" && !event.segment.flags.RST && t.tcb.state === "CLOSED") {
    return { tcb: { ...tcb, state: "TIME-WAIT", sndUna: tcb.sndNxt }, send: [] };
  }
  return t;
}
