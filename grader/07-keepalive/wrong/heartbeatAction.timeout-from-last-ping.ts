// Mistake: measures the timeout from our own last send instead of from the last time we heard the peer, so an end that keeps pinging never notices a dead peer.
import type { HeartbeatAction, HeartbeatConfig, HeartbeatState } from "../../../lib/tcp.ts";

export function heartbeatAction(config: HeartbeatConfig, state: HeartbeatState, now: number): HeartbeatAction {
  if (now - state.lastSent >= config.timeout) return "close";
  if (now - state.lastSent >= config.interval) return "send-ping";
  return "none";
}
