/**
 * What the lab knows about one kernel socket, read from `ss` or `netstat`: the
 * shape every parser produces and every renderer reads.
 */
import type { State } from "../../lib/tcp.ts";
import { rfcStateOf } from "./kernel-names.ts";

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

/**
 * An endpoint as both tools print it: address, a separator, then a port or "*"
 * (ss: "127.0.0.1:8080", netstat: "127.0.0.1.8080"). The port follows the LAST separator.
 */
export function splitEndpoint(text: string, separator: ":" | "."): Endpoint | undefined {
  const at = text.lastIndexOf(separator);
  if (at <= 0) return undefined;
  const portText = text.slice(at + 1);
  if (portText !== "*" && !/^\d+$/.test(portText)) return undefined;
  return { address: text.slice(0, at), port: portText === "*" ? 0 : Number(portText) };
}

/** The columns both tools print, checked and read; undefined when the line is not a socket's. */
export function socketFromColumns(
  columns: { readonly kernelState: string; readonly recv: string; readonly send: string; readonly local: string; readonly peer: string },
  parseEndpoint: (text: string) => Endpoint | undefined,
  line: string,
  timer?: SocketTimer,
): KernelSocket | undefined {
  if (!/^\d+$/.test(columns.recv) || !/^\d+$/.test(columns.send)) return undefined;
  const local = parseEndpoint(columns.local);
  const peer = parseEndpoint(columns.peer);
  if (!local || !peer) return undefined;
  return {
    kernelState: columns.kernelState,
    state: rfcStateOf(columns.kernelState),
    recvQ: Number(columns.recv),
    sendQ: Number(columns.send),
    local,
    peer,
    ...(timer ? { timer } : {}),
    line: line.trim(),
  };
}
