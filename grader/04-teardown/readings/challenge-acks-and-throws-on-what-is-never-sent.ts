// Chooses the other accepted answer everywhere (a challenge ACK for every RST that is not exactly at rcvNxt, after the handshake too), and throws for what the stub says it is never given (SYN with FIN, data outside CLOSED, a second FIN at rcvNxt after the peer's). Lesson 04 must accept it, and lesson 08's reference built on it must pass.
import { flags, type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { closeOutcome, directions, nextState as reference } from "../../../solutions/04-teardown.ts";

export { closeOutcome, directions };

const SYNCHRONIZED = ["SYN-RECEIVED", "ESTABLISHED", "FIN-WAIT-1", "FIN-WAIT-2", "CLOSE-WAIT", "CLOSING", "LAST-ACK", "TIME-WAIT"];
const PEER_FIN_IN = ["CLOSE-WAIT", "CLOSING", "LAST-ACK", "TIME-WAIT"];

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  if (event.kind !== "segment") return reference(tcb, event);
  const s = event.segment;
  const f = s.flags;
  if ((f.SYN && f.FIN) || (s.dataLength > 0 && tcb.state !== "CLOSED") || (f.FIN && !f.RST && PEER_FIN_IN.includes(tcb.state) && s.seq === tcb.rcvNxt)) {
    throw new Error(`never sent to nextState: ${tcb.state}`);
  }
  if (f.RST && s.seq !== tcb.rcvNxt && SYNCHRONIZED.includes(tcb.state)) {
    return { tcb, send: [{ seq: tcb.sndNxt, ack: tcb.rcvNxt, flags: flags("ACK"), dataLength: 0 }] };
  }
  return reference(tcb, event);
}
