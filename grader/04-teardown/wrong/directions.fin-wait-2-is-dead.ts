// Mistake: takes FIN-WAIT-2 for a "half-dead connection" where nothing flows, instead of a half-close where the peer's data still arrives.
import type { Directions, State } from "../../../lib/tcp.ts";
import { directions as reference } from "../../../solutions/04-teardown.ts";

export function directions(state: State): Directions {
  if (state === "FIN-WAIT-2") return { send: false, receive: false };
  return reference(state);
}
