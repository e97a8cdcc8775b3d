/**
 * The TCP vocabulary every lesson shares: exercises, reference solutions and the
 * hidden specs all import these types, so a learner's function and the grader
 * always speak about the same things.
 *
 * Names follow RFC 9293 exactly (§3.3.2 for states, §3.1 for the header).
 */

/** The eleven connection states, spelled as RFC 9293 §3.3.2 spells them. */
export const STATES = [
  "CLOSED",
  "LISTEN",
  "SYN-SENT",
  "SYN-RECEIVED",
  "ESTABLISHED",
  "FIN-WAIT-1",
  "FIN-WAIT-2",
  "CLOSE-WAIT",
  "CLOSING",
  "LAST-ACK",
  "TIME-WAIT",
] as const;
export type State = (typeof STATES)[number];

/**
 * The eight assigned control bits, in header order from the most significant bit
 * of the flags byte (CWR = 0x80) to the least (FIN = 0x01). RFC 793 had the last
 * six; RFC 3168 added CWR and ECE.
 */
export const FLAG_NAMES = ["CWR", "ECE", "URG", "ACK", "PSH", "RST", "SYN", "FIN"] as const;
export type FlagName = (typeof FLAG_NAMES)[number];

/** One boolean per control bit: `{ SYN: true, ACK: true, ...rest false }`. */
export type Flags = Readonly<Record<FlagName, boolean>>;

/** Builds a Flags value with the named bits set and every other bit clear. */
export function flags(...set: FlagName[]): Flags {
  const out = {} as Record<FlagName, boolean>;
  for (const name of FLAG_NAMES) out[name] = set.includes(name);
  return out;
}

/** The names of the bits that are set, in header order ("SYN,ACK" reads as "SYN ACK"). */
export function setFlagNames(f: Flags): FlagName[] {
  return FLAG_NAMES.filter((name) => f[name]);
}

/**
 * A TCP segment as far as connection management cares.
 * `seq` and `ack` are unsigned 32-bit numbers (0 … 2^32 − 1); `ack` means
 * something only when `flags.ACK` is set. `dataLength` is the number of payload
 * bytes (SYN and FIN are not payload: see segLen in lesson 01).
 */
export interface Segment {
  readonly seq: number;
  readonly ack: number;
  readonly flags: Flags;
  readonly dataLength: number;
}

/**
 * A segment as the lessons write it: "SYN seq=100", "SYN,ACK seq=300 ack=101",
 * "FIN,ACK seq=101 ack=301 len=20". ACK goes last among the flags because that
 * is how people read them together; ack= appears only when the ACK bit is set.
 */
export function segmentText(segment: Segment): string {
  const names = setFlagNames(segment.flags);
  const ordered = [...names.filter((n) => n !== "ACK"), ...names.filter((n) => n === "ACK")];
  const parts = [ordered.length > 0 ? ordered.join(",") : "(no flags)", `seq=${segment.seq}`];
  if (segment.flags.ACK) parts.push(`ack=${segment.ack}`);
  if (segment.dataLength !== 0) parts.push(`len=${segment.dataLength}`);
  return parts.join(" ");
}

/** 2^32: sequence numbers live modulo this (RFC 9293 §3.4). */
export const SEQ_MODULUS = 2 ** 32;

/**
 * The part of the Transmission Control Block (RFC 9293 §3.3.1) that opening and
 * closing a connection needs. All numbers are unsigned 32-bit sequence numbers.
 */
export interface Tcb {
  readonly state: State;
  /**
   * True when this connection began with a passive OPEN (it came from LISTEN).
   * SYN-RECEIVED must remember this (RFC 9293 MUST-11): a reset sends a passive
   * connection back to LISTEN but an active one to CLOSED.
   */
  readonly passiveOpen: boolean;
  /** Our initial send sequence number, chosen before the connection opens. */
  readonly iss: number;
  /** SND.UNA: the oldest sequence number we sent that is not yet acknowledged. */
  readonly sndUna: number;
  /** SND.NXT: the next sequence number we will send. */
  readonly sndNxt: number;
  /** IRS: the peer's initial sequence number, once its SYN has arrived (0 before). */
  readonly irs: number;
  /** RCV.NXT: the next sequence number we expect from the peer (0 before its SYN). */
  readonly rcvNxt: number;
}

/** What can happen to one endpoint: a call from its application, a segment, or a timer. */
export type TcpEvent =
  /** The application opens: passive = listen for a peer, active = connect to one. */
  | { readonly kind: "open"; readonly mode: "passive" | "active" }
  /** The application has nothing more to send (close(), or shutdown for writing). */
  | { readonly kind: "close" }
  /** The application tears the connection down at once. */
  | { readonly kind: "abort" }
  /** A segment arrives from the peer. */
  | { readonly kind: "segment"; readonly segment: Segment }
  /** The 2MSL timer of TIME-WAIT runs out. */
  | { readonly kind: "time-wait-timeout" };

