/**
 * What the lab knows about one kernel socket, read from `ss` or `netstat`: the
 * shape every parser produces and every renderer reads.
 */
import type { State } from "../../lib/tcp.ts";

export interface Endpoint {
  /** "127.0.0.1", "0.0.0.0", "::1", "*" … as the tool prints it. */
  readonly address: string;
  /** 0 when the tool prints "*" (a listener's peer). */
  readonly port: number;
}

/** One timer of a socket, as `ss -o` shows it: `timer:(name,expires,count)`. */
export interface SocketTimer {
  /**
   * on = retransmission (or SYN retransmission), keepalive, timewait (TIME-WAIT,
   * and also an orphaned FIN-WAIT-2's tcp_fin_timeout), persist = zero-window
   * probe, unknown.
   */
  readonly name: string;
  /** Time left until it fires, in milliseconds (the ss unit quirk already undone). */
  readonly ms: number;
  /** Retransmissions so far (on), unanswered keepalive probes (keepalive), or probes (persist). */
  readonly count: number;
  /** The text exactly as printed, e.g. "(keepalive,2.216ms,0)". */
  readonly raw: string;
}

export interface KernelSocket {
  /** The kernel's own word: "ESTAB", "SYN-RECV", "TIME_WAIT" … */
  readonly kernelState: string;
  /** The RFC 9293 name, or undefined when the word is not a TCP state we know. */
  readonly state: State | undefined;
  /** Bytes received and not yet read by the application (for LISTEN: the accept queue). */
  readonly recvQ: number;
  /** Bytes sent and not yet acknowledged, +1 for an unacknowledged SYN or FIN (for LISTEN: the backlog). */
  readonly sendQ: number;
  readonly local: Endpoint;
  readonly peer: Endpoint;
  readonly timer?: SocketTimer;
  /** The line the tool printed, for showing it as it is. */
  readonly line: string;
}
