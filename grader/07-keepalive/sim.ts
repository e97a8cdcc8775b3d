/**
 * Small worlds in which lesson 07's functions run a whole connection, one
 * millisecond at a time. The grader's own driver carries out each answer (sends
 * the probe, updates the state, delivers the peer's replies), so only the
 * function under test differs between the learner's run and the reference's.
 */
import type {
  HeartbeatAction,
  HeartbeatConfig,
  HeartbeatState,
  KeepaliveAction,
  KeepaliveConfig,
  KeepaliveState,
} from "../../lib/tcp.ts";
import { keepaliveConfigText, heartbeatConfigText, plural, time } from "./show.ts";

// ── Keepalive: one endpoint and a peer that may die ─────────────────────────

export interface KeepaliveWorld {
  /** Always enabled here: these worlds are about what keepalive does once on. */
  readonly config: KeepaliveConfig;
  /** Times at which the peer sends something on its own (while alive). */
  readonly peerSends: readonly number[];
  /** From this time on the peer is gone without a trace (power cut, cable pulled); null: never. */
  readonly deathAt: number | null;
  /** How long a probe's answer takes to come back (0: in the same millisecond). */
  readonly answerDelay: number;
  /** Our application sends data at `from`; the peer's ACK for it arrives at `to` (if alive then). */
  readonly dataWindows: readonly { readonly from: number; readonly to: number }[];
  /** The last millisecond simulated. */
  readonly horizon: number;
}

export interface TimedAction {
  readonly at: number;
  readonly action: string;
}

export interface KeepaliveRun {
  /** Every answer other than "none", in time order. */
  readonly events: readonly TimedAction[];
  /** When the peer was last heard from, at the end of the run. */
  readonly lastHeard: number;
}

type KeepaliveFn = (config: KeepaliveConfig, state: KeepaliveState, now: number) => KeepaliveAction;

/** How many of the values fall on each time (the driver asks every ms). */
function countsByTime(times: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const t of times) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** What our end knows of the peer: when it was last heard, and the probes sent since. */
interface Heard {
  lastReceived: number;
  probesSent: number;
  lastProbeAt: number | null;
}

/** Anything from the peer at t answers every probe sent so far. */
function hear(h: Heard, t: number): void {
  h.lastReceived = t;
  h.probesSent = 0;
  h.lastProbeAt = null;
}

export function runKeepaliveWorld(fn: KeepaliveFn, world: KeepaliveWorld): KeepaliveRun {
  const { deathAt } = world;
  const alive = (t: number) => deathAt === null || t < deathAt;
  // Looked up every ms, so made into sets and counts once.
  const peerSends = new Set(world.peerSends);
  const dataSent = countsByTime(world.dataWindows.map((w) => w.from));
  const dataAcked = countsByTime(world.dataWindows.map((w) => w.to));
  const answers = new Set<number>();
  const events: TimedAction[] = [];
  const h: Heard = { lastReceived: 0, probesSent: 0, lastProbeAt: null };
  let unacked = 0; // data windows opened and not yet ACKed

  for (let t = 0; t <= world.horizon; t++) {
    unacked += dataSent.get(t) ?? 0;
    if (alive(t)) {
      let heard = peerSends.has(t) || answers.has(t);
      const acks = dataAcked.get(t);
      if (acks !== undefined) {
        unacked -= acks; // the ACK for that data arrives
        heard = true;
      }
      if (heard) hear(h, t);
    }
    const state: KeepaliveState = { lastReceived: h.lastReceived, unackedData: unacked > 0, probesSent: h.probesSent, lastProbeAt: h.lastProbeAt };
    const action = fn(world.config, state, t);
    if (action === "none") continue;
    events.push({ at: t, action: String(action) });
    if (action === "abort") break;
    if (action === "probe") {
      h.probesSent++;
      h.lastProbeAt = t;
      if (alive(t + world.answerDelay)) {
        if (world.answerDelay === 0) hear(h, t);
        else answers.add(t + world.answerDelay);
      }
    } else {
      break; // not an allowed answer: the run ends here, and the event list shows it
    }
  }
  return { events, lastHeard: h.lastReceived };
}

export function keepaliveWorldText(w: KeepaliveWorld): string {
  const lines = [keepaliveConfigText(w.config) + "; the peer was last heard at 0 ms"];
  lines.push(w.peerSends.length ? `the peer sends at ${w.peerSends.map(time).join(", ")}` : "the peer never sends on its own");
  lines.push(w.deathAt === null ? "the peer never dies" : `the peer is gone from ${time(w.deathAt)} on`);
  lines.push(`a probe's answer takes ${time(w.answerDelay)}`);
  for (const d of w.dataWindows) lines.push(`we send data at ${time(d.from)}; its ACK is due at ${time(d.to)}`);
  lines.push(`simulated up to ${time(w.horizon)}, one ms at a time`);
  return lines.join("\n");
}

export function keepaliveRunText(r: KeepaliveRun): string {
  if (!r || !Array.isArray(r.events)) return String(r);
  const shown = r.events.slice(0, 16).map((e) => `${e.action} at ${time(e.at)}`);
  if (r.events.length > 16) shown.push(`… ${r.events.length - 16} more`);
  return `${shown.length ? shown.join(", ") : "no probe, no abort"} (peer last heard at ${time(r.lastHeard)})`;
}

