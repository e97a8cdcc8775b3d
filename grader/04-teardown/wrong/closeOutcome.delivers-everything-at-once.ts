// Mistake: one "deliver" step hands over every segment travelling to that end, not just the oldest one.
import type { CloseOutcome, CloseStep, Segment, Tcb, TcpEvent } from "../../../lib/tcp.ts";
import { nextState } from "../../../solutions/04-teardown.ts";

const established = (iss: number, irs: number): Tcb => ({ state: "ESTABLISHED", passiveOpen: false, iss, sndUna: iss + 1, sndNxt: iss + 1, irs, rcvNxt: irs + 1 });

export function closeOutcome(steps: readonly CloseStep[]): CloseOutcome {
  const tcb = { client: established(100, 300), server: established(300, 100) };
  const inbox: { client: Segment[]; server: Segment[] } = { client: [], server: [] };
  const apply = (end: "client" | "server", e: TcpEvent) => {
    const t = nextState(tcb[end], e);
    tcb[end] = t.tcb;
    inbox[end === "client" ? "server" : "client"].push(...t.send);
  };
  for (const s of steps) {
    if (s.kind === "deliver") {
      const all = inbox[s.to].splice(0);
      for (const seg of all) apply(s.to, { kind: "segment", segment: seg });
    } else apply(s.end, s.kind === "close" ? { kind: "close" } : { kind: "time-wait-timeout" });
  }
  return { client: tcb.client.state, server: tcb.server.state };
}
