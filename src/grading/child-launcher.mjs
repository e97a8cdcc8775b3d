// Starts the processes that run learner code. Plain JavaScript so that
// bin/workbook.mjs can start them before the TypeScript loader is even set up:
// a child's start-up then overlaps the command's own, which is most of the
// time a small grading run takes.
import { fileURLToPath } from "node:url";
import { spawnCompiled } from "./compile.mjs";

const CHILD_FILE = fileURLToPath(new URL("./child.ts", import.meta.url));
const START_TIMEOUT_MS = 15_000;
const STDERR_TAIL = 4000;

export function launchChild() {
  const proc = spawnCompiled(CHILD_FILE, ["--max-old-space-size=512"]);
  const child = {
    process: proc,
    stderr: "",
    ready: new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), START_TIMEOUT_MS);
      proc.once("message", (m) => {
        clearTimeout(timer);
        resolve(m?.type === "ready");
      });
      proc.once("exit", () => {
        clearTimeout(timer);
        resolve(false);
      });
    }),
  };
  proc.stderr.setEncoding("utf8").on("data", (chunk) => {
    child.stderr = (child.stderr + chunk).slice(-STDERR_TAIL);
  });
  return child;
}

const parked = [];

/** How many children a command line will want: watching or grading one lesson needs one, more lessons two. */
export function childrenWanted(argv) {
  const [command, ...rest] = argv;
  if (rest.includes("--help") || rest.includes("-h")) return 0;
  if (command === "watch") return 1;
  if (command !== "grade") return 0;
  const lessons = rest.filter((a, i) => !a.startsWith("-") && !["--seed", "--replay", "--runs"].includes(rest[i - 1] ?? ""));
  return lessons.length === 1 ? 1 : 2;
}

/** Starts children early and parks them until a command takes them. */
export function prestart(count) {
  for (let i = 0; i < count; i++) parked.push(launchChild());
}

/** Hands over the parked children (at most `count`); the rest are stopped. */
export function takePrestarted(count = Infinity) {
  const taken = parked.splice(0, count);
  stopPrestarted();
  return taken;
}

/** Stops children nobody took, so the process can exit. */
export function stopPrestarted() {
  for (const child of parked.splice(0)) child.process.kill("SIGKILL");
}
