/**
 * Hidden properties of lesson 07: TCP keepalive and an application heartbeat.
 *
 * Conventions the stub's doc comments promise, and this spec keeps:
 * - every time is a whole number of ms; lastReceived, lastProbeAt, lastHeard and
 *   lastSent are never after `now`;
 * - keepalive configs have idle, interval and probes >= 1; lastProbeAt is null
 *   exactly when probesSent is 0; probesSent may exceed `probes`;
 * - a state may carry probes that were already answered (lastProbeAt <=
 *   lastReceived): the stub's rule 3 says they no longer count.
 * Boundaries are inclusive everywhere ("at exactly idle, probe").
 */
import fc from "fast-check";
import {
  LINUX_KEEPALIVE_DEFAULTS,
  type HeartbeatConfig,
  type HeartbeatState,
  type KeepaliveConfig,
  type KeepaliveState,
} from "../../lib/tcp.ts";
import { every, specFor } from "../kit/spec.ts";
import {
  action,
  heartbeatCaseText,
  keepaliveCaseText,
  pair,
  time,
  type HeartbeatCase,
  type KeepaliveCase,
} from "./show.ts";
import {
  heartbeatRunText,
  heartbeatWorldText,
  keepaliveRunPicture,
  keepaliveRunText,
  keepaliveWorldText,
  runHeartbeatWorld,
  runKeepaliveWorld,
  type HeartbeatRun,
  type HeartbeatWorld,
  type KeepaliveRun,
  type KeepaliveWorld,
} from "./sim.ts";

const { property, spec } = specFor<typeof import("../../solutions/07-keepalive.ts")>();

// ── Shared pieces ───────────────────────────────────────────────────────────

/** Clock origins: the start of time, and a Date.now()-sized clock. */
const BASES: readonly number[] = [0, 1_700_000_000_000];

const base: fc.Arbitrary<number> = fc.oneof(fc.constantFrom(...BASES, 1), fc.nat({ max: 1_000_000_000 }));

/** An offset from a boundary: exactly on it, one ms either side, or anywhere within `span`. */
const around = (span: number): fc.Arbitrary<number> =>
  fc.oneof(fc.constantFrom(-1, 0, 1), fc.integer({ min: -span, max: span }));

const showKeepalive = { input: keepaliveCaseText, output: action };
const showHeartbeat = { input: heartbeatCaseText, output: action };

// ── Keepalive inputs ────────────────────────────────────────────────────────

const on = (c: KeepaliveConfig): KeepaliveConfig => ({ ...c, enabled: true });

/** Real stacks' settings, plus two small shapes where idle and interval differ a lot. */
const NAMED_KEEPALIVE: readonly KeepaliveConfig[] = [
  on(LINUX_KEEPALIVE_DEFAULTS), // 7200 s / 75 s / 9
  { enabled: true, idle: 7_200_000, interval: 75_000, probes: 8 }, // FreeBSD
  { enabled: true, idle: 7_200_000, interval: 1_000, probes: 10 }, // Windows
  { enabled: true, idle: 10_000, interval: 1_000, probes: 10 }, // Node 20 on Linux: setKeepAlive(true, 10_000)
  { enabled: true, idle: 1, interval: 1, probes: 1 },
  { enabled: true, idle: 5, interval: 50, probes: 3 },
  { enabled: true, idle: 60, interval: 7, probes: 2 },
];

const smallKeepalive: fc.Arbitrary<KeepaliveConfig> = fc.record({
  enabled: fc.constant(true),
  idle: fc.integer({ min: 1, max: 300 }),
  interval: fc.integer({ min: 1, max: 100 }),
  probes: fc.integer({ min: 1, max: 12 }),
});

const keepaliveOn: fc.Arbitrary<KeepaliveConfig> = fc.oneof(fc.constantFrom(...NAMED_KEEPALIVE), smallKeepalive);

/** Mostly no data in flight, sometimes some. */
const unacked: fc.Arbitrary<boolean> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(false) },
  { weight: 1, arbitrary: fc.constant(true) },
);

/** No probe out yet: `now` lands around the end of the idle time. */
const idleCase = (config: KeepaliveConfig): fc.Arbitrary<KeepaliveCase> =>
  fc.record({ b: base, d: around(config.idle), u: unacked }).map(({ b, d, u }) => ({
    config,
    state: { lastReceived: b, unackedData: u, probesSent: 0, lastProbeAt: null },
    now: Math.max(b, b + config.idle + d),
  }));

