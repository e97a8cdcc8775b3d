// Mistake: off by one in the probe count: aborts when probes − 1 have gone unanswered (Linux would stop after 8 probes instead of 9, at 7800 s instead of 7875 s).
import type { KeepaliveAction, KeepaliveConfig, KeepaliveState } from "../../../lib/tcp.ts";

export function keepaliveAction(config: KeepaliveConfig, state: KeepaliveState, now: number): KeepaliveAction {
  if (config.enabled !== true || state.unackedData) return "none";
  const outstanding = state.lastProbeAt !== null && state.lastProbeAt > state.lastReceived ? state.probesSent : 0;
  if (outstanding === 0) return now - state.lastReceived >= config.idle ? "probe" : "none";
  if (now - state.lastProbeAt! < config.interval) return "none";
  return outstanding >= config.probes - 1 ? "abort" : "probe";
}
