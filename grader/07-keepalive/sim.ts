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

export function runKeepaliveWorld(fn: KeepaliveFn, world: KeepaliveWorld): KeepaliveRun {
  const alive = (t: number) => world.deathAt === null || t < world.deathAt;
  const answers = new Set<number>();
  const events: TimedAction[] = [];
  let lastReceived = 0;
  let probesSent = 0;
  let lastProbeAt: number | null = null;
  let unacked = 0; // data windows opened and not yet ACKed
  const hear = (t: number) => {
    lastReceived = t;
    probesSent = 0; // any segment from the peer answers every probe
    lastProbeAt = null;
  };

  for (let t = 0; t <= world.horizon; t++) {
    for (const w of world.dataWindows) if (w.from === t) unacked++;
    if (alive(t)) {
      let heard = world.peerSends.includes(t) || answers.has(t);
      for (const w of world.dataWindows) {
        if (w.to === t) {
          unacked--; // the ACK for that data arrives
          heard = true;
        }
      }
      if (heard) hear(t);
    }
    const state: KeepaliveState = { lastReceived, unackedData: unacked > 0, probesSent, lastProbeAt };
    const action = fn(world.config, state, t);
    if (action === "none") continue;
    events.push({ at: t, action: String(action) });
    if (action === "abort") break;
    if (action === "probe") {
      probesSent++;
      lastProbeAt = t;
      if (alive(t + world.answerDelay)) {
        if (world.answerDelay === 0) hear(t);
        else answers.add(t + world.answerDelay);
      }
    } else {
      break; // not an allowed answer: the run ends here, and the event list shows it
    }
  }
  return { events, lastHeard: lastReceived };
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

export function runHeartbeatWorld(fn: HeartbeatFn, world: HeartbeatWorld): HeartbeatRun {
  const ends = {
    A: { lastHeard: 0, lastSent: 0, inbox: new Set<number>(), own: world.aSends, pings: 0 },
    B: { lastHeard: 0, lastSent: 0, inbox: new Set<number>(), own: world.bSends, pings: 0 },
  };
  const bAlive = (t: number) => world.bDiesAt === null || t < world.bDiesAt;
  const closes: HeartbeatClose[] = [];
  const invalid: string[] = [];

  for (let t = 0; t <= world.horizon && closes.length === 0; t++) {
    for (const name of ["A", "B"] as const) {
      if (name === "B" && !bAlive(t)) continue;
      const me = ends[name];
      const peer = ends[name === "A" ? "B" : "A"];
      if (me.inbox.has(t)) me.lastHeard = t;
      const send = () => {
        me.lastSent = t;
        peer.inbox.add(t + world.delay);
      };
      if (me.own.includes(t)) send();
      const action = fn(world.config, { lastHeard: me.lastHeard, lastSent: me.lastSent }, t);
      if (action === "send-ping") {
        me.pings++;
        send();
      } else if (action === "close") {
        closes.push({ end: name, at: t, lastHeard: me.lastHeard });
      } else if (action !== "none") {
        invalid.push(`${name} at ${time(t)}: ${String(action)}`);
      }
    }
  }
  return { closes, pings: { A: ends.A.pings, B: ends.B.pings }, invalid };
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
