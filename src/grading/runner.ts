/**
 * The runner: the only process that runs learner code. It is started under
 * Node's permission model (see child-launcher.mjs: it may read only compiled
 * code, and write, spawn or start threads nowhere), loads one lesson's harness
 * (the spec's `run` functions, without the reference, sent as text) and one
 * compiled module, and answers the judge's requests: "run property P of
 * exercise E on these inputs" gets back what each call returned or threw.
 *
 * It holds no reference answer, no comparison and no verdict. It grades one
 * target and is then stopped, so nothing learner code changes here outlives it.
 */
import { createRequire, isBuiltin } from "node:module";
import { pathToFileURL } from "node:url";
import { runInThisContext } from "node:vm";
import type { FromRunner, Job, SentOutcome, ToRunner } from "./protocol.ts";
import { installSandbox } from "./sandbox.ts";
import { deepFreeze, describeThrown, revive, toTransferable } from "./transfer.ts";

// Stacks stay in the compiled file's lines: Node's source-mapped stacks cost about a millisecond
// per throw, and a stub throws thousands of times. The judge maps the few lines it shows (source-map.ts).

type Runs = Record<string, readonly ((module: unknown, input: unknown) => unknown)[]>;

// Captured before any learner code loads: replacing process.send later changes nothing here.
const channel = process.send!.bind(process);
let sandbox: ReturnType<typeof installSandbox> | undefined;
const leave = (): never => (sandbox ? sandbox.realExit(0) : process.exit(0));
/** A runner whose grader is gone has nobody to answer: it ends at once instead of failing to report. */
const send = (message: FromRunner) => {
  if (!process.connected) leave();
  try {
    channel(message, undefined, {}, (error) => {
      if (error) leave();
    });
  } catch {
    leave();
  }
};
sandbox = installSandbox((message) => send({ type: "fault", message }));
process.on("disconnect", leave);

/** The harness is bundled: all it may still require is one of Node's own modules. */
const requireBuiltin = (id: string): unknown => {
  if (!isBuiltin(id)) throw new Error(`the grader's harness may require only Node's built-in modules, not ${id}`);
  return createRequire(import.meta.url)(id);
};

let runs: Runs = {};
let learner: Record<string, unknown> = {};
let moduleFile = "";

process.on("message", (message: ToRunner) => {
  switch (message.type) {
    case "load":
      void load(message);
      break;
    case "run":
      send({
        type: "outcomes",
        request: message.request,
        outcomes: ((message.marked ? revive(message.jobs) : message.jobs) as Job[]).map((job) => runAll(message.exercise, job.property, job.inputs)),
        output: sandbox!.takeOutput(),
      });
      break;
    case "end":
      // Let stray timers and rejections surface before grading is declared over.
      setImmediate(() => setTimeout(() => send({ type: "ended", output: sandbox!.takeOutput() }), 0));
      break;
  }
});
send({ type: "ready" });


async function load(message: Extract<ToRunner, { type: "load" }>): Promise<void> {
  moduleFile = message.module;
  try {
    const module = { exports: {} as { default?: Runs } };
    const evaluate = runInThisContext(`(function (require, module, exports) {${message.harness}\n})`, { filename: "grader-harness.js" }) as (...args: unknown[]) => void;
    evaluate(requireBuiltin, module, module.exports);
    runs = module.exports.default ?? {};
  } catch (error) {
    send({ type: "load-failed", thrown: describeThrown(error), output: "", byGrader: true });
    return;
  }
  try {
    learner = (await import(pathToFileURL(message.module).href)) as Record<string, unknown>;
    const functions = Object.keys(learner).filter((name) => typeof learner[name] === "function");
    send({ type: "loaded", functions, output: sandbox!.takeOutput() });
  } catch (error) {
    send({ type: "load-failed", thrown: describeThrown(error, moduleFile), output: sandbox!.takeOutput() });
  }
}

/** Objects already sent, by the id they were sent under. */
const sentIds = new WeakMap<object, number>();
let lastId = 0;

function runAll(exercise: string, property: number, inputs: readonly unknown[]): SentOutcome[] {
  const run = runs[exercise]?.[property];
  if (typeof run !== "function") return inputs.map(() => ({ ok: false, thrown: { text: `The grader has no property ${property} for ${exercise} (not your fault).` } }));
  return inputs.map((input): SentOutcome => {
    // Each input is this process's own copy, fresh from the judge's message: frozen, so a write throws.
    try {
      const value = run(learner, deepFreeze(input));
      const same = typeof value === "object" && value !== null ? sentIds.get(value) : undefined;
      if (same !== undefined) return { ok: true, same };
      const id = ++lastId;
      if (typeof value === "object" && value !== null) sentIds.set(value, id);
      return { ok: true, id, ...toTransferable(value) };
    } catch (thrown) {
      return { ok: false, thrown: describeThrown(thrown, moduleFile) };
    }
  });
}

