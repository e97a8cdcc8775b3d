/**
 * Linux's machine-wide TCP counters: the two-line "Prefix: names…" / "Prefix:
 * values…" blocks of /proc/net/netstat ("TcpExt" lines) and /proc/net/snmp
 * ("Tcp" lines), which `nstat` and `netstat -s` read. The lab uses
 * TcpExt.TCPKeepAlive (keepalive probes sent) and Tcp.OutRsts (RSTs sent).
 */
import { readFile } from "node:fs/promises";

/** The blocks of /proc/net/netstat or /proc/net/snmp → { "TcpExt.TCPKeepAlive": 12, … }. */
export function parseProcNetstat(text: string): Map<string, number> {
  const counters = new Map<string, number>();
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const names = lines[i]!.trim().split(/\s+/);
    const values = lines[i + 1]!.trim().split(/\s+/);
    const prefix = names[0];
    if (!prefix?.endsWith(":") || values[0] !== prefix) continue;
    names.slice(1).forEach((name, k) => {
      const value = Number(values[k + 1]);
      if (Number.isFinite(value)) counters.set(`${prefix.slice(0, -1)}.${name}`, value);
    });
  }
  return counters;
}

/** One counter of one of those files, or undefined where there is no such file (not Linux). */
async function counter(path: string, name: string): Promise<number | undefined> {
  try {
    return parseProcNetstat(await readFile(path, "utf8")).get(name);
  } catch {
    return undefined;
  }
}

/** Keepalive probes this machine (network namespace) has sent so far, or undefined off Linux. */
export function keepaliveProbesSent(path = "/proc/net/netstat"): Promise<number | undefined> {
  return counter(path, "TcpExt.TCPKeepAlive");
}

/** RST segments this machine (network namespace) has sent so far, or undefined off Linux. */
export function resetsSent(path = "/proc/net/snmp"): Promise<number | undefined> {
  return counter(path, "Tcp.OutRsts");
}
