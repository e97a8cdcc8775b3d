// Mistake: going back to LISTEN from SYN-RECEIVED only changes the state ({ ...tcb, state: "LISTEN" }), so the listener still remembers the old peer's IRS, RCV.NXT and its own SND.NXT.
import { type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/03-handshake.ts";


export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  const t = reference(tcb, event);
  if (tcb.state === "SYN-RECEIVED" && t.tcb.state === "LISTEN") return { tcb: { ...tcb, state: "LISTEN" }, send: t.send };
  return t;
}