/** The result of one event: the endpoint's new TCB and the segments it sends (often none). */
export interface Transition {
  readonly tcb: Tcb;
  readonly send: readonly Segment[];
}

/** An event as the lessons write it: "active OPEN", "CLOSE", "2MSL timeout", "segment SYN seq=100". */
export function eventText(event: TcpEvent): string {
  switch (event.kind) {
    case "open":
      return `${event.mode} OPEN`;
    case "close":
      return "CLOSE";
    case "abort":
      return "ABORT";
    case "time-wait-timeout":
      return "2MSL timeout";
    case "segment":
      return `segment ${segmentText(event.segment)}`;
  }
}

/** The TCB of an endpoint that does not exist yet but has picked the ISN it will use. */
export function closedTcb(iss: number): Tcb {
  return { state: "CLOSED", passiveOpen: false, iss, sndUna: iss, sndNxt: iss, irs: 0, rcvNxt: 0 };
}

// ── Lesson 02: sequence numbers ─────────────────────────────────────────────

// ── Lesson 04: teardown and half-close ───────────────────────────────────────

/**
 * Which ways application data may still flow for an endpoint in some state
 * (lesson 04, `directions`). `send`: this end may still send new data (the
 * handshake is done and it has not sent its FIN). `receive`: data may still
 * arrive from the peer (the handshake is done and the peer's FIN has not arrived).
 */
export interface Directions {
  readonly send: boolean;
  readonly receive: boolean;
}

/**
 * One step of a scripted close (lesson 04, `closeOutcome`). Both ends start
 * ESTABLISHED; what an end sends travels towards the other end in order.
 * - `close`: that end's application calls close().
 * - `deliver`: the oldest segment travelling towards `to` arrives there (if none is, nothing happens).
 * - `time-wait-timeout`: that end's 2MSL timer runs out.
 */
export type CloseStep =
  | { readonly kind: "close"; readonly end: "client" | "server" }
  | { readonly kind: "deliver"; readonly to: "client" | "server" }
  | { readonly kind: "time-wait-timeout"; readonly end: "client" | "server" };

/** The states the two ends are in after a close script has run. */
export interface CloseOutcome {
  readonly client: State;
  readonly server: State;
}

// ── Lesson 05: TIME-WAIT ─────────────────────────────────────────────────────
// Every time in lessons 05 and 06 is a whole number of milliseconds.

/** How one stack runs TIME-WAIT. */
export interface TimeWaitConfig {
  /**
   * MSL, the Maximum Segment Lifetime, in ms. TIME-WAIT lasts 2 × MSL.
   * RFC 9293: MSL = 2 min (120 000), so 4 min. FreeBSD: 30 000, so 60 s. Linux has no
   * MSL setting: its TIME-WAIT is a fixed 60 s (TCP_TIMEWAIT_LEN), which this model
   * writes as msl = 30 000.
   */
  readonly msl: number;
  /**
   * true: ignore every RST in TIME-WAIT (RFC 1337's fix, Linux net.ipv4.tcp_rfc1337 = 1).
   * false: an RST exactly at RCV.NXT closes TIME-WAIT (RFC 9293; Linux's default 0).
   */
  readonly rfc1337: boolean;
}

/** What an endpoint in TIME-WAIT still remembers about its old connection. */
export interface TimeWait {
  /** SND.NXT: one past our own FIN (unsigned 32-bit). */
  readonly sndNxt: number;
  /** RCV.NXT: one past the peer's FIN (unsigned 32-bit). */
  readonly rcvNxt: number;
  /** RCV.WND: our receive window, used to judge where an RST lands (0 … 2^30). */
  readonly rcvWnd: number;
  /** When the 2MSL timer runs out, in ms on the same clock as `now`. */
  readonly deadline: number;
}

/** What can happen to a TIME-WAIT endpoint: a segment arrives, or time simply passes. */
export type TimeWaitInput =
  | { readonly kind: "segment"; readonly segment: Segment }
  | { readonly kind: "tick" };

/**
 * The endpoint after one input: still in TIME-WAIT (with its possibly restarted
 * deadline) or CLOSED (the TCB is gone), plus the segments it sends in reply.
 */
export type TimeWaitResult =
  | { readonly state: "TIME-WAIT"; readonly deadline: number; readonly send: readonly Segment[] }
  | { readonly state: "CLOSED"; readonly send: readonly Segment[] };

// ── Lesson 06: retransmission ────────────────────────────────────────────────

/** What the retransmission timer says when asked. */
export type RetransmitDecision = "wait" | "retransmit" | "give-up";

