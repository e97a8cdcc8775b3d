// Mistake: CLOSED answers a segment without ACK with RST,ACK ack = SEG.SEQ + SYN + FIN, forgetting the data bytes that SEG.LEN also counts.
import { type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/03-handshake.ts";


export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  if (tcb.state === "CLOSED" && event.kind === "segment") return reference(tcb, { kind: "segment", segment: { ...event.segment, dataLength: 0 } });
  return reference(tcb, event);
}
