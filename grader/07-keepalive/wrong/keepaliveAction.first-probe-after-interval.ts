// Mistake: waits `interval` instead of `idle` before the first probe (75 s instead of 2 hours on Linux).
import type { KeepaliveAction, KeepaliveConfig, KeepaliveState } from "../../../lib/tcp.ts";

export function keepaliveAction(config: KeepaliveConfig, state: KeepaliveState, now: number): KeepaliveAction {
  if (config.enabled !== true || state.unackedData) return "none";
  const outstanding = state.lastProbeAt !== null && state.lastProbeAt > state.lastReceived ? state.probesSent : 0;
  if (outstanding === 0) return now - state.lastReceived >= config.interval ? "probe" : "none";
  if (now - state.lastProbeAt! < config.interval) return "none";
  return outstanding >= config.probes ? "abort" : "probe";
}
