// Mistake: gives up as soon as the last allowed retransmission has been sent, without waiting for its timer (a SYN would give up at 63 s, not 127 s).
import type { RetransmitDecision } from "../../../lib/tcp.ts";

export function shouldRetransmit(now: number, lastSent: number, rto: number, tries: number, maxTries: number): RetransmitDecision {
  if (tries >= maxTries) return "give-up";
  return now - lastSent >= rto ? "retransmit" : "wait";
}
