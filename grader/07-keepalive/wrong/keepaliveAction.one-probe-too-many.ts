// Mistake: off by one the other way: sends probes + 1 probes before aborting (uses > instead of >=), so Linux would abort at 7950 s, not 7875 s.
import type { KeepaliveAction, KeepaliveConfig, KeepaliveState } from "../../../lib/tcp.ts";

export function keepaliveAction(config: KeepaliveConfig, state: KeepaliveState, now: number): KeepaliveAction {
  if (config.enabled !== true || state.unackedData) return "none";
  const outstanding = state.lastProbeAt !== null && state.lastProbeAt > state.lastReceived ? state.probesSent : 0;
  if (outstanding === 0) return now - state.lastReceived >= config.idle ? "probe" : "none";
  if (now - state.lastProbeAt! < config.interval) return "none";
  return outstanding > config.probes ? "abort" : "probe";
}
