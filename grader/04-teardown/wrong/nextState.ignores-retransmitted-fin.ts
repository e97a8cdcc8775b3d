// Mistake: in TIME-WAIT (and the other closing states) an old segment such as the peer's retransmitted FIN is dropped silently, so a peer whose last ACK was lost never hears it again.
import type { Tcb, TcpEvent, Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/04-teardown.ts";

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  if (event.kind === "segment" && event.segment.flags.FIN && event.segment.seq !== tcb.rcvNxt && ["CLOSE-WAIT", "CLOSING", "LAST-ACK", "TIME-WAIT"].includes(tcb.state)) {
    return { tcb, send: [] };
  }
  return reference(tcb, event);
}
