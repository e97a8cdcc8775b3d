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
import { AnswerBook } from "./answers.ts";
import { builtinsUnchanged, pendingWork, recordBuiltins, type BuiltinsRecord } from "./leftovers.ts";
import type { Answer, FromRunner, SentJob, ToRunner } from "./protocol.ts";
import { installSandbox } from "./sandbox.ts";
import { deepFreeze, describeThrown, fingerprintOf, revive } from "./transfer.ts";

// Stacks stay in the compiled file's lines: Node's source-mapped stacks cost about a millisecond
// per throw, and a stub throws thousands of times. The judge maps the few lines it shows (source-map.ts).

/** A property as the harness gives it: its `run`, and its `every` list when it has one. */
interface HarnessProperty {
  readonly run: (module: unknown, input: unknown) => unknown;
  readonly every?: readonly unknown[];
}
type Harness = Record<string, readonly HarnessProperty[]>;

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
let faults = 0;
sandbox = installSandbox((message) => {
  faults++;
  send({ type: "fault", message });
});
process.on("disconnect", leave);

/** The harness is bundled: all it may still require is one of Node's own modules. */
const requireBuiltin = (id: string): unknown => {
  if (!isBuiltin(id)) throw new Error(`the grader's harness may require only Node's built-in modules, not ${id}`);
  return createRequire(import.meta.url)(id);
};

let harness: Harness = {};
let learner: Record<string, unknown> = {};
let answers = new AnswerBook();
let loads = 0;
/** A runner is given another lesson only if this one left nothing behind (see leftovers.ts): how it was before any learner code ran. */
let builtins: BuiltinsRecord | undefined;
let cleanWork = "";

process.on("message", (message: ToRunner) => {
  switch (message.type) {
    case "load":
      void load(message);
      break;
    case "run": {
      const unheld: number[] = [];
      const jobs = (message.marked ? revive(message.jobs) : message.jobs) as SentJob[];
      const outcomes = jobs.map((job, k) => {
        const inputs = "every" in job ? heldEvery(message.exercise, job.property, job.every) : job.inputs.map(deepFreeze);
        if (!inputs) unheld.push(k);
        return runAll(message.exercise, job.property, inputs ?? [], message.digests);
      });
      send({ type: "outcomes", request: message.request, outcomes, ...(unheld.length > 0 ? { unheld } : {}), output: sandbox!.takeOutput() });
      break;
    }
    case "values":
      send({ type: "values", request: message.request, texts: answers.texts(message.ids) });
      break;
    case "end":
      // Let stray timers and rejections surface before grading is declared over.
      setImmediate(() =>
        setTimeout(() =>
          setImmediate(() => {
            const reusable = faults === 0 && loads < MAX_LOADS && pendingWork().join() === cleanWork && builtins !== undefined && builtinsUnchanged(builtins);
            send({ type: "ended", output: sandbox!.takeOutput(), reusable });
          }),
        ),
      );
      break;
  }
});
// What a runner waits on before any learner code ran (its own pipes), measured where "end" measures it.
setImmediate(() =>
  setTimeout(() =>
    setImmediate(() => {
      cleanWork = pendingWork().join();
      builtins = recordBuiltins();
      send({ type: "ready" });
    }),
  ),
);

/** Each lesson's module stays loaded: a runner takes a few lessons at most. */
const MAX_LOADS = 12;


async function load(message: Extract<ToRunner, { type: "load" }>): Promise<void> {
  answers = new AnswerBook(message.module);
  loads++;
  try {
    const module = { exports: {} as { default?: Harness } };
    const evaluate = runInThisContext(`(function (require, module, exports) {${message.harness}\n})`, { filename: "grader-harness.js" }) as (...args: unknown[]) => void;
    evaluate(requireBuiltin, module, module.exports);
    harness = module.exports.default ?? {};
  } catch (error) {
    send({ type: "load-failed", thrown: describeThrown(error), output: "", byGrader: true });
    return;
  }
  try {
    // A module loaded before (the same lesson graded again in watch mode) is loaded afresh.
    learner = (await import(`${pathToFileURL(message.module).href}?load=${loads}`)) as Record<string, unknown>;
    const functions = Object.keys(learner).filter((name) => typeof learner[name] === "function");
    send({ type: "loaded", functions, output: sandbox!.takeOutput() });
  } catch (error) {
    send({ type: "load-failed", thrown: describeThrown(error, message.module), output: sandbox!.takeOutput() });
  }
}

/** Fingerprints of the harness's `every` lists, computed before any learner code sees them. */
const everyFingerprints = new WeakMap<readonly unknown[], string | undefined>();

/** The property's `every` list, frozen, if it is the one the judge means (same fingerprint); else undefined. */
function heldEvery(exercise: string, property: number, fingerprint: string): readonly unknown[] | undefined {
  const items = harness[exercise]?.[property]?.every;
  if (!items) return undefined;
  if (!everyFingerprints.has(items)) everyFingerprints.set(items, fingerprintOf(items));
  return everyFingerprints.get(items) === fingerprint ? deepFreeze(items) : undefined;
}

function runAll(exercise: string, property: number, inputs: readonly unknown[], digests: boolean): Answer[] {
  const run = harness[exercise]?.[property]?.run;
  if (typeof run !== "function") return inputs.map(() => ({ ok: false, thrown: { text: `The grader has no property ${property} for ${exercise} (not your fault).` } }));
  // Each input is this process's own copy (fresh from the judge's message, or the harness's own list), frozen, so a write throws.
  return inputs.map((input) => answers.answer(() => run(learner, input), digests));
}
