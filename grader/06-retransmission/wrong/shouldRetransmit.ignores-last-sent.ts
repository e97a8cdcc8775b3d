// Mistake: compares the clock with the RTO directly (now >= rto), forgetting to measure from the last send.
import type { RetransmitDecision } from "../../../lib/tcp.ts";

export function shouldRetransmit(now: number, lastSent: number, rto: number, tries: number, maxTries: number): RetransmitDecision {
  if (now < rto) return "wait";
  return tries < maxTries ? "retransmit" : "give-up";
}
