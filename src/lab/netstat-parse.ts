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
import type { Endpoint, KernelSocket } from "./kernel-socket.ts";
import { rfcStateOf } from "./kernel-names.ts";

/** "127.0.0.1.8080", "*.8080", "*.*", "::1.8080" → endpoint. */
export function parseNetstatEndpoint(text: string): Endpoint | undefined {
  const dot = text.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const address = text.slice(0, dot);
  const portText = text.slice(dot + 1);
  if (portText !== "*" && !/^\d+$/.test(portText)) return undefined;
  return { address, port: portText === "*" ? 0 : Number(portText) };
}

export function parseNetstatLine(line: string): KernelSocket | undefined {
  const fields = line.trim().split(/\s+/);
  if (fields.length < 6 || !/^tcp[46]{0,2}$/.test(fields[0]!)) return undefined;
  const [, recv, send, localText, peerText, kernelState] = fields as [string, string, string, string, string, string];
  if (!/^\d+$/.test(recv) || !/^\d+$/.test(send)) return undefined;
  const local = parseNetstatEndpoint(localText);
  const peer = parseNetstatEndpoint(peerText);
  if (!local || !peer) return undefined;
  return {
    kernelState,
    state: rfcStateOf(kernelState),
    recvQ: Number(recv),
    sendQ: Number(send),
    local,
    peer,
    line: line.trim(),
  };
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
