// Mistake: computes every deadline from the last receipt (probe n+1 at lastReceived + idle + n × interval, the "7875 s" formula) instead of from the last probe, so a probe that went out late shortens the next wait.
import type { KeepaliveAction, KeepaliveConfig, KeepaliveState } from "../../../lib/tcp.ts";

export function keepaliveAction(config: KeepaliveConfig, state: KeepaliveState, now: number): KeepaliveAction {
  if (config.enabled !== true || state.unackedData) return "none";
  const outstanding = state.lastProbeAt !== null && state.lastProbeAt > state.lastReceived ? state.probesSent : 0;
  const due = state.lastReceived + config.idle + outstanding * config.interval;
  if (now < due) return "none";
  if (outstanding === 0) return "probe";
  return outstanding >= config.probes ? "abort" : "probe";
}