/** n probes out and unanswered (the latest maybe sent late): `now` lands around its deadline. */
const probingCase = (config: KeepaliveConfig): fc.Arbitrary<KeepaliveCase> =>
  fc
    .record({
      b: base,
      n: fc.integer({ min: 1, max: config.probes + 1 }),
      late: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2 * config.interval + 5 })),
      d: around(config.interval),
      u: unacked,
    })
    .map(({ b, n, late, d, u }) => {
      const lastProbeAt = b + config.idle + (n - 1) * config.interval + late;
      return {
        config,
        state: { lastReceived: b, unackedData: u, probesSent: n, lastProbeAt },
        now: Math.max(lastProbeAt, lastProbeAt + config.interval + d),
      };
    });

/** n probes out, then the peer was heard (at or after the last probe), but the count was not cleared. */
const answeredCase = (config: KeepaliveConfig): fc.Arbitrary<KeepaliveCase> =>
  fc
    .record({
      b: base,
      n: fc.integer({ min: 1, max: config.probes + 1 }),
      heardAfter: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2 * config.idle })),
      fromHeard: fc.boolean(),
      d: around(Math.max(config.idle, config.interval)),
      u: unacked,
    })
    .map(({ b, n, heardAfter, fromHeard, d, u }) => {
      const lastProbeAt = b + config.idle + (n - 1) * config.interval;
      const lastReceived = lastProbeAt + heardAfter;
      const now = fromHeard ? lastReceived + config.idle + d : lastProbeAt + config.interval + d;
      return {
        config,
        state: { lastReceived, unackedData: u, probesSent: n, lastProbeAt },
        now: Math.max(lastReceived, now),
      };
    });

const anyKeepaliveCase = (config: KeepaliveConfig): fc.Arbitrary<KeepaliveCase> =>
  fc.oneof(idleCase(config), probingCase(config), answeredCase(config));

const keepaliveCase: fc.Arbitrary<KeepaliveCase> = keepaliveOn.chain(anyKeepaliveCase);

/** The same cases with keepalive never turned on: `enabled` omitted, false, or undefined. */
const keepaliveOffCase: fc.Arbitrary<KeepaliveCase> = fc
  .record({ c: keepaliveCase, how: fc.constantFrom("omitted", "false", "undefined") })
  .map(({ c, how }) => {
    const { enabled: _, ...rest } = c.config;
    const config: KeepaliveConfig =
      how === "omitted" ? rest : how === "false" ? { ...rest, enabled: false } : { ...rest, enabled: undefined };
    return { ...c, config };
  });

const withData = (c: KeepaliveCase): KeepaliveCase => ({ ...c, state: { ...c.state, unackedData: true } });
const noData = (c: KeepaliveCase): KeepaliveCase => ({ ...c, state: { ...c.state, unackedData: false } });

/**
 * The ideal time line of a peer that goes silent at `b`: for n = 0 … probes,
 * the moment the (n+1)th probe (or, for n = probes, the abort) is due, asked
 * 1 ms before, exactly at, and 1 ms after.
 */
function timeline(config: KeepaliveConfig, b: number): KeepaliveCase[] {
  const cases: KeepaliveCase[] = [];
  for (let n = 0; n <= config.probes; n++) {
    const due = b + config.idle + n * config.interval;
    const state: KeepaliveState =
      n === 0
        ? { lastReceived: b, unackedData: false, probesSent: 0, lastProbeAt: null }
        : { lastReceived: b, unackedData: false, probesSent: n, lastProbeAt: due - config.interval };
    for (const d of [-1, 0, 1]) cases.push({ config, state, now: due + d });
  }
  return cases;
}

const TIMELINES: readonly KeepaliveCase[] = NAMED_KEEPALIVE.flatMap((c) => BASES.flatMap((b) => timeline(c, b)));

/**
 * Before the first probe, for idle and interval that differ: every `now` from the
 * last receipt to just past idle for small idle times, and the boundaries of idle
 * and of interval for large ones.
 */
const FIRST_PROBE: readonly KeepaliveCase[] = (() => {
  const cases: KeepaliveCase[] = [];
  for (const idle of [1, 2, 5, 60, 7_200_000]) {
    for (const interval of [1, 3, 75_000]) {
      if (idle === interval) continue;
      const config: KeepaliveConfig = { enabled: true, idle, interval, probes: 9 };
      for (const b of BASES) {
        const state: KeepaliveState = { lastReceived: b, unackedData: false, probesSent: 0, lastProbeAt: null };
        const offsets =
          idle <= 60
            ? Array.from({ length: idle + 3 }, (_, i) => i)
            : [0, interval - 1, interval, interval + 1, idle - 1, idle, idle + 1];
        for (const o of offsets) cases.push({ config, state, now: b + o });
      }
    }
  }
  return cases;
})();

