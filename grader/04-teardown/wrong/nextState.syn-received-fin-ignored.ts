// Mistake: when the ACK that completes the handshake also carries a FIN, goes to ESTABLISHED only, forgetting to take in the FIN (CLOSE-WAIT, RCV.NXT + 1, an ACK).
import { flags, type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/04-teardown.ts";


export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  if (tcb.state === "SYN-RECEIVED" && event.kind === "segment" && event.segment.flags.FIN && event.segment.flags.ACK && !event.segment.flags.SYN && !event.segment.flags.RST) {
    return reference(tcb, { kind: "segment", segment: { ...event.segment, flags: { ...event.segment.flags, FIN: false } } });
  }
  return reference(tcb, event);
}
