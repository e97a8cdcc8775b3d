/**
 * Maps places in a compiled module (as the runner reports them: it runs without
 * Node's source-mapped stacks, which cost about a millisecond per throw) back to
 * the TypeScript files it was compiled from, using the module's inline source map.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { originalPositionFor, TraceMap } from "@jridgewell/trace-mapping";
import type { Frame } from "./protocol.ts";

export interface Place extends Frame {
  /** Absolute path of the source file. */
  readonly file: string;
}

/** A function that maps frames of `compiledFile` to their source places (frames it cannot map are left out). */
export function sourcePlaces(compiledFile: string): (frames: readonly Frame[]) => Place[] {
  let map: TraceMap | undefined | null;
  const load = (): TraceMap | null => {
    try {
      const text = readFileSync(compiledFile, "utf8");
      const m = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/.exec(text);
      return m ? new TraceMap(Buffer.from(m[1]!, "base64").toString("utf8"), compiledFile) : null;
    } catch {
      return null;
    }
  };
  const cache = new Map<string, Place | null>();
  return (frames) => {
    map ??= load();
    if (!map) return [];
    const out: Place[] = [];
    for (const { line, column } of frames) {
      const key = `${line}:${column}`;
      let place = cache.get(key);
      if (place === undefined) {
        const p = originalPositionFor(map, { line, column: column - 1 });
        place = p.source === null || p.line === null ? null : { file: resolve(p.source.replace(/^file:\/\//, "")), line: p.line, column: (p.column ?? 0) + 1 };
        cache.set(key, place);
      }
      if (place) out.push(place);
    }
    return out;
  };
}
