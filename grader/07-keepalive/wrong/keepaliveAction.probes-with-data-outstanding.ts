// Mistake: probes even while sent data is unacknowledged (RFC 9293 MUST-26: then the retransmission timer is in charge, not keepalive).
import type { KeepaliveAction, KeepaliveConfig, KeepaliveState } from "../../../lib/tcp.ts";

export function keepaliveAction(config: KeepaliveConfig, state: KeepaliveState, now: number): KeepaliveAction {
  if (config.enabled !== true) return "none";
  const outstanding = state.lastProbeAt !== null && state.lastProbeAt > state.lastReceived ? state.probesSent : 0;
  if (outstanding === 0) return now - state.lastReceived >= config.idle ? "probe" : "none";
  if (now - state.lastProbeAt! < config.interval) return "none";
  return outstanding >= config.probes ? "abort" : "probe";
}
