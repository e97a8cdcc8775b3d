/**
 * Key presses as events: single keys from a terminal in raw mode, or, when the
 * input is not a terminal (a pipe, a test), one "key" per line typed ("r" then
 * Enter). Used by watch mode and the built-in pager.
 */
import { createInterface } from "node:readline";
import { emitKeypressEvents } from "node:readline";

export interface Key {
  /** "r", "q", "space", "return", "up", "pagedown", … (readline's names). */
  readonly name: string;
  readonly ctrl: boolean;
  readonly shift: boolean;
}

export type KeyInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

/** Starts delivering keys to `onKey`; returns a function that stops and gives the terminal back. */
export function listenForKeys(input: KeyInput, onKey: (key: Key) => void): () => void {
  if (input.isTTY && input.setRawMode) {
    emitKeypressEvents(input);
    input.setRawMode(true);
    const handler = (text: string | undefined, key: { name?: string; ctrl?: boolean; shift?: boolean } | undefined) => {
      const name = key?.name ?? (text && text.length === 1 ? text : undefined);
      if (name) onKey({ name: name === " " ? "space" : name, ctrl: key?.ctrl === true, shift: key?.shift === true });
    };
    input.on("keypress", handler);
    input.resume();
    return () => {
      input.off("keypress", handler);
      input.setRawMode?.(false);
      input.pause();
    };
  }
  const lines = createInterface({ input, terminal: false });
  lines.on("line", (line) => {
    const word = line.trim();
    onKey({ name: word === "" ? "return" : word.length === 1 ? word.toLowerCase() : word, ctrl: false, shift: false });
  });
  return () => lines.close();
}

/** Ctrl-C, or Ctrl-D. */
export function isInterrupt(key: Key): boolean {
  return key.ctrl && (key.name === "c" || key.name === "d");
}
