// Mistake: treats keepalive as on unless it is explicitly switched off, so a config with `enabled` omitted probes (RFC 9293 MUST-25: it defaults to off).
import type { KeepaliveAction, KeepaliveConfig, KeepaliveState } from "../../../lib/tcp.ts";

export function keepaliveAction(config: KeepaliveConfig, state: KeepaliveState, now: number): KeepaliveAction {
  if (config.enabled === false || state.unackedData) return "none";
  const outstanding = state.lastProbeAt !== null && state.lastProbeAt > state.lastReceived ? state.probesSent : 0;
  if (outstanding === 0) return now - state.lastReceived >= config.idle ? "probe" : "none";
  if (now - state.lastProbeAt! < config.interval) return "none";
  return outstanding >= config.probes ? "abort" : "probe";
}