/** The settings of an RFC 6298 retransmission timer, all in ms. */
export interface RtoConfig {
  /** RTO before any RTT sample (RFC 6298 §2.1: 1 000). */
  readonly initialRto: number;
  /** Lower bound of the RTO (RFC 6298 §2.4: 1 000; Linux: 200). */
  readonly minRto: number;
  /** Upper bound of the RTO (RFC 6298 §2.5: at least 60 000; Linux: 120 000). */
  readonly maxRto: number;
  /** G, the clock granularity (RFC 6298 §2). */
  readonly granularity: number;
}

/**
 * The timer's memory, in ms. `srtt` and `rttvar` are both null until the first
 * RTT sample arrives, then both numbers.
 */
export interface RtoState {
  readonly srtt: number | null;
  readonly rttvar: number | null;
  readonly rto: number;
}

/** What moves the timer: an ACK that gives an RTT measurement, or the timer expiring. */
export type RtoEvent =
  /**
   * An ACK arrived `rtt` ms after the segment it acknowledges was sent.
   * `retransmitted` is true when that segment had been sent more than once.
   */
  | { readonly kind: "ack"; readonly rtt: number; readonly retransmitted: boolean }
  /** The retransmission timer expired. */
  | { readonly kind: "timeout" };

/** How a sender retransmits one unanswered segment (a SYN, say), in ms. */
export interface ScheduleConfig {
  /** The first timeout, counted from the original send at time 0. */
  readonly initialRto: number;
  /** How many retransmissions are allowed (Linux tcp_syn_retries: 6). */
  readonly retries: number;
  /** No single wait is ever longer than this. */
  readonly maxRto: number;
}

/** When each retransmission goes out and when the sender gives up, in ms after the original send. */
export interface Schedule {
  readonly retransmitAt: readonly number[];
  readonly giveUpAt: number;
}

// ── Lesson 07: keepalive and heartbeats ──────────────────────────────────────
// Every time in lesson 07 is a whole number of milliseconds, on one clock shared
// by the config, the state and `now` (Node's setKeepAlive also takes ms).

/**
 * How one endpoint's TCP keepalive is set up (RFC 9293 §3.8.4). Times in ms.
 * Linux names: SO_KEEPALIVE, TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT.
 */
export interface KeepaliveConfig {
  /**
   * true only when the application turned keepalive on for this connection
   * (SO_KEEPALIVE). Omitted or false means off: keepalive MUST default to off
   * (RFC 9293 MUST-25).
   */
  readonly enabled?: boolean;
  /** How long the peer must be silent before the first probe (TCP_KEEPIDLE; Linux 7 200 000 = 2 h). */
  readonly idle: number;
  /** How long each probe is given to be answered (TCP_KEEPINTVL; Linux 75 000 = 75 s). */
  readonly interval: number;
  /** How many unanswered probes are sent before giving up, at least 1 (TCP_KEEPCNT; Linux 9). */
  readonly probes: number;
}

/** What one endpoint knows when its keepalive timer asks "what now?". Times in ms. */
export interface KeepaliveState {
  /** When we last heard anything (data, an ACK, a probe's answer) from the peer. */
  readonly lastReceived: number;
  /** true while some data we sent is not yet acknowledged (SND.UNA ≠ SND.NXT). */
  readonly unackedData: boolean;
  /** Probes sent since the peer was last heard from (0 when none). */
  readonly probesSent: number;
  /** When the latest of those probes went out; null exactly when probesSent is 0. */
  readonly lastProbeAt: number | null;
}

/** What the keepalive timer does now: nothing, send one probe, or abort the connection. */
export type KeepaliveAction = "none" | "probe" | "abort";

/**
 * Linux's keepalive out of the box: off (SO_KEEPALIVE is off on every new socket),
 * and once an application turns it on, net.ipv4.tcp_keepalive_time = 7200 s,
 * tcp_keepalive_intvl = 75 s, tcp_keepalive_probes = 9: a silent peer is given up
 * on 7200 + 9 × 75 = 7875 s after it was last heard. Turn it on with
 * `{ ...LINUX_KEEPALIVE_DEFAULTS, enabled: true }`.
 */
export const LINUX_KEEPALIVE_DEFAULTS: KeepaliveConfig = {
  enabled: false,
  idle: 7_200_000,
  interval: 75_000,
  probes: 9,
};

/**
 * An application-level heartbeat, run the same way by both ends of a long-lived
 * connection (the design of STOMP's heart-beating and of MQTT's keep alive). Times in ms.
 */
