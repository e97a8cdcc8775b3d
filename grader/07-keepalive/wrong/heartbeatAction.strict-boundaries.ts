// Mistake: uses > where the rules say >=, so heartbeats and the close come 1 ms late.
import type { HeartbeatAction, HeartbeatConfig, HeartbeatState } from "../../../lib/tcp.ts";

export function heartbeatAction(config: HeartbeatConfig, state: HeartbeatState, now: number): HeartbeatAction {
  if (now - state.lastHeard > config.timeout) return "close";
  if (now - state.lastSent > config.interval) return "send-ping";
  return "none";
}
