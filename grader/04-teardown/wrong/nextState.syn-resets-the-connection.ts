// Mistake: follows RFC 793: a SYN in a synchronized state is answered with a RST and the connection is closed, instead of a challenge ACK (RFC 5961).
import { closedTcb, flags, type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/04-teardown.ts";

const AFTER = ["ESTABLISHED", "FIN-WAIT-1", "FIN-WAIT-2", "CLOSE-WAIT", "CLOSING", "LAST-ACK", "TIME-WAIT"];

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  if (event.kind === "segment" && event.segment.flags.SYN && !event.segment.flags.RST && AFTER.includes(tcb.state)) {
    return { tcb: closedTcb(tcb.iss), send: [{ seq: tcb.sndNxt, ack: 0, flags: flags("RST"), dataLength: 0 }] };
  }
  return reference(tcb, event);
}
