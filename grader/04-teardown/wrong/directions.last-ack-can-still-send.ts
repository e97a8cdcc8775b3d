// Mistake: thinks an end may keep sending until its FIN is acknowledged, so LAST-ACK and CLOSING can still send.
import type { Directions, State } from "../../../lib/tcp.ts";
import { directions as reference } from "../../../solutions/04-teardown.ts";

export function directions(state: State): Directions {
  if (state === "LAST-ACK" || state === "CLOSING") return { send: true, receive: false };
  return reference(state);
}
