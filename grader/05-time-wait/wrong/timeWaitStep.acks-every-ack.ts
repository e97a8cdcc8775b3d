// Mistake: answers every segment with an ACK, even an acceptable pure ACK (two such endpoints bounce ACKs forever).
import { flags, type TimeWait, type TimeWaitConfig, type TimeWaitInput, type TimeWaitResult } from "../../../lib/tcp.ts";
import { timeWaitStep as reference } from "../../../solutions/05-time-wait.ts";

export function timeWaitStep(tw: TimeWait, input: TimeWaitInput, now: number, config: TimeWaitConfig): TimeWaitResult {
  const result = reference(tw, input, now, config);
  if (result.state === "TIME-WAIT" && input.kind === "segment" && !input.segment.flags.RST && result.send.length === 0) {
    return { ...result, send: [{ seq: tw.sndNxt, ack: tw.rcvNxt, flags: flags("ACK"), dataLength: 0 }] };
  }
  return result;
}
