// Mistake: reads the flags by position (Object.values in header order) instead of by name, so flags built with their keys in another order are misread.
import { flags, type Segment, type Tcb, type TcpEvent, type Transition } from "../../../lib/tcp.ts";
import { nextState as reference } from "../../../solutions/03-handshake.ts";


const ORDER = ["CWR", "ECE", "URG", "ACK", "PSH", "RST", "SYN", "FIN"] as const;

export function nextState(tcb: Tcb, event: TcpEvent): Transition {
  if (event.kind !== "segment") return reference(tcb, event);
  const values = Object.values(event.segment.flags);
  const byPosition = Object.fromEntries(ORDER.map((n, k) => [n, values[k] === true])) as Segment["flags"];
  return reference(tcb, { kind: "segment", segment: { ...event.segment, flags: byPosition } });
}