/** Two columns, time | reference | yours, for the moments where anything happened. */
export function keepaliveRunPicture(expected: KeepaliveRun, actual: KeepaliveRun | undefined): string {
  const exp = new Map(expected.events.map((e) => [e.at, e.action]));
  const act = new Map((actual?.events ?? []).map((e) => [e.at, e.action]));
  const times = [...new Set([...exp.keys(), ...act.keys()])].sort((a, b) => a - b);
  const rows = ["     time  reference  yours", "  -------  ---------  -----"];
  for (const t of times.slice(0, 20)) {
    const mark = exp.get(t) !== act.get(t) ? "   <-- differs" : "";
    rows.push(`  ${time(t).padStart(7)}  ${(exp.get(t) ?? "-").padEnd(9)}  ${(act.get(t) ?? "-").padEnd(5)}${mark}`);
  }
  if (times.length > 20) rows.push(`  … ${times.length - 20} more moments`);
  return rows.join("\n");
}

// ── Heartbeat: two ends running the same function ───────────────────────────

export interface HeartbeatWorld {
  readonly config: HeartbeatConfig;
  /** One-way delay of every message, at least 1 ms. */
  readonly delay: number;
  /** Times at which end A's application sends a message. */
  readonly aSends: readonly number[];
  /** Times at which end B's application sends a message (while alive). */
  readonly bSends: readonly number[];
  /** From this time on B is gone: it sends nothing and runs no timer; null: never. */
  readonly bDiesAt: number | null;
  readonly horizon: number;
}

export interface HeartbeatClose {
  readonly end: "A" | "B";
  readonly at: number;
  /** When that end had last heard from the other. */
  readonly lastHeard: number;
}

export interface HeartbeatRun {
  /** Every "close" (the run ends at the first one). */
  readonly closes: readonly HeartbeatClose[];
  /** How many heartbeats each end sent. */
  readonly pings: { readonly A: number; readonly B: number };
  /** Answers that were neither "none", "send-ping" nor "close". */
  readonly invalid: readonly string[];
}

type HeartbeatFn = (config: HeartbeatConfig, state: HeartbeatState, now: number) => HeartbeatAction;

/** One end of a heartbeat world, as the driver keeps it. */
interface HeartbeatEnd {
  readonly name: "A" | "B";
  lastHeard: number;
  lastSent: number;
  /** When messages from the other end arrive. */
  readonly inbox: Set<number>;
  /** When this end's application sends (a set: asked every ms). */
  readonly own: ReadonlySet<number>;
  pings: number;
}

/** `me` sends a message at t: it arrives at the other end `delay` later. */
function sendFrom(me: HeartbeatEnd, peer: HeartbeatEnd, t: number, delay: number): void {
  me.lastSent = t;
  peer.inbox.add(t + delay);
}

/** Millisecond t at one end: take in what arrives, send what the application sends, then ask `fn`. */
function heartbeatTick(fn: HeartbeatFn, world: HeartbeatWorld, me: HeartbeatEnd, peer: HeartbeatEnd, t: number, closes: HeartbeatClose[], invalid: string[]): void {
  if (me.inbox.has(t)) me.lastHeard = t;
  if (me.own.has(t)) sendFrom(me, peer, t, world.delay);
  const action = fn(world.config, { lastHeard: me.lastHeard, lastSent: me.lastSent }, t);
  if (action === "send-ping") {
    me.pings++;
    sendFrom(me, peer, t, world.delay);
  } else if (action === "close") {
    closes.push({ end: me.name, at: t, lastHeard: me.lastHeard });
  } else if (action !== "none") {
    invalid.push(`${me.name} at ${time(t)}: ${String(action)}`);
  }
}

export function runHeartbeatWorld(fn: HeartbeatFn, world: HeartbeatWorld): HeartbeatRun {
  const a: HeartbeatEnd = { name: "A", lastHeard: 0, lastSent: 0, inbox: new Set<number>(), own: new Set(world.aSends), pings: 0 };
  const b: HeartbeatEnd = { name: "B", lastHeard: 0, lastSent: 0, inbox: new Set<number>(), own: new Set(world.bSends), pings: 0 };
  const closes: HeartbeatClose[] = [];
  const invalid: string[] = [];

  // Every ms, A then B (while B is alive), until the horizon or the first close.
  for (let t = 0; t <= world.horizon && closes.length === 0; t++) {
    heartbeatTick(fn, world, a, b, t, closes, invalid);
    if (world.bDiesAt === null || t < world.bDiesAt) heartbeatTick(fn, world, b, a, t, closes, invalid);
  }
  return { closes, pings: { A: a.pings, B: b.pings }, invalid };
}

export function heartbeatWorldText(w: HeartbeatWorld): string {
  const lines = [
    `both ends: ${heartbeatConfigText(w.config)}`,
    `every message takes ${time(w.delay)}; both ends start at 0 ms, having just heard from each other`,
    w.aSends.length ? `A's application sends at ${w.aSends.map(time).join(", ")}` : "A's application sends nothing",
    w.bSends.length ? `B's application sends at ${w.bSends.map(time).join(", ")}` : "B's application sends nothing",
    w.bDiesAt === null ? "B never dies" : `B is gone from ${time(w.bDiesAt)} on`,
    `simulated up to ${time(w.horizon)}, one ms at a time`,
  ];
  return lines.join("\n");
}

export function heartbeatRunText(r: HeartbeatRun): string {
  if (!r || !Array.isArray(r.closes)) return String(r);
  const closes = r.closes.length
    ? r.closes.map((c) => `${c.end} closes at ${time(c.at)} (it last heard the other end at ${time(c.lastHeard)})`).join("; ")
    : "nobody closes";
  const bad = r.invalid.length ? `; unexpected answers: ${r.invalid.slice(0, 3).join("; ")}` : "";
  return `${closes}; heartbeats sent: A ${r.pings.A}, B ${r.pings.B}${bad}`;
}
