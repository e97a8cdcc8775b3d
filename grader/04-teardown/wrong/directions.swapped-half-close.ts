// Mistake: swaps the half-close: thinks FIN-WAIT-1/2 can still send and CLOSE-WAIT can still receive (the FIN closes the sender's direction, not the receiver's).
import type { Directions, State } from "../../../lib/tcp.ts";
import { directions as reference } from "../../../solutions/04-teardown.ts";

export function directions(state: State): Directions {
  const d = reference(state);
  if (state === "FIN-WAIT-1" || state === "FIN-WAIT-2" || state === "CLOSE-WAIT") return { send: d.receive, receive: d.send };
  return d;
}