export interface HeartbeatConfig {
  /** Send a heartbeat when we have sent nothing at all for this long. */
  readonly interval: number;
  /**
   * Close when nothing at all has been heard from the peer for this long. To keep
   * healthy connections open it must exceed interval + the worst one-way delay
   * (commonly 2 to 3 intervals).
   */
  readonly timeout: number;
}

/** What one end of a heartbeat-protected connection knows. Times in ms. */
export interface HeartbeatState {
  /** When we last received anything from the peer: a message or its heartbeat. */
  readonly lastHeard: number;
  /** When we last sent anything to the peer: a message or our heartbeat. */
  readonly lastSent: number;
}

/** What the heartbeat timer does now: nothing, send a heartbeat ("ping"), or close. */
export type HeartbeatAction = "none" | "send-ping" | "close";

// ── Lesson 08: the FAQ simulator ─────────────────────────────────────────────
/** The two ends of the simulated connection (lesson 08). */
export type End = "client" | "server";

/**
 * One line of a simulation script (lesson 08): one thing that happens, in one step.
 * Application calls and timers name the end they happen to; the network actions
 * act on the segment at the head of the network (the oldest one in flight).
 */
export type SimAction =
  /** The end's application opens: `passive` listens, `active` connects. */
  | { readonly kind: "open"; readonly end: End; readonly mode: "passive" | "active" }
  /** The end's application calls close(). */
  | { readonly kind: "close"; readonly end: End }
  /** The end's application aborts the connection. */
  | { readonly kind: "abort"; readonly end: End }
  /** The end's 2MSL timer runs out (it matters only in TIME-WAIT). */
  | { readonly kind: "time-wait-timeout"; readonly end: End }
  /** The end's retransmission timer fires: it resends its unacknowledged SYN or FIN. */
  | { readonly kind: "retransmit"; readonly end: End }
  /**
   * The head segment arrives at its end. With `thenClose`, that end's application
   * calls close() in the same step, before the ACK has left (a delayed ACK), so
   * the ACK rides on the FIN.
   */
  | { readonly kind: "deliver"; readonly thenClose?: boolean }
  /** The head segment is lost. */
  | { readonly kind: "drop" }
  /** The network copies the head segment; the copy travels right behind it. */
  | { readonly kind: "duplicate" }
  /** The head segment is held up: it moves behind everything else in flight. */
  | { readonly kind: "delay" }
  /** A stale SYN `<SEQ=seq><CTL=SYN>` from an old connection arrives at `to` now. */
  | { readonly kind: "old-syn"; readonly to: End; readonly seq: number };

/** What lesson 08's simulate runs: two ends, their ISNs, and a script. */
export interface Scenario {
  /** The ISN the client will use (its TCB starts as closedTcb(clientIss)). */
  readonly clientIss: number;
  /** The ISN the server will use. */
  readonly serverIss: number;
  /** One action per step, in order. When it runs out, the network delivers what is left. */
  readonly script: readonly SimAction[];
  /**
   * "three-way" (the default) is TCP. "two-way" is a thought experiment: an end
   * in LISTEN that gets a SYN commits at once, going to ESTABLISHED instead of
   * SYN-RECEIVED, as if its own SYN were already acknowledged.
   */
  readonly handshake?: "three-way" | "two-way";
  /** At most this many steps in all (default SIM_DEFAULT_MAX_STEPS). */
  readonly maxSteps?: number;
}

/** The step bound of a scenario that does not give one. */
export const SIM_DEFAULT_MAX_STEPS = 100;

/** A segment in the network, on its way to `to`. */
export interface InFlight {
  readonly to: End;
  readonly segment: Segment;
}

/** One line of a simulation's trace: what one step did, and both states after it. */
export interface SimStep {
  /** The kind of action: the script's, or "deliver" once the script has run out. */
  readonly action: SimAction["kind"];
  /**
   * The end the step happened to: the end that acted, or that received the
   * segment, or that the dropped, duplicated or delayed segment was heading to.
   * null when the step found nothing to act on (a network action with nothing
   * in flight).
   */
  readonly end: End | null;
  /** The segment the step was about (received, dropped, duplicated, delayed), or null. */
  readonly segment: Segment | null;
  /** The segments `end` sent in this step, in order (often none). */
  readonly sent: readonly Segment[];
  /** The client's state after the step. */
  readonly client: State;
  /** The server's state after the step. */
  readonly server: State;
}

/** What simulate returns. */
export interface SimResult {
  /** One entry per step, in order; never longer than the step bound. */
  readonly trace: readonly SimStep[];
  /** Both TCBs at the end. */
  readonly client: Tcb;
  readonly server: Tcb;
  /** What was still in the network at the end, head first. */
  readonly inFlight: readonly InFlight[];
  /** "settled": the script ran to its end and nothing is in flight; otherwise "step-limit". */
  readonly stopped: "settled" | "step-limit";
}
