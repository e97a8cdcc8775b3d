/**
 * The close-script runner the known-wrong closeOutcome files share: the
 * reference's way of running a script, with one knob per mistake a learner
 * makes about how segments travel.
 */
import type { CloseOutcome, CloseStep, Segment, Tcb, TcpEvent } from "../../lib/tcp.ts";
import { nextState } from "../../solutions/04-teardown.ts";

type End = "client" | "server";

export interface CloseMistakes {
  /** Which of the segments travelling to an end one "deliver" step hands over (right: the oldest one). */
  readonly deliver?: (inbox: Segment[]) => Segment[];
  /** Drop what an end sends in reply to a segment (right: it travels like anything else). */
  readonly forgetReplies?: boolean;
}

const established = (iss: number, irs: number): Tcb => ({ state: "ESTABLISHED", passiveOpen: false, iss, sndUna: iss + 1, sndNxt: iss + 1, irs, rcvNxt: irs + 1 });

export function makeCloseOutcome(mistakes: CloseMistakes): (steps: readonly CloseStep[]) => CloseOutcome {
  const deliver = mistakes.deliver ?? ((inbox: Segment[]) => inbox.splice(0, 1));
  return (steps) => {
    const tcb: Record<End, Tcb> = { client: established(100, 300), server: established(300, 100) };
    const inbox: Record<End, Segment[]> = { client: [], server: [] };
    const apply = (end: End, event: TcpEvent) => {
      const t = nextState(tcb[end], event);
      tcb[end] = t.tcb;
      if (!(mistakes.forgetReplies && event.kind === "segment")) inbox[end === "client" ? "server" : "client"].push(...t.send);
    };
    for (const s of steps) {
      if (s.kind === "deliver") for (const segment of deliver(inbox[s.to])) apply(s.to, { kind: "segment", segment });
      else apply(s.end, { kind: s.kind });
    }
    return { client: tcb.client.state, server: tcb.server.state };
  };
}
