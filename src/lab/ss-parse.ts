/**
 * Parsing what Linux `ss -tanoH` prints (iproute2). Pure functions, tested on
 * captured output.
 *
 *   State      Recv-Q Send-Q Local Address:Port Peer Address:Port Process
 *   FIN-WAIT-2 0      0      127.0.0.1:50280    127.0.0.1:45417   timer:(timewait,59sec,0)
 *
 * The timer quirk. ss formats a timer's time left in print_ms_timer(): minutes
 * as "Nmin", whole seconds as "Nsec", milliseconds as "NNNms" — but when there
 * are both seconds and milliseconds it prints the seconds, a dot, then the
 * milliseconds with their "ms" unit: 2 216 ms comes out as "2.216ms", which
 * reads like two milliseconds and means 2.216 seconds. ss never prints a
 * fraction of a millisecond, so "<digits>.<3 digits>ms" is always that case.
 * It also prints nothing at all for 0 ms ("timer:(keepalive,,0)").
 */
import { socketFromColumns, splitEndpoint, type Endpoint, type KernelSocket, type SocketTimer } from "./kernel-socket.ts";

const MS_PER_SEC = 1000;
const MS_PER_MIN = 60 * MS_PER_SEC;

/**
 * A timer's "expires" field as ss prints it → milliseconds, or undefined when it
 * is not in any form ss uses. Handles the "2.216ms" = 2.216 s quirk.
 */
export function parseSsDuration(text: string): number | undefined {
  const t = text.trim();
  if (t === "") return 0; // ss prints an empty field when 0 ms are left
  // ss's own format: [Nmin][Nsec | N.]NNNms, each part optional.
  const m = /^(?:(\d+)min)?(?:(\d+)(sec|\.))?(?:(\d+)ms)?$/.exec(t);
  if (m && (m[1] ?? m[2] ?? m[4]) !== undefined) {
    const minutes = Number(m[1] ?? 0);
    const seconds = Number(m[2] ?? 0);
    if (m[3] === "." && m[4] === undefined) return undefined; // "2." alone is not ss output
    const millis = Number(m[4] ?? 0);
    return minutes * MS_PER_MIN + seconds * MS_PER_SEC + millis;
  }
  // Tolerate a correct decimal with a real unit, as other tools print it.
  const d = /^(\d+(?:\.\d+)?)(ms|s|sec|min)$/.exec(t);
  if (d) {
    const value = Number(d[1]);
    const unit = d[2] === "ms" ? 1 : d[2] === "min" ? MS_PER_MIN : MS_PER_SEC;
    return Math.round(value * unit);
  }
  return undefined;
}

/** `timer:(name,expires,count)` anywhere in a line → the timer, or undefined. */
export function parseSsTimer(line: string): SocketTimer | undefined {
  const m = /timer:(\(([^,()]*),([^,()]*),(\d+)\))/.exec(line);
  if (!m) return undefined;
  const ms = parseSsDuration(m[3]!);
  if (ms === undefined) return undefined;
  return { name: m[2]!, ms, count: Number(m[4]), raw: m[1]! };
}

/**
 * "127.0.0.1:8080", "[::1]:8080", "*:8080", "127.0.0.1%lo:8080", "0.0.0.0:*" → endpoint.
 * The port is what follows the last colon ("*" means any: 0).
 */
export function parseSsEndpoint(text: string): Endpoint | undefined {
  const endpoint = splitEndpoint(text, ":");
  if (!endpoint) return undefined;
  let address = endpoint.address;
  if (address.startsWith("[") && address.endsWith("]")) address = address.slice(1, -1);
  const percent = address.indexOf("%");
  if (percent > 0) address = address.slice(0, percent);
  return { address, port: endpoint.port };
}

/** One line of `ss -tano` → a socket, or undefined for a header or anything else. */
export function parseSsLine(line: string): KernelSocket | undefined {
  let fields = line.trim().split(/\s+/);
  if (fields[0] === "tcp") fields = fields.slice(1); // `ss -an` without -t has a Netid column
  if (fields.length < 5) return undefined;
  const [kernelState, recv, send, local, peer] = fields as [string, string, string, string, string];
  if (kernelState === "State") return undefined;
  return socketFromColumns({ kernelState, recv, send, local, peer }, parseSsEndpoint, line, parseSsTimer(line));
}

/** Every socket line of ss's output (header and blank lines skipped). */
export function parseSsOutput(output: string): KernelSocket[] {
  const sockets: KernelSocket[] = [];
  for (const line of output.split("\n")) {
    const socket = parseSsLine(line);
    if (socket) sockets.push(socket);
  }
  return sockets;
}

/** ss's filter for "a local or remote port is one of these": `( sport = :P or dport = :P … )`. */
export function ssPortFilter(ports: readonly number[]): string {
  const terms = ports.flatMap((p) => [`sport = :${p}`, `dport = :${p}`]);
  return `( ${terms.join(" or ")} )`;
}
