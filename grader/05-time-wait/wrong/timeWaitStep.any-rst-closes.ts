// Mistake: any RST closes TIME-WAIT (RFC 793 style, no RFC 5961 check that SEG.SEQ is exactly RCV.NXT).
import type { TimeWait, TimeWaitConfig, TimeWaitInput, TimeWaitResult } from "../../../lib/tcp.ts";
import { timeWaitStep as reference } from "../../../solutions/05-time-wait.ts";

export function timeWaitStep(tw: TimeWait, input: TimeWaitInput, now: number, config: TimeWaitConfig): TimeWaitResult {
  if (now < tw.deadline && input.kind === "segment" && input.segment.flags.RST && !config.rfc1337) return { state: "CLOSED", send: [] };
  return reference(tw, input, now, config);
}
