// Mistake: checks the heartbeat before the timeout, so when both are due it pings a peer it should already have given up on.
import type { HeartbeatAction, HeartbeatConfig, HeartbeatState } from "../../../lib/tcp.ts";

export function heartbeatAction(config: HeartbeatConfig, state: HeartbeatState, now: number): HeartbeatAction {
  if (now - state.lastSent >= config.interval) return "send-ping";
  if (now - state.lastHeard >= config.timeout) return "close";
  return "none";
}
