/**
 * Shows long text one screen at a time. On a terminal, text taller than the
 * screen goes to `less -R` when it is installed (search, familiar keys), or to
 * $PAGER when the learner set one; otherwise to a small built-in pager (space,
 * b, arrows, q), which is what Windows without Git Bash gets. Off a terminal, or
 * when it fits, the text is simply printed. Ctrl-C in any of them leaves the
 * workbook (UserLeft), as it does everywhere else.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { ignoringInterrupts, UserLeft } from "./leave.ts";
import { isInterrupt, listenForKeys, type Key, type KeyInput } from "./keys.ts";
import { truncateVisible } from "./text.ts";

export interface PagerIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; rows?: number; columns?: number };
  readonly stdin?: KeyInput;
}

export interface PageOptions {
  /** Shown in the pager's prompt line, e.g. "Lesson 01-flags". */
  readonly title: string;
  readonly env?: NodeJS.ProcessEnv;
}

export async function page(text: string, io: PagerIo, options: PageOptions): Promise<void> {
  const body = text.endsWith("\n") ? text : `${text}\n`;
  const rows = io.stdout.rows ?? 24;
  const lines = body.split("\n").length - 1;
  if (!io.stdout.isTTY || !io.stdin?.isTTY || lines < rows) {
    io.stdout.write(body);
    return;
  }
  const env = options.env ?? process.env;
  const external = externalPager(env);
  if (external) {
    // Ctrl-C in less (-K) quits it; then it leaves the workbook, as everywhere else.
    const { value: shown, interrupted } = await ignoringInterrupts(() => runExternal(external, body, options.title, env, io.stdin!));
    if (interrupted) throw new UserLeft();
    if (shown) return;
  }
  await builtInPager(body, io, options.title);
}

interface External {
  readonly command: string;
  readonly args: readonly string[];
  readonly shell: boolean;
}

function externalPager(env: NodeJS.ProcessEnv): External | undefined {
  const chosen = (env.WORKBOOK_PAGER ?? env.PAGER ?? "").trim();
  if (chosen === "builtin") return undefined;
  if (chosen !== "") return { command: chosen, args: [], shell: true };
  const less = onPath("less", env);
  return less ? { command: less, args: ["-R", "-K"], shell: false } : undefined;
}

function onPath(program: string, env: NodeJS.ProcessEnv): string | undefined {
  const exts = process.platform === "win32" ? (env.PATHEXT ?? ".EXE").split(";") : [""];
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    for (const ext of exts) {
      const candidate = join(dir, program + ext);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Resolves true once the pager has shown the text and quit; false when it could not start. */
function runExternal(pager: External, text: string, title: string, env: NodeJS.ProcessEnv, stdin: KeyInput): Promise<boolean> {
  stdin.pause(); // the pager reads the keys now
  // ASCII only: less 590 garbles other characters in a prompt. "?e(END) :." says (END) at the end.
  // %lt-%lb: where the screen is (less counts the lines; the total is unknown on a pipe).
  // One meaning per key, and short: less shows only the end of a prompt wider than the screen.
  const prompt = escapeLessPrompt(`${title}, lines `) + "%lt-%lb" + escapeLessPrompt(` - space next page, b page back, q close `) + "?e(END) :.";
  return new Promise((resolve) => {
    const child = spawn(pager.command, [...pager.args, ...(pager.shell ? [] : [`-Ps${prompt}`])], {
      stdio: ["pipe", "inherit", "inherit"],
      shell: pager.shell,
      // LESS: colours pass through (-R) even when the learner's PAGER is plain `less`.
      // LESSCHARSET: the text is UTF-8 (box drawing, arrows) even where no locale is set.
      env: { ...env, LESS: `${env.LESS ?? ""} -R`.trim(), LESSCHARSET: env.LESSCHARSET ?? "utf-8" },
    });
    let started = true;
    child.on("error", () => {
      started = false;
      resolve(false);
    });
    child.stdin!.on("error", () => {}); // quitting before the end closes the pipe: that is fine
    child.stdin!.end(text);
    child.on("close", () => {
      if (started) resolve(true);
    });
  });
}

function escapeLessPrompt(text: string): string {
  // In less prompts ?, :, . and \ are special unless escaped.
  return text.replace(/[?:.\\]/g, (ch) => `\\${ch}`);
}

/** A minimal pager: the alternate screen, one page at a time, a status line. */
function builtInPager(text: string, io: PagerIo, title: string): Promise<void> {
  const lines = text.replace(/\n$/, "").split("\n");
  const out = io.stdout;
  const height = () => Math.max(3, (out.rows ?? 24) - 1);
  const width = () => out.columns ?? 80;
  let top = 0;
  const lastTop = () => Math.max(0, lines.length - height());
  const draw = () => {
    const shown = lines.slice(top, top + height());
    const end = Math.min(lines.length, top + height());
    const percent = Math.round((end / lines.length) * 100);
    const status = ` ${title} · lines ${top + 1}-${end} of ${lines.length} (${percent}%) · space next page · b page back · q close `;
    out.write(`\x1b[H\x1b[2J${shown.join("\n")}\n${"\n".repeat(height() - shown.length)}\x1b[7m${truncateVisible(status, width() - 1)}\x1b[27m`);
  };
  return new Promise((resolve, reject) => {
    out.write("\x1b[?1049h\x1b[?25l");
    let stop = () => {};
    const finish = (left: boolean) => {
      stop();
      out.write("\x1b[?25h\x1b[?1049l");
      if (left) reject(new UserLeft());
      else resolve();
    };
    const onKey = (key: Key) => {
      if (isInterrupt(key)) return finish(true);
      switch (key.name) {
        case "q":
        case "escape":
          return finish(false);
        case "space":
        case "f":
        case "pagedown":
          if (top >= lastTop()) return finish(false);
          top = Math.min(lastTop(), top + height() - 1);
          break;
        case "b":
        case "pageup":
          top = Math.max(0, top - (height() - 1));
          break;
        case "return":
        case "down":
        case "j":
          top = Math.min(lastTop(), top + 1);
          break;
        case "up":
        case "k":
          top = Math.max(0, top - 1);
          break;
        case "g":
        case "home":
          top = key.shift ? lastTop() : 0;
          break;
        case "end":
          top = lastTop();
          break;
        default:
          return;
      }
      draw();
    };
    stop = listenForKeys(io.stdin!, onKey);
    draw();
  });
}
