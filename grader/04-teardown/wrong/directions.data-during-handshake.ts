// Mistake: lets data flow both ways as soon as SYNs are exchanged (SYN-SENT, SYN-RECEIVED), before the connection is ESTABLISHED.
import type { Directions, State } from "../../../lib/tcp.ts";
import { directions as reference } from "../../../solutions/04-teardown.ts";

export function directions(state: State): Directions {
  if (state === "SYN-SENT" || state === "SYN-RECEIVED") return { send: true, receive: true };
  return reference(state);
}
