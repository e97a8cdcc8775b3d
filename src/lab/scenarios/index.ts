/** The lab's scenarios, in the order the lessons meet them. */
import type { Scenario } from "../scenario.ts";
import { halfClose } from "./half-close.ts";
import { handshake } from "./handshake.ts";
import { keepalive } from "./keepalive.ts";
import { serverClosesFirst } from "./server-closes-first.ts";
import { simultaneousClose } from "./simultaneous-close.ts";
import { simultaneousOpen } from "./simultaneous-open.ts";
import { synBacklog } from "./syn-backlog.ts";
import { teardown } from "./teardown.ts";
import { writeAfterClose } from "./write-after-close.ts";

export const SCENARIOS: readonly Scenario[] = [
  handshake,
  synBacklog,
  simultaneousOpen,
  teardown,
  halfClose,
  writeAfterClose,
  serverClosesFirst,
  simultaneousClose,
  keepalive,
];

export function findScenario(name: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}

export const SCENARIO_NAMES: readonly string[] = SCENARIOS.map((s) => s.name);
