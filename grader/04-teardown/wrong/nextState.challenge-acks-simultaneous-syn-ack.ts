// Mistake: reads "a SYN when passiveOpen is false: challenge ACK" as covering the simultaneous-open SYN,ACK too, so a simultaneous open never reaches ESTABLISHED.
import { flags, type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/04-teardown.ts";


export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  if (tcb.state === "SYN-RECEIVED" && !tcb.passiveOpen && event.kind === "segment" && event.segment.flags.SYN && !event.segment.flags.RST) {
    return { tcb, send: [{ seq: tcb.sndNxt, ack: tcb.rcvNxt, flags: flags("ACK"), dataLength: 0 }] };
  }
  return reference(tcb, event);
}
