// Mistake: off-by-one retry counting: allows a retransmission while tries <= maxTries, so it retransmits maxTries + 1 times.
import type { RetransmitDecision } from "../../../lib/tcp.ts";

export function shouldRetransmit(now: number, lastSent: number, rto: number, tries: number, maxTries: number): RetransmitDecision {
  if (now - lastSent < rto) return "wait";
  return tries <= maxTries ? "retransmit" : "give-up";
}
