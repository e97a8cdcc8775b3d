// Mistake: takes in a FIN that has no ACK bit (step 4 of the stub drops every segment without ACK), moving RCV.NXT and the state as if the ACK bit were set.
import { flags, type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/04-teardown.ts";


export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  if (event.kind === "segment" && event.segment.flags.FIN && !event.segment.flags.ACK && !event.segment.flags.RST && !event.segment.flags.SYN && tcb.state !== "CLOSED" && tcb.state !== "LISTEN" && tcb.state !== "SYN-SENT") {
    return reference(tcb, { kind: "segment", segment: { ...event.segment, ack: tcb.sndNxt, flags: { ...event.segment.flags, ACK: true } } });
  }
  return reference(tcb, event);
}
