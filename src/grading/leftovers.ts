/**
 * What one lesson's code may leave behind in a runner, so that the runner is
 * given the next lesson only when it left nothing: no timer, socket or other
 * pending work, and no change to any built-in (compared with a record taken
 * before any learner code ran). Starting a runner costs a tenth of a second of
 * CPU, most of what grading a small lesson costs; a runner that fails this
 * check is stopped and the next lesson gets a fresh one.
 */
import { builtinModules, createRequire } from "node:module";

/** Every property (by descriptor) of the objects learner code could change to reach the next lesson. */
export interface BuiltinsRecord {
  readonly objects: readonly object[];
  readonly entries: readonly unknown[];
}

/**
 * The objects recorded: globalThis and each object or function it holds (with
 * its prototype), process, and the exports of Node's modules loaded so far
 * (learner code may import them and change them).
 */
function recorded(): object[] {
  const seen = new Set<object>();
  const add = (v: unknown) => {
    if ((typeof v === "object" && v !== null) || typeof v === "function") seen.add(v);
  };
  add(globalThis);
  add(process);
  add(process.stdout);
  add(process.stderr);
  for (const key of Reflect.ownKeys(globalThis)) {
    let value: unknown;
    try {
      value = (globalThis as Record<PropertyKey, unknown>)[key];
    } catch {
      continue;
    }
    add(value);
    if (typeof value === "function") add((value as { prototype?: unknown }).prototype);
  }
  // Objects reachable only through syntax: the prototypes of functions of each kind, iterators, generators.
  for (const v of [function* () {}, async function () {}, async function* () {}, [][Symbol.iterator](), new Map().entries(), "".matchAll(/x/g)]) {
    for (let p = Object.getPrototypeOf(v); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) add(p);
  }
  const require = createRequire(import.meta.url);
  const list = (process as unknown as { moduleLoadList: readonly string[] }).moduleLoadList;
  const loaded = new Set(list.filter((m) => m.startsWith("NativeModule ")).map((m) => m.slice("NativeModule ".length)));
  for (const id of builtinModules) {
    if (loaded.has(id)) add(require(id));
  }
  return [...seen];
}

/** Takes the record; lazily created globals are created first, so that creating them later is no change. */
export function recordBuiltins(): BuiltinsRecord {
  const objects = recorded();
  return { objects, entries: describe(objects) };
}

function describe(objects: readonly object[]): unknown[] {
  // Listeners too: a handler learner code added to process would hear the next lesson's messages and events.
  const emitter = process as unknown as NodeJS.EventEmitter;
  const out: unknown[] = emitter.eventNames().flatMap((name) => [name, ...emitter.listeners(name)]);
  for (const o of objects) {
    out.push(o, Object.getPrototypeOf(o), Object.isExtensible(o));
    for (const key of Reflect.ownKeys(o)) {
      const d = Reflect.getOwnPropertyDescriptor(o, key);
      out.push(key, d?.value, d?.get, d?.set, d?.writable, d?.enumerable, d?.configurable);
    }
  }
  return out;
}

/** Whether every recorded object still has exactly the properties it had. */
export function builtinsUnchanged(record: BuiltinsRecord): boolean {
  const now = describe(record.objects);
  return now.length === record.entries.length && now.every((v, i) => Object.is(v, record.entries[i]));
}

/** The kinds of pending work a clean runner has (its own pipes), to compare with later. */
export function pendingWork(): string[] {
  return process.getActiveResourcesInfo().sort();
}
