// Mistake: keeps counting probes after the peer has answered: a segment from the peer does not reset the probe count or restart the idle time.
import type { KeepaliveAction, KeepaliveConfig, KeepaliveState } from "../../../lib/tcp.ts";

export function keepaliveAction(config: KeepaliveConfig, state: KeepaliveState, now: number): KeepaliveAction {
  if (config.enabled !== true || state.unackedData) return "none";
  if (state.probesSent === 0 || state.lastProbeAt === null) {
    return now - state.lastReceived >= config.idle ? "probe" : "none";
  }
  if (now - state.lastProbeAt < config.interval) return "none";
  return state.probesSent >= config.probes ? "abort" : "probe";
}
