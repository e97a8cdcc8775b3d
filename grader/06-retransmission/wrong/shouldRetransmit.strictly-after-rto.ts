// Mistake: off by one at the boundary: treats the timer as expired only when now − lastSent > rto (not >=).
import type { RetransmitDecision } from "../../../lib/tcp.ts";

export function shouldRetransmit(now: number, lastSent: number, rto: number, tries: number, maxTries: number): RetransmitDecision {
  if (now - lastSent <= rto) return "wait";
  return tries < maxTries ? "retransmit" : "give-up";
}
