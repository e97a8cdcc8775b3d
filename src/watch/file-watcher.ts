/**
 * Tells when watched files were saved with new content. It watches the folders
 * (editors often save by writing a new file and renaming it over the old one,
 * which a watch on the file itself would lose), waits until saving has settled
 * (debounce), and reports only files whose content really changed.
 *
 * `poll` checks the files' modification times instead, for file systems where
 * change events never arrive (some WSL set-ups, network drives); watch mode also
 * has a manual re-run key for those.
 */
import { createHash } from "node:crypto";
import { readFileSync, unwatchFile, watch, watchFile, type FSWatcher } from "node:fs";
import { basename, dirname } from "node:path";

export interface FileWatcherOptions {
  /** Quiet time after the last event before a change is reported (default 60 ms). */
  readonly debounceMs?: number;
  /** Poll modification times instead of listening for events. */
  readonly poll?: boolean;
  /** How often to poll (default 300 ms). */
  readonly pollIntervalMs?: number;
  /** Called when events cannot be had for a folder (the watcher then polls it). */
  readonly onWarning?: (message: string) => void;
}

export interface FileWatcher {
  /** Replaces the set of watched files (their current contents count as seen). */
  watch(files: readonly string[]): void;
  close(): void;
}

export function watchFiles(onChange: (files: string[]) => void, options: FileWatcherOptions = {}): FileWatcher {
  const debounceMs = options.debounceMs ?? 60;
  const pollIntervalMs = options.pollIntervalMs ?? 300;
  const known = new Map<string, string | undefined>(); // file -> hash of its content when last reported
  const dirWatchers = new Map<string, FSWatcher>();
  const polled = new Set<string>();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const fingerprint = (file: string): string | undefined => {
    try {
      return createHash("sha1").update(readFileSync(file)).digest("hex");
    } catch {
      return undefined;
    }
  };

  const settle = () => {
    timer = undefined;
    if (closed) return;
    const changed: string[] = [];
    for (const file of pending) {
      const now = fingerprint(file);
      // Missing (mid-rename): wait for the event that brings it back.
      if (now === undefined || now === known.get(file)) continue;
      known.set(file, now);
      changed.push(file);
    }
    pending.clear();
    if (changed.length > 0) onChange(changed);
  };

  const touched = (file: string) => {
    if (closed || !known.has(file)) return;
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(settle, debounceMs);
  };

  const poll = (file: string) => {
    if (polled.has(file)) return;
    polled.add(file);
    watchFile(file, { interval: pollIntervalMs, persistent: true }, (current, previous) => {
      if (current.mtimeMs !== previous.mtimeMs || current.size !== previous.size) touched(file);
    });
  };

  const watchDir = (dir: string) => {
    if (dirWatchers.has(dir)) return true;
    try {
      const watcher = watch(dir, { persistent: true }, (_event, name) => {
        if (name === null) {
          for (const file of known.keys()) if (dirname(file) === dir) touched(file);
          return;
        }
        for (const file of known.keys()) if (dirname(file) === dir && basename(file) === basename(name.toString())) touched(file);
      });
      watcher.on("error", (error) => {
        options.onWarning?.(`Watching ${dir} stopped (${error.message}); checking its files every ${pollIntervalMs} ms instead.`);
        watcher.close();
        dirWatchers.delete(dir);
        for (const file of known.keys()) if (dirname(file) === dir) poll(file);
      });
      dirWatchers.set(dir, watcher);
      return true;
    } catch (error) {
      options.onWarning?.(`Cannot watch ${dir} (${(error as Error).message}); checking its files every ${pollIntervalMs} ms instead.`);
      return false;
    }
  };

  return {
    watch(files) {
      for (const file of [...known.keys()]) {
        if (files.includes(file)) continue;
        known.delete(file);
        if (polled.delete(file)) unwatchFile(file);
      }
      for (const file of files) {
        if (!known.has(file)) known.set(file, fingerprint(file));
        if (options.poll || !watchDir(dirname(file))) poll(file);
      }
      for (const [dir, watcher] of dirWatchers) {
        if (![...known.keys()].some((f) => dirname(f) === dir)) {
          watcher.close();
          dirWatchers.delete(dir);
        }
      }
    },
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of dirWatchers.values()) watcher.close();
      dirWatchers.clear();
      for (const file of polled) unwatchFile(file);
      polled.clear();
    },
  };
}
