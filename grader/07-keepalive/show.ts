/**
 * How lesson 07's counterexamples are printed: times in seconds when they are
 * long ("7275 s", "7274.999 s") and in ms when short, configs and states in words,
 * and simulated runs as event lists ("probe at 30 ms, abort at 42 ms").
 */
import type { HeartbeatConfig, HeartbeatState, KeepaliveConfig, KeepaliveState } from "../../lib/tcp.ts";

/** A time or a duration in ms, written in seconds from one second up. */
export function time(ms: number): string {
  if (typeof ms !== "number") return String(ms);
  if (Math.abs(ms) < 1000) return `${ms} ms`;
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(3)} s`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function keepaliveConfigText(c: KeepaliveConfig): string {
  const on =
    c.enabled === true ? "keepalive on" : "enabled" in c ? `enabled: ${String(c.enabled)} (off)` : "enabled omitted (off)";
  return `${on}, idle ${time(c.idle)}, interval ${time(c.interval)}, ${plural(c.probes, "probe")}`;
}

export function keepaliveStateText(s: KeepaliveState): string {
  const data = s.unackedData ? "data outstanding" : "no data outstanding";
  const probes =
    s.probesSent === 0 || s.lastProbeAt === null
      ? "no probes sent"
      : `${plural(s.probesSent, "probe")} sent, the last at ${time(s.lastProbeAt)}`;
  return `peer last heard at ${time(s.lastReceived)}, ${data}, ${probes}`;
}

export interface KeepaliveCase {
  readonly config: KeepaliveConfig;
  readonly state: KeepaliveState;
  readonly now: number;
}

export function keepaliveCaseText({ config, state, now }: KeepaliveCase): string {
  const since = [`${time(now - state.lastReceived)} after the peer was last heard`];
  if (state.lastProbeAt !== null) since.push(`${time(now - state.lastProbeAt)} after the last probe`);
  return `${keepaliveConfigText(config)}\n${keepaliveStateText(state)}\nnow = ${time(now)} (${since.join(", ")})`;
}

export function heartbeatConfigText(c: HeartbeatConfig): string {
  return `heartbeat every ${time(c.interval)} of our silence, close after ${time(c.timeout)} of the peer's silence`;
}

export function heartbeatStateText(s: HeartbeatState): string {
  return `peer last heard at ${time(s.lastHeard)}, we last sent at ${time(s.lastSent)}`;
}

export interface HeartbeatCase {
  readonly config: HeartbeatConfig;
  readonly state: HeartbeatState;
  readonly now: number;
}

export function heartbeatCaseText({ config, state, now }: HeartbeatCase): string {
  return (
    `${heartbeatConfigText(config)}\n${heartbeatStateText(state)}\n` +
    `now = ${time(now)} (${time(now - state.lastHeard)} since we heard, ${time(now - state.lastSent)} since we sent)`
  );
}

/** A value a learner's function returned, quoted, or flagged when it is not a string. */
export function action(a: unknown): string {
  return typeof a === "string" ? JSON.stringify(a) : `${String(a)} (not one of the allowed strings)`;
}

/** Two results of the same question asked two ways (for the law-style properties). */
export function pair(first: string, second: string) {
  return (o: unknown): string => {
    if (!Array.isArray(o) || o.length !== 2) return String(o);
    return `${first}: ${action(o[0])}; ${second}: ${action(o[1])}`;
  };
}
