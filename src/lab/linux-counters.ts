/**
 * Linux's machine-wide TCP counters (/proc/net/netstat, the "TcpExt" lines that
 * `nstat` and `netstat -s` read). The lab uses TCPKeepAlive: keepalive probes sent.
 */
import { readFile } from "node:fs/promises";

/**
 * The two-line "Prefix: names…" / "Prefix: values…" blocks of /proc/net/netstat
 * → { "TcpExt.TCPKeepAlive": 12, … }.
 */
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

/** Keepalive probes this machine (network namespace) has sent so far, or undefined off Linux. */
export async function keepaliveProbesSent(path = "/proc/net/netstat"): Promise<number | undefined> {
  try {
    return parseProcNetstat(await readFile(path, "utf8")).get("TcpExt.TCPKeepAlive");
  } catch {
    return undefined;
  }
}
