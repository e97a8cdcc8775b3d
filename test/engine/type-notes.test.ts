/** Type errors in the learner's file become notes (src/report/type-notes.ts), cached by the content of the file and what it imports. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { typeNotes } from "../../src/report/type-notes.ts";
import { REPO_ROOT } from "../cli/helpers.ts";

const root = mkdtempSync(join(tmpdir(), "workbook-types-"));
symlinkSync(join(REPO_ROOT, "node_modules"), join(root, "node_modules"), "junction");
cpSync(join(REPO_ROOT, "tsconfig.json"), join(root, "tsconfig.json"));
writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module" }));
mkdirSync(join(root, "exercises"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const file = join(root, "exercises", "01-x.ts");
const helper = join(root, "exercises", "helper.ts");

it("names the file and line of a type error, says the code still ran, and re-checks when an imported file changes", async () => {
  writeFileSync(helper, "export const one = 1;\n");
  writeFileSync(file, 'import { one } from "./helper.ts";\n\nexport function segLen(dataLength: number, syn: boolean): number {\n  return dataLength + syn + one;\n}\n');
  const notes = await typeNotes(file, root);
  expect(notes).toEqual(["exercises/01-x.ts:4: type error: Operator '+' cannot be applied to types 'number' and 'boolean'. (your code still ran)"]);
  expect(await typeNotes(file, root)).toEqual(notes); // from the cache

  writeFileSync(helper, 'export const one = "1";\n'); // now the sum is a string: a different error, found though 01-x.ts did not change
  const changed = await typeNotes(file, root);
  expect(changed[0]).toMatch(/^exercises\/01-x\.ts:\d+: type error: /);
  expect(changed[0]).not.toBe(notes[0]);

  writeFileSync(file, "export function segLen(dataLength: number, syn: boolean): number {\n  return dataLength + (syn ? 1 : 0);\n}\n");
  expect(await typeNotes(file, root)).toEqual([]);
});

it("says nothing for an untouched stub, or a file that is not there", async () => {
  writeFileSync(file, "export function f(): number {\n  return 'not checked';\n}\n");
  expect(await typeNotes(file, root, true)).toEqual([]);
  expect(await typeNotes(join(root, "exercises", "none.ts"), root)).toEqual([]);
  expect(existsSync(join(root, "exercises")) && readdirSync(join(root, "exercises")).every((f) => f.endsWith(".ts"))).toBe(true); // no litter
});
