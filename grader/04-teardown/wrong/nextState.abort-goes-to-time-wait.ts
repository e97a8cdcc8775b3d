// Mistake: reads RFC 9293 Figure 5's note 3 literally: the end that aborts (sends RST) waits in TIME-WAIT instead of going to CLOSED.
import type { Tcb, TcpEvent, Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/04-teardown.ts";

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  const t = reference(tcb, event);
  if (event.kind === "abort" && t.send.some((s) => s.flags.RST)) return { ...t, tcb: { ...tcb, state: "TIME-WAIT" } };
  return t;
}