// ── Keepalive worlds (whole connections, ms by ms) ──────────────────────────

const worldConfig: fc.Arbitrary<KeepaliveConfig> = fc.record({
  enabled: fc.constant(true),
  idle: fc.integer({ min: 1, max: 30 }),
  interval: fc.integer({ min: 1, max: 10 }),
  probes: fc.integer({ min: 1, max: 5 }),
});

const span = (c: KeepaliveConfig) => c.idle + c.probes * c.interval;

const sortedTimes = (max: number, maxLength: number) =>
  fc.uniqueArray(fc.integer({ min: 1, max }), { maxLength }).map((ts) => [...ts].sort((a, b) => a - b));

const dataWindows = (max: number, longest: number) =>
  fc
    .array(fc.record({ from: fc.integer({ min: 0, max }), len: fc.integer({ min: 1, max: longest }) }), { maxLength: 2 })
    .map((ws) => ws.map(({ from, len }) => ({ from, to: from + len })));

/** Anything goes: the peer talks, sends ACKs for our data, answers probes, maybe dies. */
const anyWorld: fc.Arbitrary<KeepaliveWorld> = worldConfig.chain((config) => {
  const horizon = 2 * span(config) + 20;
  return fc.record({
    config: fc.constant(config),
    peerSends: sortedTimes(horizon, 4),
    deathAt: fc.option(fc.integer({ min: 0, max: horizon }), { nil: null }),
    answerDelay: fc.integer({ min: 0, max: config.interval + 2 }),
    dataWindows: dataWindows(horizon, 3 * config.interval + 5),
    horizon: fc.constant(horizon),
  });
});

/** The peer vanishes at deathAt and we send no data: keepalive alone must notice. */
const deadPeerWorld: fc.Arbitrary<KeepaliveWorld> = worldConfig.chain((config) =>
  fc
    .record({
      deathAt: fc.integer({ min: 0, max: span(config) }),
      answerDelay: fc.integer({ min: 0, max: config.interval + 2 }),
    })
    .chain(({ deathAt, answerDelay }) =>
      fc.record({
        config: fc.constant(config),
        peerSends: deathAt > 1 ? sortedTimes(deathAt - 1, 3) : fc.constant([] as number[]),
        deathAt: fc.constant<number | null>(deathAt),
        answerDelay: fc.constant(answerDelay),
        dataWindows: fc.constant([]),
        horizon: fc.constant(deathAt + span(config) + answerDelay + 3),
      }),
    ),
);

/** The peer lives and answers every probe within the interval. */
const livePeerWorld: fc.Arbitrary<KeepaliveWorld> = worldConfig.chain((config) => {
  const horizon = 2 * span(config) + 20;
  return fc.record({
    config: fc.constant(config),
    peerSends: sortedTimes(horizon, 3),
    deathAt: fc.constant(null),
    answerDelay: fc.integer({ min: 0, max: config.interval - 1 }),
    dataWindows: dataWindows(horizon, 3 * config.interval + 5),
    horizon: fc.constant(horizon),
  });
});

/** After the peer was last heard: `probes` probes one interval apart from idle on, then the abort. */
function silentPeerHolds(run: KeepaliveRun, world: KeepaliveWorld): boolean {
  const { idle, interval, probes } = world.config;
  const h = run.lastHeard;
  const after = run.events.filter((e) => e.at > h);
  const want = [
    ...Array.from({ length: probes }, (_, k) => ({ at: h + idle + k * interval, action: "probe" })),
    { at: h + idle + probes * interval, action: "abort" },
  ];
  return after.length === want.length && after.every((e, i) => e.at === want[i]!.at && e.action === want[i]!.action);
}

const showWorld = {
  input: keepaliveWorldText,
  output: keepaliveRunText,
  picture: (_: KeepaliveWorld, expected: KeepaliveRun, actual: KeepaliveRun | undefined) =>
    keepaliveRunPicture(expected, actual),
};

// ── Heartbeat inputs ────────────────────────────────────────────────────────

