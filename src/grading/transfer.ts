/**
 * How values cross between the judge and the runner (as JSON: for the plain
 * data grading deals in it is twice as fast as V8's serializer). The runner
 * copies what learner code returned, once: getters run once, a Proxy is read
 * once, and what JSON cannot carry becomes a marker: values JSON would lose
 * (undefined, NaN, -0, Infinity, bigint, Map, Set, Date) are revived exactly;
 * what cannot travel or is too big to judge (functions, symbols, cycles, huge
 * strings or arrays) is revived as a value that prints as what it stands for
 * and never equals anything a reference returns. Thrown things are described
 * where they were thrown.
 */
import { createHash } from "node:crypto";
import { inspect } from "node:util";
import type { Frame, Thrown } from "./protocol.ts";

const MARK = "@@workbook";
/** Longer strings are cut: no report needs more, and a 6 MB message must not reach one. */
export const MAX_STRING = 10_000;
const MAX_ITEMS = 100_000;
const MAX_NODES = 1_000_000;
const MAX_DEPTH = 200;

/** Markers for what JSON would lose, revived exactly. */
type Exact = "undefined" | "number" | "bigint" | "map" | "set" | "date";
/** Markers for what cannot be compared, revived as Opaque. */
type Inexact = "function" | "symbol" | "circular" | "too-deep" | "too-large" | "cut-string" | "error" | "other";
type Marker = { readonly [MARK]: Exact | Inexact; readonly text?: string; readonly items?: unknown[] };

/**
 * A JSON-safe copy of `value` (throws whatever a getter or Proxy trap of
 * learner code throws), and whether it holds a marker (only then does the
 * other side need to revive it).
 */
export function toTransferable(value: unknown): { value: unknown; marked: boolean } {
  let nodes = 0;
  let marked = false;
  const marker = (kind: Marker[typeof MARK], text?: string, items?: unknown[]): Marker => {
    marked = true;
    return { [MARK]: kind, ...(text !== undefined ? { text } : {}), ...(items ? { items } : {}) };
  };
  const path = new Set<object>();
  const copy = (v: unknown, depth: number): unknown => {
    switch (typeof v) {
      case "string":
        return v.length > MAX_STRING ? marker("cut-string", `${v.slice(0, 200)}… (a string of ${v.length} characters)`) : v;
      case "number":
        return Number.isFinite(v) && !Object.is(v, -0) ? v : marker("number", Object.is(v, -0) ? "-0" : String(v));
      case "undefined":
        return marker("undefined");
      case "bigint":
        return marker("bigint", String(v));
      case "function":
        return marker("function", `[Function${v.name ? `: ${String(v.name).slice(0, 100)}` : " (anonymous)"}]`);
      case "symbol":
        return marker("symbol", v.toString().slice(0, 200));
      case "boolean":
        return v;
    }
    if (v === null) return v;
    const o = v as object;
    if (++nodes > MAX_NODES) return marker("too-large", "[a value too large to compare]");
    if (depth > MAX_DEPTH) return marker("too-deep", "[nested too deeply to compare]");
    if (path.has(o)) return marker("circular", "[Circular]");
    path.add(o);
    try {
      if (Array.isArray(o)) {
        if (o.length > MAX_ITEMS) return marker("too-large", `[an array of ${o.length} items, too large to compare]`);
        return Array.from(o, (item) => copy(item, depth + 1));
      }
      if (o instanceof Map) return marker("map", undefined, [...o].slice(0, MAX_ITEMS).map(([k, x]) => [copy(k, depth + 1), copy(x, depth + 1)]));
      if (o instanceof Set) return marker("set", undefined, [...o].slice(0, MAX_ITEMS).map((x) => copy(x, depth + 1)));
      if (o instanceof Date) return marker("date", String(o.getTime()));
      if (o instanceof Error) return marker("error", describeThrown(o).text);
      if (ArrayBuffer.isView(o) || o instanceof ArrayBuffer || o instanceof RegExp || o instanceof Promise || o instanceof WeakMap || o instanceof WeakSet) {
        return marker("other", inspect(o, { depth: 1, maxArrayLength: 10, maxStringLength: 200 }).slice(0, 300));
      }
      const keys = Object.keys(o);
      if (keys.length > MAX_ITEMS) return marker("too-large", `[an object with ${keys.length} keys, too large to compare]`);
      const out: Record<string, unknown> = {};
      for (const key of keys) out[key] = copy((o as Record<string, unknown>)[key], depth + 1);
      return out;
    } finally {
      path.delete(o);
    }
  };
  const copied = copy(value, 0);
  return { value: copied, marked };
}

/**
 * Whether JSON carries `value` exactly, so that two such values with the same
 * JSON text are equal as grading compares values (deeply and strictly, a
 * record's prototype aside: the learner's values arrive as copies): null, booleans, strings within the cap,
 * finite numbers other than -0, arrays and objects whose prototype is
 * Object.prototype or null (fast-check makes records of both kinds), holding
 * only such values (extra keys on arrays and symbol keys are ignored, as
 * toTransferable ignores them). A walk without copying,
 * far cheaper than toTransferable; false for anything else, for values too
 * large or deep to compare (a cycle is too deep), and for whatever throws.
 */
