// Mistake: compares and adds sequence numbers with plain < and +, forgetting they wrap at 2^32.
import { flags, type Segment, type TimeWait, type TimeWaitConfig, type TimeWaitInput, type TimeWaitResult } from "../../../lib/tcp.ts";

export function timeWaitStep(tw: TimeWait, input: TimeWaitInput, now: number, config: TimeWaitConfig): TimeWaitResult {
  if (now >= tw.deadline) return { state: "CLOSED", send: [] };
  if (input.kind === "tick") return { state: "TIME-WAIT", deadline: tw.deadline, send: [] };
  const s = input.segment;
  const ack: Segment = { seq: tw.sndNxt, ack: tw.rcvNxt, flags: flags("ACK"), dataLength: 0 };
  const stay = (send: Segment[], deadline = tw.deadline): TimeWaitResult => ({ state: "TIME-WAIT", deadline, send });
  const inWindow = (seq: number) => seq >= tw.rcvNxt && seq < tw.rcvNxt + tw.rcvWnd;
  if (s.flags.RST) {
    if (config.rfc1337) return stay([]);
    if (s.seq === tw.rcvNxt) return { state: "CLOSED", send: [] };
    return inWindow(s.seq) ? stay([ack]) : stay([]);
  }
  if (s.flags.SYN) return stay([ack]);
  if (s.flags.FIN && s.seq + s.dataLength + 1 === tw.rcvNxt) return stay([ack], now + 2 * config.msl);
  const pureAck = !s.flags.FIN && s.dataLength === 0;
  if (pureAck && (tw.rcvWnd === 0 ? s.seq === tw.rcvNxt : inWindow(s.seq))) return stay([]);
  return stay([ack]);
}
