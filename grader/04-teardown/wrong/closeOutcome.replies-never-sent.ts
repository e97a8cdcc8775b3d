// Mistake: only what close() sends goes into the network; the ACK an end sends when a FIN arrives is forgotten.
import type { CloseOutcome, CloseStep, Segment, Tcb } from "../../../lib/tcp.ts";
import { nextState } from "../../../solutions/04-teardown.ts";

const established = (iss: number, irs: number): Tcb => ({ state: "ESTABLISHED", passiveOpen: false, iss, sndUna: iss + 1, sndNxt: iss + 1, irs, rcvNxt: irs + 1 });

export function closeOutcome(steps: readonly CloseStep[]): CloseOutcome {
  const tcb = { client: established(100, 300), server: established(300, 100) };
  const inbox: { client: Segment[]; server: Segment[] } = { client: [], server: [] };
  for (const s of steps) {
    if (s.kind === "deliver") {
      const seg = inbox[s.to].shift();
      if (seg) tcb[s.to] = nextState(tcb[s.to], { kind: "segment", segment: seg }).tcb;
    } else {
      const t = nextState(tcb[s.end], s.kind === "close" ? { kind: "close" } : { kind: "time-wait-timeout" });
      tcb[s.end] = t.tcb;
      inbox[s.end === "client" ? "server" : "client"].push(...t.send);
    }
  }
  return { client: tcb.client.state, server: tcb.server.state };
}
