// Takes the stub at its word: it answers every event the stub lists and throws for every one the stub says never reaches it (close and abort after SYN-SENT, segments from ESTABLISHED on, the SYN-RECEIVED segments lesson 04's first checks answer, the 2MSL timeout in TIME-WAIT, SYN with FIN, data outside CLOSED). Lesson 03 must accept it, and lesson 04's reference built on it must pass: lesson 04 hands over nothing lesson 03 does not grade.
import type { Tcb, TcpEvent, Transition } from "../../../lib/tcp.ts";
import { handshakeSegments, nextState as reference } from "../../../solutions/03-handshake.ts";

export { handshakeSegments };

function reachesMe(tcb: Tcb, event: TcpEvent): boolean {
  const opening = tcb.state === "CLOSED" || tcb.state === "LISTEN" || tcb.state === "SYN-SENT";
  if (event.kind === "open") return true;
  if (event.kind === "time-wait-timeout") return tcb.state !== "TIME-WAIT";
  if (event.kind !== "segment") return opening;
  const s = event.segment;
  if (s.flags.SYN && s.flags.FIN) return false;
  if (s.dataLength > 0 && tcb.state !== "CLOSED") return false;
  if (opening) return true;
  if (tcb.state !== "SYN-RECEIVED") return false;
  if (s.flags.RST) return true;
  if (!tcb.passiveOpen && s.flags.SYN && s.flags.ACK && s.seq === tcb.irs) return true;
  if (s.seq !== tcb.rcvNxt) return false;
  return !s.flags.SYN || tcb.passiveOpen;
}

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  if (!reachesMe(tcb, event)) throw new Error(`lesson 04 answers this, not lesson 03: ${tcb.state}, ${event.kind}`);
  return reference(tcb, event);
}
