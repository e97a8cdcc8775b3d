/**
 * Lesson 07: keepalive and heartbeats. Read content/07-keepalive.md first (`npm start`, then "Read").
 * Check your work with `npm run grade -- 07`.
 *
 * Every time here is a whole number of milliseconds, on one clock shared by the
 * config, the state and `now`. The types live in lib/tcp.ts (Lesson 07 section).
 */
import type {
  HeartbeatAction,
  HeartbeatConfig,
  HeartbeatState,
  KeepaliveAction,
  KeepaliveConfig,
  KeepaliveState,
} from "../lib/tcp.ts";
import { notImplemented } from "../lib/not-implemented.ts";

/**
 * What one endpoint's TCP keepalive timer does at time `now`: "none", "probe"
 * (send one keepalive probe) or "abort" (give the connection up). Lesson
 * sections "The rules" and "The time line".
 *
 * Rules, in this order:
 *  1. Keepalive is off unless `config.enabled` is exactly true. Omitted or false:
 *     always "none".
 *  2. While `state.unackedData` is true, always "none": the retransmission timer,
 *     not keepalive, looks after a connection with data in flight.
 *  3. A probe counts as unanswered only if it went out after the peer was last
 *     heard from. Probes sent at or before `state.lastReceived` were answered
 *     (any segment from the peer answers them) and no longer count, even if
 *     `probesSent` still says otherwise.
 *  4. No unanswered probe: "probe" once now − lastReceived >= idle, else "none".
 *  5. n >= 1 unanswered probes, the latest sent at lastProbeAt: "none" while
 *     now − lastProbeAt < interval. After that, "probe" if n < probes, or
 *     "abort" if n >= probes.
 *
 * Example with Linux's 7200 s / 75 s / 9 probes and the peer last heard at 0:
 * probes at 7200 s, 7275 s, …, 7800 s (that is nine), and "abort" at 7875 s.
 *
 * You may assume whole numbers with idle >= 1, interval >= 1, probes >= 1,
 * lastReceived <= now, lastProbeAt <= now, and lastProbeAt null exactly when
 * probesSent is 0. The caller sends the probe or aborts; you only decide.
 * Do not change the arguments.
 */
export function keepaliveAction(config: KeepaliveConfig, state: KeepaliveState, now: number): KeepaliveAction {
  throw notImplemented("keepaliveAction");
}

/**
 * What one end of an application heartbeat does at time `now`: "none",
 * "send-ping" (send a heartbeat message) or "close". Both ends run the same
 * rules. Lesson section "Heartbeats: keepalive in the application".
 *
 *  - "close" once now − lastHeard >= timeout (the peer has been silent too long);
 *  - otherwise "send-ping" once now − lastSent >= interval (we have been silent
 *    long enough that the peer needs to hear from us);
 *  - otherwise "none".
 * When both are due, "close" wins.
 *
 * You may assume whole numbers with interval >= 1, timeout >= 1,
 * lastHeard <= now and lastSent <= now. Do not change the arguments.
 */
export function heartbeatAction(config: HeartbeatConfig, state: HeartbeatState, now: number): HeartbeatAction {
  throw notImplemented("heartbeatAction");
}
