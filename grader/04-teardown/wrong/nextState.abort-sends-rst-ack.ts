// Mistake: ABORT sends RST,ACK seq=SND.NXT ack=RCV.NXT (what Linux puts on the wire) where the lesson prescribes <SEQ=SND.NXT><CTL=RST>; every flag is compared.
import { flags, type Segment, type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/04-teardown.ts";


export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  const t = reference(tcb, event);
  if (event.kind !== "abort") return t;
  return { tcb: t.tcb, send: t.send.map((s): Segment => (s.flags.RST ? { ...s, ack: tcb.rcvNxt, flags: flags("RST", "ACK") } : s)) };
}
