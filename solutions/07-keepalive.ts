/**
 * Lesson 07, reference solution: TCP keepalive and an application heartbeat.
 *
 * Both are pure "what should the timer do now?" functions: the caller owns the
 * clock and the state, asks at any moment, and carries out the answer. All times
 * are whole milliseconds on one clock.
 */
import type {
  HeartbeatAction,
  HeartbeatConfig,
  HeartbeatState,
  KeepaliveAction,
  KeepaliveConfig,
  KeepaliveState,
} from "../lib/tcp.ts";

// ── TCP keepalive (RFC 9293 §3.8.4, RFC 1122 §4.2.3.6) ──────────────────────

/**
 * Counts the probes still waiting for an answer. Any segment from the peer
 * answers every probe sent before it (or in the same millisecond), so probes sent
 * at or before `lastReceived` no longer count, even if the caller has not yet
 * cleared `probesSent`.
 */
function unansweredProbes(state: KeepaliveState): number {
  // lastProbeAt is null exactly when probesSent is 0 (lib/tcp.ts): then nothing is outstanding.
  return state.lastProbeAt !== null && state.lastProbeAt > state.lastReceived ? state.probesSent : 0;
}

/**
 * What the keepalive timer of one endpoint does at time `now`.
 *
 * 1. Off unless the application turned it on (MUST-25).
 * 2. While data is unacknowledged the retransmission timer is in charge (MUST-26):
 *    its own give-up (tcp_retries2) ends a dead connection.
 * 3. No probe outstanding: probe once the peer has been silent for `idle`.
 * 4. Probes outstanding: give the latest one `interval` to be answered. Then send
 *    the next one, or, when `probes` have gone unanswered, abort. One lost probe
 *    is never taken as death (MUST-29): pure ACKs are not delivered reliably.
 *
 * Every boundary is inclusive: at exactly `lastReceived + idle` the first probe
 * is due, and at exactly `lastProbeAt + interval` the next step is. With Linux's
 * 7200 s / 75 s / 9 probes and nothing heard after time 0, that gives probes at
 * 7200, 7275, …, 7800 s and the abort at 7875 s, as the kernel does.
 */
export function keepaliveAction(config: KeepaliveConfig, state: KeepaliveState, now: number): KeepaliveAction {
  if (config.enabled !== true) return "none";
  if (state.unackedData) return "none";

  const outstanding = unansweredProbes(state);
  if (outstanding === 0) {
    return now - state.lastReceived >= config.idle ? "probe" : "none";
  }

  // outstanding > 0 implies lastProbeAt is a number (see unansweredProbes).
  const sinceProbe = now - (state.lastProbeAt as number);
  if (sinceProbe < config.interval) return "none";
  return outstanding >= config.probes ? "abort" : "probe";
}

// ── Application heartbeat ───────────────────────────────────────────────────

/**
 * What one end's heartbeat timer does at time `now`.
 *
 * Two independent clocks, both inclusive at the boundary:
 * - incoming silence: nothing heard for `timeout` → close. This is what detects a
 *   dead peer, a dead path, or a peer whose kernel still ACKs but whose
 *   application has hung.
 * - outgoing silence: nothing sent for `interval` → send a heartbeat. That tells the
 *   peer we are alive, and keeps NAT and firewall entries fresh. Any message we
 *   send counts, so a busy sender needs no heartbeats.
 *
 * Closing wins when both are due: pinging a peer we have already given up on
 * would only delay the decision.
 */
export function heartbeatAction(config: HeartbeatConfig, state: HeartbeatState, now: number): HeartbeatAction {
  if (now - state.lastHeard >= config.timeout) return "close";
  if (now - state.lastSent >= config.interval) return "send-ping";
  return "none";
}