export function isPlainJson(value: unknown): boolean {
  // Every value counts, and a string by its length: the JSON text stays within bounds too.
  let budget = MAX_NODES * 10;
  const plain = (v: unknown, depth: number): boolean => {
    if (--budget < 0) return false;
    switch (typeof v) {
      case "string":
        budget -= v.length;
        return v.length <= MAX_STRING;
      case "number":
        return Number.isFinite(v) && !Object.is(v, -0);
      case "boolean":
        return true;
      case "object":
        break;
      default:
        return false; // undefined (a hole in an array too), bigint, function, symbol
    }
    if (v === null) return true;
    if (depth > MAX_DEPTH) return false;
    if (Array.isArray(v)) {
      if (v.length > MAX_ITEMS) return false;
      for (let i = 0; i < v.length; i++) if (!plain(v[i], depth + 1)) return false;
      return true;
    }
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return false;
    for (const key in v) if (!plain((v as Record<string, unknown>)[key], depth + 1)) return false;
    return true;
  };
  try {
    return plain(value, 0);
  } catch {
    return false; // a getter or Proxy trap threw
  }
}

/** The exact JSON text of a value (see isPlainJson), or undefined when JSON cannot carry it exactly. */
export function exactJson(value: unknown): string | undefined {
  if (isPlainJson(value)) return JSON.stringify(value);
  // Not plain, yet its copy may be: a class instance is compared by its fields (see toTransferable).
  const copy = toTransferable(value);
  return copy.marked ? undefined : JSON.stringify(copy.value);
}

/** The digest of a value's exact JSON text, or undefined when JSON cannot carry it exactly. */
export function fingerprintOf(value: unknown): string | undefined {
  const text = exactJson(value);
  return text === undefined ? undefined : digestOf(text);
}

/** A fingerprint of a JSON text: equal texts, equal digests; different texts, different digests (SHA-256, 144 bits). */
export function digestOf(text: string): string {
  return createHash("sha256").update(text).digest("base64").slice(0, 24);
}

/** Prints as what it stands for, and (not being a plain object) equals nothing but itself. */
class Opaque {
  constructor(readonly text: string) {}
  [inspect.custom](): string {
    return this.text;
  }
}

/** A transferred value as it was: exact markers become the values they stand for, the others Opaque. */
export function revive(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(revive);
  const record = value as Record<string, unknown>;
  const kind = record[MARK];
  if (typeof kind === "string") {
    const text = typeof record.text === "string" ? record.text : "";
    const items = Array.isArray(record.items) ? record.items : [];
    switch (kind) {
      case "undefined":
        return undefined;
      case "number":
        return text === "-0" ? -0 : Number(text);
      case "bigint":
        return /^-?\d+$/.test(text) ? BigInt(text) : new Opaque(text);
      case "map":
        return new Map(items.map((pair) => (Array.isArray(pair) ? [revive(pair[0]), revive(pair[1])] : [undefined, undefined])));
      case "set":
        return new Set(items.map(revive));
      case "date":
        return new Date(Number(text));
      default:
        return new Opaque(text);
    }
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) out[key] = revive(record[key]);
  return out;
}

/** Cuts text for a report: the head, and how much was left out. */
export function capText(text: string, max = MAX_STRING): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters not shown)` : text;
}

/** A write to a frozen object, as V8 words it. */
const READ_ONLY = /read[- ]only property|object is not extensible|Cannot (?:add|delete|define|assign to|redefine) property|frozen/i;

/**
 * Something learner code threw, as data, with the stack's frames in
 * `moduleFile` (the compiled module being graded), innermost first.
 */
export function describeThrown(thrown: unknown, moduleFile = ""): Thrown {
  let text: string;
  let stack = "";
  try {
    if (thrown instanceof Error) {
      const message = String(thrown.message);
      text = `${String(thrown.name)}: ${message.length > MAX_STRING ? message.slice(0, MAX_STRING) : message}`;
      // V8 builds a stack by copying the message in: for a huge one, do without the place.
      if (message.length <= MAX_STRING) stack = typeof thrown.stack === "string" ? thrown.stack.slice(0, 20_000) : "";
    } else {
      text = `a non-Error value: ${inspect(thrown, { depth: 2, maxArrayLength: 10, maxStringLength: 200, breakLength: Infinity })}`;
    }
  } catch {
    text = "something that could not even be printed";
  }
  const out: { text: string; notImplemented?: Thrown["notImplemented"]; frames?: Frame[]; wroteToInput?: boolean } = { text: capText(text, 2000) };
  try {
    const stub = thrown as { name?: unknown; what?: unknown; site?: unknown };
    if (thrown instanceof Error && stub.name === "NotImplementedError" && typeof stub.what === "string") {
      out.notImplemented = { what: stub.what.slice(0, 200), ...(typeof stub.site === "string" ? { site: stub.site } : {}) };
    }
    if (thrown instanceof TypeError && READ_ONLY.test(text)) out.wroteToInput = true;
  } catch {
    // a hostile getter: the text above is enough
  }
  if (moduleFile) {
    const frames: Frame[] = [];
    // A module loaded again is imported as file:///…/x.mjs?load=2: the query is not part of its path.
    for (const m of stack.matchAll(/(?:\(|at )(?:file:\/\/)?(\/[^():\s?]+)(?:\?[^():\s]*)?:(\d+):(\d+)/g)) {
      if (m[1] === moduleFile && frames.length < 20) frames.push({ line: Number(m[2]), column: Number(m[3]) });
    }
    if (frames.length > 0) out.frames = frames;
  }
  return out;
}

/**
 * Exercise functions must not change their arguments: inputs are deep-frozen
 * before any code sees them, so a write throws (ESM code is strict).
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
