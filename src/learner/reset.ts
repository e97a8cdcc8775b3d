/**
 * Resetting an exercise file to the original stub, without ever losing work:
 * the learner's version is first copied to `.backups/NN-slug.<date>_<time>.ts`
 * inside the project folder (git-ignored), then the original is written. A
 * backup can be put back the same way (the file it replaces is backed up too).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Lesson } from "../course/course.ts";
import type { ProgressStore } from "../state/progress.ts";
import { BACKUP_DIR, findOriginal, isStub, writeAtomically } from "./originals.ts";

export type ResetOutcome =
  | { readonly kind: "reset"; readonly from: string; readonly backup: string | undefined }
  | { readonly kind: "already-original" }
  | { readonly kind: "no-original" };

/** Copies the learner's file into .backups/ with a timestamped name; returns that path, relative to the course folder. */
export function backUp(root: string, lesson: Lesson, now: Date = new Date()): string {
  const dir = join(root, BACKUP_DIR);
  mkdirSync(dir, { recursive: true });
  const stamp = localStamp(now);
  let target = join(dir, `${lesson.slug}.${stamp}.ts`);
  for (let n = 2; existsSync(target); n++) target = join(dir, `${lesson.slug}.${stamp}-${n}.ts`);
  copyFileSync(lesson.files.exercise, target);
  return relative(root, target).split(sep).join("/");
}

/** Backs up, then restores the original stub, then forgets the lesson's grades. */
export function resetExercise(root: string, lesson: Lesson, store: ProgressStore, now: Date = new Date()): ResetOutcome {
  const original = findOriginal(root, lesson);
  if (!original) return { kind: "no-original" };
  const exists = existsSync(lesson.files.exercise);
  if (exists && sameText(readFileSync(lesson.files.exercise, "utf8"), original.text)) return { kind: "already-original" };
  const backup = exists ? backUp(root, lesson, now) : undefined;
  writeAtomically(lesson.files.exercise, original.text);
  store.forgetLesson(lesson.slug);
  return { kind: "reset", from: original.from, backup };
}

/** Equal up to line endings (git may check files out with CRLF). */
function sameText(a: string, b: string): boolean {
  return a.replace(/\r\n/g, "\n") === b.replace(/\r\n/g, "\n");
}

/** "2026-11-26_22-35-08", in the learner's own time zone. */
function localStamp(d: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}_${two(d.getHours())}-${two(d.getMinutes())}-${two(d.getSeconds())}`;
}

/** A lesson's backups, newest first, relative to the course folder. */
export function backupsOf(root: string, lesson: Lesson): string[] {
  const dir = join(root, BACKUP_DIR);
  if (!existsSync(dir)) return [];
  const mine = readdirSync(dir).filter((f) => f.startsWith(`${lesson.slug}.`) && f.endsWith(".ts"));
  // Names carry the local time, so they sort by age; "-2" marks a second backup within one second.
  const key = (f: string) => f.replace(/\.ts$/, "").replace(/-(\d+)$/, (_, n: string) => `~${n.padStart(4, "0")}`);
  return mine.sort((a, b) => (key(a) < key(b) ? 1 : -1)).map((f) => `${BACKUP_DIR}/${f}`);
}

export type RestoreOutcome =
  | { readonly kind: "restored"; readonly from: string; readonly backup: string | undefined }
  | { readonly kind: "no-backup"; readonly available: readonly string[] };

/** Puts a backup back (the newest, or the one named), after backing up the file it replaces. */
export function restoreBackup(root: string, lesson: Lesson, store: ProgressStore, name?: string, now: Date = new Date()): RestoreOutcome {
  const available = backupsOf(root, lesson);
  const chosen = name === undefined ? available[0] : available.find((b) => b === name || b.endsWith(`/${name}`) || b.endsWith(`/${name}.ts`));
  if (!chosen) return { kind: "no-backup", available };
  const text = readFileSync(join(root, chosen), "utf8");
  const exists = existsSync(lesson.files.exercise);
  const current = exists ? readFileSync(lesson.files.exercise, "utf8") : undefined;
  // The untouched stub needs no backup: reset can always bring it back.
  const keep = current !== undefined && !sameText(current, text) && !isStub(current, lesson.exercises.map((e) => e.name));
  const backup = keep ? backUp(root, lesson, now) : undefined;
  writeAtomically(lesson.files.exercise, text);
  store.forgetLesson(lesson.slug);
  return { kind: "restored", from: chosen, backup };
}
