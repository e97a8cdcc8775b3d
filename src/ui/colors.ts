/**
 * Colour only on a terminal: none when piped, none with NO_COLOR or --no-color,
 * forced with FORCE_COLOR. (picocolors alone would colour piped output in CI.)
 */
import pc from "picocolors";

export type Colors = ReturnType<typeof pc.createColors>;

export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): boolean {
  if (argv.includes("--no-color") || (env.NO_COLOR !== undefined && env.NO_COLOR !== "")) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true && env.TERM !== "dumb";
}

export function colorsFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): Colors {
  return pc.createColors(wantsColor(stream, env, argv));
}