const NAMED_HEARTBEAT: readonly HeartbeatConfig[] = [
  { interval: 10_000, timeout: 30_000 },
  { interval: 25_000, timeout: 60_000 },
  { interval: 1, timeout: 1 },
  { interval: 1, timeout: 3 },
  { interval: 5, timeout: 3 }, // a badly chosen timeout is still obeyed exactly
  { interval: 7, timeout: 7 },
];

const heartbeatConfig: fc.Arbitrary<HeartbeatConfig> = fc.oneof(
  fc.constantFrom(...NAMED_HEARTBEAT),
  fc.record({ interval: fc.integer({ min: 1, max: 100 }), timeout: fc.integer({ min: 1, max: 300 }) }),
);

/** A gap that lands around `limit`, or anywhere up to twice it. */
const gapAround = (limit: number) =>
  fc.oneof(
    fc.constantFrom(limit - 1, limit, limit + 1).map((g) => Math.max(0, g)),
    fc.nat({ max: 2 * limit }),
  );

const heartbeatCaseFor = (config: HeartbeatConfig): fc.Arbitrary<HeartbeatCase> =>
  fc
    .record({ b: base, heard: gapAround(config.timeout), sent: gapAround(config.interval) })
    .map(({ b, heard, sent }) => {
      const now = b + Math.max(heard, sent);
      return { config, state: { lastHeard: now - heard, lastSent: now - sent }, now };
    });

const heartbeatCase: fc.Arbitrary<HeartbeatCase> = heartbeatConfig.chain(heartbeatCaseFor);

/** Both due: the peer silent for at least timeout and we silent for at least interval. */
const bothDueCase: fc.Arbitrary<HeartbeatCase> = heartbeatConfig.chain((config) =>
  fc
    .record({
      b: base,
      heard: fc.integer({ min: config.timeout, max: 2 * config.timeout + 1 }),
      sent: fc.integer({ min: config.interval, max: 2 * config.interval + 1 }),
    })
    .map(({ b, heard, sent }) => {
      const now = b + Math.max(heard, sent);
      return { config, state: { lastHeard: now - heard, lastSent: now - sent }, now };
    }),
);

/** The grid of gaps {limit − 1, limit, limit + 1} (and 0) for both clocks, for every named config. */
function heartbeatGrid(pick: (heard: number, sent: number, c: HeartbeatConfig) => boolean): HeartbeatCase[] {
  const cases: HeartbeatCase[] = [];
  for (const config of NAMED_HEARTBEAT) {
    for (const b of BASES) {
      const heardGaps = [0, config.timeout - 1, config.timeout, config.timeout + 1];
      const sentGaps = [0, config.interval - 1, config.interval, config.interval + 1];
      for (const heard of heardGaps) {
        for (const sent of sentGaps) {
          if (heard < 0 || sent < 0 || !pick(heard, sent, config)) continue;
          const now = b + Math.max(heard, sent);
          const state: HeartbeatState = { lastHeard: now - heard, lastSent: now - sent };
          cases.push({ config, state, now });
        }
      }
    }
  }
  return cases;
}

// ── Heartbeat worlds: both ends run the function under test ────────────────

const hbWorldConfig = fc
  .record({ interval: fc.integer({ min: 1, max: 30 }), delay: fc.integer({ min: 1, max: 5 }) })
  .chain(({ interval, delay }) =>
    fc.record({
      interval: fc.constant(interval),
      delay: fc.constant(delay),
      // healthy: the timeout leaves room for one interval plus the delay
      timeout: fc.integer({ min: interval + delay + 1, max: interval + delay + 40 }),
    }),
  );

const healthyWorld: fc.Arbitrary<HeartbeatWorld> = hbWorldConfig.chain(({ interval, delay, timeout }) => {
  const horizon = 2 * timeout + 20;
  return fc.record({
    config: fc.constant({ interval, timeout }),
    delay: fc.constant(delay),
    aSends: sortedTimes(horizon, 5),
    bSends: sortedTimes(horizon, 5),
    bDiesAt: fc.constant(null),
    horizon: fc.constant(horizon),
  });
});

const peerDiesWorld: fc.Arbitrary<HeartbeatWorld> = hbWorldConfig.chain(({ interval, delay, timeout }) =>
  fc.integer({ min: 0, max: 2 * timeout }).chain((bDiesAt) => {
    const horizon = bDiesAt + delay + timeout + interval + 5;
    return fc.record({
      config: fc.constant({ interval, timeout }),
      delay: fc.constant(delay),
      aSends: sortedTimes(horizon, 5),
      bSends: bDiesAt > 1 ? sortedTimes(bDiesAt - 1, 4) : fc.constant([] as number[]),
      bDiesAt: fc.constant<number | null>(bDiesAt),
      horizon: fc.constant(horizon),
    });
  }),
);

