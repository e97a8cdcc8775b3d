/**
 * The language of this process, set once at start-up by the command line
 * (src/cli/main.ts). Worker threads and child processes do not share it: pass
 * the language to them explicitly.
 */
import { DEFAULT_LANGUAGE, type Language } from "./languages.ts";

let current: Language = DEFAULT_LANGUAGE;

export function setLanguage(language: Language): void {
  current = language;
}

export function language(): Language {
  return current;
}
