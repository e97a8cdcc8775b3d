/**
 * Command-line parsing shared by every command: node:util parseArgs, plus the
 * options all commands accept (--help, --no-color), and the same answer to a
 * mistyped option everywhere (the message, then the usage, exit code 2).
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { EXIT } from "./io.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;
type Writer = { write(text: string): unknown };

const COMMON = {
  help: { type: "boolean", short: "h" },
  "no-color": { type: "boolean" },
} as const satisfies Options;

/** The parsed arguments, or the exit code when the command should stop here (--help, a mistake). */
export function parseCommand<const O extends Options>(argv: string[], io: { readonly stdout: Writer; readonly stderr: Writer }, usage: string, options: O) {
  const config = { args: argv, allowPositionals: true, strict: true, options: { ...COMMON, ...options } as typeof COMMON & O } as const;
  let parsed;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${usage.trimEnd()}\n`);
    return EXIT.usage;
  }
  // `npm run grade 03 --replay X` (no `--`): npm keeps --replay for itself, sets
  // npm_config_replay and passes only "03 X". Say what happened instead of
  // grading a lesson called "X".
  // Only when npm itself started this very command (npm_lifecycle_event names its script).
  const script = /npm run (\S+)/.exec(usage)?.[1];
  const byNpm = script !== undefined && process.env.npm_lifecycle_event === script;
  const swallowed = Object.keys(options).find((name) => process.env[`npm_config_${name.replace(/-/g, "_")}`] !== undefined && !argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`)));
  if (swallowed && byNpm) {
    // npm leaves the option's value among the words: it is the last of them.
    const words = argv.filter((a) => !a.startsWith("-"));
    const value = words.length > 1 ? ` ${words.at(-1)}` : "";
    const lesson = words.length > 1 ? `${words.slice(0, -1).join(" ")} ` : words.length === 1 ? `${words[0]} ` : "";
    io.stderr.write(`npm kept --${swallowed} for itself: the workbook's options go after "--". Type:\n  npm run ${script} -- ${lesson}--${swallowed}${value}\n`);
    return EXIT.usage;
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout.write(`${usage.trimEnd()}\n`);
    return EXIT.ok;
  }
  return parsed;
}
