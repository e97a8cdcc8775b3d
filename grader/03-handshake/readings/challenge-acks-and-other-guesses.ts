// Chooses the other accepted answer (a challenge ACK for a RST in SYN-RECEIVED that is not exactly at rcvNxt) and guesses freely where the stub says lesson 04 answers: the old rule for a SYN,ACK at irs after a passive open (ESTABLISHED), a RST for SYN-RECEIVED segments off rcvNxt, close and abort in SYN-RECEIVED and later as if nothing happened but a RST,ACK, and segments from ESTABLISHED on answered with RST,ACK. Lesson 03 must accept it, and lesson 04's reference built on it must pass.
import { flags, type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { handshakeSegments, nextState as reference } from "../../../solutions/03-handshake.ts";

export { handshakeSegments };

const LATER = ["ESTABLISHED", "FIN-WAIT-1", "FIN-WAIT-2", "CLOSE-WAIT", "CLOSING", "LAST-ACK", "TIME-WAIT"];
const rstAck = (tcb: Tcb): Transition => ({ tcb, send: [{ seq: tcb.sndNxt, ack: tcb.rcvNxt, flags: flags("RST", "ACK"), dataLength: 0 }] });

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  const synReceived = tcb.state === "SYN-RECEIVED";
  if ((event.kind === "close" || event.kind === "abort") && (synReceived || LATER.includes(tcb.state))) return rstAck(tcb);
  if (event.kind !== "segment") return reference(tcb, event);
  const s = event.segment;
  if (LATER.includes(tcb.state)) return rstAck(tcb);
  if (!synReceived) return reference(tcb, event);
  if (s.flags.RST && s.seq !== tcb.rcvNxt) {
    return { tcb, send: [{ seq: tcb.sndNxt, ack: tcb.rcvNxt, flags: flags("ACK"), dataLength: 0 }] };
  }
  if (tcb.passiveOpen && s.flags.SYN && s.flags.ACK && !s.flags.RST && s.seq === tcb.irs) {
    return { tcb: { ...tcb, state: "ESTABLISHED", sndUna: s.ack }, send: [] };
  }
  const simultaneous = !tcb.passiveOpen && s.flags.SYN && s.flags.ACK && s.seq === tcb.irs;
  if (!s.flags.RST && !simultaneous && s.seq !== tcb.rcvNxt) return { tcb, send: [{ seq: s.ack, ack: 0, flags: flags("RST"), dataLength: 0 }] };
  return reference(tcb, event);
}
