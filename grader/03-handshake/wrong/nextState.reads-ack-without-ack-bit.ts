// Mistake: in SYN-SENT, judges SEG.ACK without looking at the ACK bit, so a bare SYN whose (meaningless) ack field happens to be ISS + 1 is taken for a SYN,ACK and the client goes ESTABLISHED.
import { flags, type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/03-handshake.ts";


export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  if (tcb.state === "SYN-SENT" && event.kind === "segment" && !event.segment.flags.ACK && event.segment.ack !== 0) {
    return reference(tcb, { kind: "segment", segment: { ...event.segment, flags: { ...event.segment.flags, ACK: true } } });
  }
  return reference(tcb, event);
}