/** Any settings, healthy or not, with or without B dying. */
const anyHeartbeatWorld: fc.Arbitrary<HeartbeatWorld> = fc
  .record({
    interval: fc.integer({ min: 1, max: 30 }),
    timeout: fc.integer({ min: 1, max: 60 }),
    delay: fc.integer({ min: 1, max: 5 }),
  })
  .chain(({ interval, timeout, delay }) => {
    const horizon = 2 * (interval + timeout) + 20;
    return fc.record({
      config: fc.constant({ interval, timeout }),
      delay: fc.constant(delay),
      aSends: sortedTimes(horizon, 5),
      bSends: sortedTimes(horizon, 5),
      bDiesAt: fc.option(fc.integer({ min: 0, max: horizon }), { nil: null }),
      horizon: fc.constant(horizon),
    });
  });

const showHbWorld = { input: heartbeatWorldText, output: (r: HeartbeatRun) => heartbeatRunText(r) };

// ── The spec ────────────────────────────────────────────────────────────────

export default spec({
  keepaliveAction: [
    property({
      name: "keepalive is off unless the application turns it on: with `enabled` omitted or false it never probes or aborts",
      input: keepaliveOffCase,
      run: (m, c: KeepaliveCase) => m.keepaliveAction(c.config, c.state, c.now),
      show: showKeepalive,
    }),
    property({
      name: "while sent data is unacknowledged keepalive does nothing: the retransmission timer is in charge",
      input: keepaliveCase.map(withData),
      run: (m, c: KeepaliveCase) => m.keepaliveAction(c.config, c.state, c.now),
      show: showKeepalive,
    }),
    property({
      name: "the first probe goes out exactly `idle` after the peer was last heard: not after `interval`, not 1 ms early or late",
      input: every(FIRST_PROBE),
      run: (m, c: KeepaliveCase) => m.keepaliveAction(c.config, c.state, c.now),
      show: showKeepalive,
    }),
    property({
      name: "Linux 7200 s/75 s/9 probes (abort at 7875 s), FreeBSD (8 probes), Windows and Node: every probe and the abort come exactly on time",
      input: every(TIMELINES),
      run: (m, c: KeepaliveCase) => m.keepaliveAction(c.config, c.state, c.now),
      show: showKeepalive,
    }),
    property({
      name: "one unanswered probe is not death: abort only after `probes` probes have each had `interval` to be answered",
      input: keepaliveOn.chain(probingCase).map(noData),
      run: (m, c: KeepaliveCase) => m.keepaliveAction(c.config, c.state, c.now),
      show: showKeepalive,
    }),
    property({
      name: "anything heard from the peer resets the idle clock and the probe count (probes sent at or before it are answered)",
      input: keepaliveOn.chain(answeredCase),
      run: (m, c: KeepaliveCase) => [
        m.keepaliveAction(c.config, c.state, c.now),
        m.keepaliveAction(c.config, { ...c.state, probesSent: 0, lastProbeAt: null }, c.now),
      ],
      show: { input: keepaliveCaseText, output: pair("with the old probe count in the state", "with it cleared") },
    }),
    property({
      name: "only time differences matter: shifting every time by the same amount gives the same answer",
      input: fc.record({
        c: keepaliveCase,
        shift: fc.oneof(fc.constantFrom(1, 999, 1_700_000_000_000), fc.integer({ min: 1, max: 1_000_000_000_000 })),
      }),
      run: (m, { c, shift }: { c: KeepaliveCase; shift: number }) => {
        const s = c.state;
        const shifted: KeepaliveState = {
          ...s,
          lastReceived: s.lastReceived + shift,
          lastProbeAt: s.lastProbeAt === null ? null : s.lastProbeAt + shift,
        };
        return [m.keepaliveAction(c.config, s, c.now), m.keepaliveAction(c.config, shifted, c.now + shift)];
      },
      show: {
        input: ({ c, shift }: { c: KeepaliveCase; shift: number }) =>
          `${keepaliveCaseText(c)}\nthen every time moved ${time(shift)} later`,
        output: pair("as given", "shifted"),
      },
    }),
    property({
      name: "agrees with the reference on any state, config and moment",
      input: fc.oneof({ weight: 4, arbitrary: keepaliveCase }, { weight: 1, arbitrary: keepaliveOffCase }),
      run: (m, c: KeepaliveCase) => m.keepaliveAction(c.config, c.state, c.now),
      show: showKeepalive,
    }),
    property({
      name: "over a whole connection, ms by ms (peer talking, data in flight, peer dying), probes and the abort come when the reference's do",
      input: anyWorld,
      run: (m, w: KeepaliveWorld) => runKeepaliveWorld(m.keepaliveAction, w),
      numRuns: 50,
      show: showWorld,
    }),
    property({
      name: "a peer that vanishes is given up on exactly idle + probes × interval after it was last heard, with a probe every interval from idle on",
      input: deadPeerWorld,
      run: (m, w: KeepaliveWorld) => runKeepaliveWorld(m.keepaliveAction, w),
      numRuns: 50,
      holds: (actual, w) => silentPeerHolds(actual, w),
      show: showWorld,
    }),
    property({
      name: "a live peer that answers every probe within the interval is never aborted",
      input: livePeerWorld,
      run: (m, w: KeepaliveWorld) => runKeepaliveWorld(m.keepaliveAction, w),
      numRuns: 50,
      holds: (actual) => actual.events.every((e) => e.action === "probe"),
      show: showWorld,
    }),
  ],

  heartbeatAction: [
    property({
      name: "a heartbeat goes out exactly `interval` after we last sent anything, not 1 ms early or late",
      input: every(heartbeatGrid((heard, _sent, c) => heard < c.timeout)),
      run: (m, c: HeartbeatCase) => m.heartbeatAction(c.config, c.state, c.now),
      show: showHeartbeat,
    }),
    property({
      name: "the connection closes exactly `timeout` after the peer was last heard, not 1 ms early or late",
      input: every(heartbeatGrid((_heard, sent, c) => sent < c.interval)),
      run: (m, c: HeartbeatCase) => m.heartbeatAction(c.config, c.state, c.now),
      show: showHeartbeat,
    }),
    property({
      name: "when a heartbeat and closing are both due, close wins",
      input: bothDueCase,
      run: (m, c: HeartbeatCase) => m.heartbeatAction(c.config, c.state, c.now),
      show: showHeartbeat,
    }),
    property({
      name: "only time differences matter: shifting every time by the same amount gives the same answer",
      input: fc.record({
        c: heartbeatCase,
        shift: fc.oneof(fc.constantFrom(1, 999, 1_700_000_000_000), fc.integer({ min: 1, max: 1_000_000_000_000 })),
      }),
      run: (m, { c, shift }: { c: HeartbeatCase; shift: number }) => [
        m.heartbeatAction(c.config, c.state, c.now),
        m.heartbeatAction(
          c.config,
          { lastHeard: c.state.lastHeard + shift, lastSent: c.state.lastSent + shift },
          c.now + shift,
        ),
      ],
      show: {
        input: ({ c, shift }: { c: HeartbeatCase; shift: number }) =>
          `${heartbeatCaseText(c)}\nthen every time moved ${time(shift)} later`,
        output: pair("as given", "shifted"),
      },
    }),
    property({
      name: "agrees with the reference on any state, config and moment",
      input: heartbeatCase,
      run: (m, c: HeartbeatCase) => m.heartbeatAction(c.config, c.state, c.now),
      show: showHeartbeat,
    }),
    property({
      name: "two ends running your heartbeat keep a healthy connection open (timeout > interval + delay)",
      input: healthyWorld,
      run: (m, w: HeartbeatWorld) => runHeartbeatWorld(m.heartbeatAction, w),
      numRuns: 50,
      holds: (actual) => actual.closes.length === 0 && actual.invalid.length === 0,
      show: showHbWorld,
    }),
    property({
      name: "when the other end vanishes, you close exactly `timeout` after you last heard from it",
      input: peerDiesWorld,
      run: (m, w: HeartbeatWorld) => runHeartbeatWorld(m.heartbeatAction, w),
      numRuns: 50,
      holds: (actual, w) =>
        actual.invalid.length === 0 &&
        actual.closes.length === 1 &&
        actual.closes[0]!.end === "A" &&
        actual.closes[0]!.at === actual.closes[0]!.lastHeard + w.config.timeout,
      show: showHbWorld,
    }),
    property({
      name: "over a whole conversation, ms by ms, both ends send heartbeats and close when the reference's do",
      input: anyHeartbeatWorld,
      run: (m, w: HeartbeatWorld) => runHeartbeatWorld(m.heartbeatAction, w),
      numRuns: 50,
      show: showHbWorld,
    }),
  ],
});
