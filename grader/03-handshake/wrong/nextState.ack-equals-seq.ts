// Mistake: acknowledges the peer's SYN with ack = SEG.SEQ instead of SEG.SEQ + 1 (forgets that a SYN consumes a sequence number).
import type { Tcb, TcpEvent, Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/03-handshake.ts";

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  const t = reference(tcb, event);
  if (event.kind === "segment" && event.segment.flags.SYN && (t.tcb.state === "SYN-RECEIVED" || t.tcb.state === "ESTABLISHED") && t.tcb.irs === event.segment.seq && tcb.state !== t.tcb.state) {
    const rcvNxt = event.segment.seq;
    return {
      tcb: { ...t.tcb, rcvNxt },
      send: t.send.map((s) => (s.flags.ACK ? { ...s, ack: rcvNxt } : s)),
    };
  }
  return t;
}
