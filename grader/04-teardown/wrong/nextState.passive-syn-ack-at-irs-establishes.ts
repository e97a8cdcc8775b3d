// Mistake: after a passive open, takes a SYN,ACK repeating the client's ISN (SEG.SEQ = irs) as the ACK it carries and goes ESTABLISHED; RFC 9293 §3.10.7.4 says it fails the sequence check (ACK, stay). Only a simultaneous open has that exception.
import { flags, type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/04-teardown.ts";


export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  if (tcb.state === "SYN-RECEIVED" && tcb.passiveOpen && event.kind === "segment") {
    const s = event.segment;
    if (s.flags.SYN && s.flags.ACK && !s.flags.RST && s.seq === tcb.irs && s.ack === tcb.sndNxt) return { tcb: { ...tcb, state: "ESTABLISHED", sndUna: s.ack }, send: [] };
  }
  return reference(tcb, event);
}
