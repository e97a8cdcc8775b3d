// Mistake: sends a heartbeat when the peer has been quiet (lastHeard) instead of when we have been quiet (lastSent), so a silent end never tells its peer it is alive.
import type { HeartbeatAction, HeartbeatConfig, HeartbeatState } from "../../../lib/tcp.ts";

export function heartbeatAction(config: HeartbeatConfig, state: HeartbeatState, now: number): HeartbeatAction {
  if (now - state.lastHeard >= config.timeout) return "close";
  if (now - state.lastHeard >= config.interval) return "send-ping";
  return "none";
}
