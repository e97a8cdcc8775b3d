// Mistake: uses > where the rules say >=, so every probe and the abort come 1 ms late (at exactly idle, nothing happens).
import type { KeepaliveAction, KeepaliveConfig, KeepaliveState } from "../../../lib/tcp.ts";

export function keepaliveAction(config: KeepaliveConfig, state: KeepaliveState, now: number): KeepaliveAction {
  if (config.enabled !== true || state.unackedData) return "none";
  const outstanding = state.lastProbeAt !== null && state.lastProbeAt > state.lastReceived ? state.probesSent : 0;
  if (outstanding === 0) return now - state.lastReceived > config.idle ? "probe" : "none";
  if (now - state.lastProbeAt! <= config.interval) return "none";
  return outstanding >= config.probes ? "abort" : "probe";
}
