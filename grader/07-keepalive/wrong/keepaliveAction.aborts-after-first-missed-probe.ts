// Mistake: takes the first unanswered probe as proof of death and aborts (RFC 9293 MUST-29: a lost probe or its lost ACK is not death).
import type { KeepaliveAction, KeepaliveConfig, KeepaliveState } from "../../../lib/tcp.ts";

export function keepaliveAction(config: KeepaliveConfig, state: KeepaliveState, now: number): KeepaliveAction {
  if (config.enabled !== true || state.unackedData) return "none";
  const outstanding = state.lastProbeAt !== null && state.lastProbeAt > state.lastReceived ? state.probesSent : 0;
  if (outstanding === 0) return now - state.lastReceived >= config.idle ? "probe" : "none";
  if (now - state.lastProbeAt! < config.interval) return "none";
  return "abort";
}
