/**
 * Parsing what macOS (BSD) `netstat -an -p tcp` prints. Pure functions.
 *
 *   Active Internet connections (including servers)
 *   Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)
 *   tcp4       0      0  127.0.0.1.52000        127.0.0.1.8080         ESTABLISHED
 *   tcp4       0      0  127.0.0.1.8080         *.*                    LISTEN
 *
 * BSD writes the port after the LAST dot, and has no timer column.
 */
import { socketFromColumns, splitEndpoint, type Endpoint, type KernelSocket } from "./kernel-socket.ts";

/** "127.0.0.1.8080", "*.8080", "*.*", "::1.8080" → endpoint. */
export function parseNetstatEndpoint(text: string): Endpoint | undefined {
  return splitEndpoint(text, ".");
}

export function parseNetstatLine(line: string): KernelSocket | undefined {
  const fields = line.trim().split(/\s+/);
  if (fields.length < 6 || !/^tcp[46]{0,2}$/.test(fields[0]!)) return undefined;
  const [, recv, send, local, peer, kernelState] = fields as [string, string, string, string, string, string];
  return socketFromColumns({ kernelState, recv, send, local, peer }, parseNetstatEndpoint, line);
}

/** The TCP sockets of netstat's output that use one of `ports` at either end. */
export function parseNetstatOutput(output: string, ports: readonly number[]): KernelSocket[] {
  const wanted = new Set(ports);
  const sockets: KernelSocket[] = [];
  for (const line of output.split("\n")) {
    const socket = parseNetstatLine(line);
    if (socket && (wanted.has(socket.local.port) || wanted.has(socket.peer.port))) sockets.push(socket);
  }
  return sockets;
}
