// Mistake: reads rule 6 ("an acceptable pure ACK") as needing the ACK bit, so an in-window segment with no flags at all is answered with an ACK; the stub says the ACK bit plays no part.
import { flags, type TimeWait, type TimeWaitConfig, type TimeWaitInput, type TimeWaitResult } from "../../../lib/tcp.ts";
import { timeWaitStep as reference } from "../../../solutions/05-time-wait.ts";

export function timeWaitStep(tw: TimeWait, input: TimeWaitInput, now: number, config: TimeWaitConfig): TimeWaitResult {
  const r = reference(tw, input, now, config);
  if (input.kind === "segment" && !input.segment.flags.ACK && r.state === "TIME-WAIT" && r.send.length === 0 && !input.segment.flags.RST) {
    return { ...r, send: [{ seq: tw.sndNxt, ack: tw.rcvNxt, flags: flags("ACK"), dataLength: 0 }] };
  }
  return r;
}
