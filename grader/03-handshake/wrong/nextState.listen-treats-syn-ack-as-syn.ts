// Mistake: LISTEN looks at the SYN bit first, so a stray SYN,ACK opens a half-open connection instead of being answered with a RST.
import type { Tcb, TcpEvent, Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/03-handshake.ts";

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  if (tcb.state === "LISTEN" && event.kind === "segment" && event.segment.flags.SYN && !event.segment.flags.RST) {
    return reference(tcb, { kind: "segment", segment: { ...event.segment, flags: { ...event.segment.flags, ACK: false } } });
  }
  return reference(tcb, event);
}
