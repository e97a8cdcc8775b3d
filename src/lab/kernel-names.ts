/**
 * The kernel's spelling of a TCP state → the RFC 9293 name (§3.3.2).
 *
 * Linux `ss` prints SYN-RECV and ESTAB (and UNCONN for a socket with no
 * connection); /proc/net/tcp and BSD `netstat` use underscores (SYN_SENT,
 * SYN_RCVD, FIN_WAIT_1). Everything the lab shows a learner is in RFC names, with
 * the kernel's own word next to it where they differ.
 */
import type { State } from "../../lib/tcp.ts";

const KERNEL_TO_RFC: Readonly<Record<string, State>> = {
  // Linux ss (iproute2)
  "ESTAB": "ESTABLISHED",
  "SYN-SENT": "SYN-SENT",
  "SYN-RECV": "SYN-RECEIVED",
  "NEW-SYN-RECV": "SYN-RECEIVED",
  "FIN-WAIT-1": "FIN-WAIT-1",
  "FIN-WAIT-2": "FIN-WAIT-2",
  "TIME-WAIT": "TIME-WAIT",
  "UNCONN": "CLOSED",
  "CLOSE": "CLOSED",
  "CLOSE-WAIT": "CLOSE-WAIT",
  "LAST-ACK": "LAST-ACK",
  "LISTEN": "LISTEN",
  "CLOSING": "CLOSING",
  // BSD / macOS netstat (after "_" → "-")
  "ESTABLISHED": "ESTABLISHED",
  "SYN-RCVD": "SYN-RECEIVED",
  "SYN-RECEIVED": "SYN-RECEIVED",
  "CLOSED": "CLOSED",
};

/**
 * The RFC 9293 name for a state as a kernel tool prints it, or undefined for a
 * word that is no TCP state. Case and `_` versus `-` do not matter.
 */
export function rfcStateOf(kernelName: string): State | undefined {
  const key = kernelName.trim().toUpperCase().replaceAll("_", "-");
  return KERNEL_TO_RFC[key];
}
