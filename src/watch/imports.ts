/**
 * The files a lesson's grade depends on that the learner may edit: the exercise
 * file and every local file it imports, followed transitively (lesson 04 imports
 * lesson 03's nextState; lesson 08 imports 04, and so 03 too). Watch mode
 * regrades when any of them is saved.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";

// `import … from "x"`, `export … from "x"`, `import "x"` and `import("x")`.
const IMPORT = /(?:^|[\s;])(?:import|export)\b[^"'`;]*?\bfrom\s*["']([^"']+)["']|(?:^|[\s;])import\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)/g;

/** `file` first, then the local files it reaches through relative imports, all inside `root`. */
export function localDependencies(file: string, root: string): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    let source: string;
    try {
      source = readFileSync(path, "utf8");
    } catch {
      return; // mid-save, or deleted: it stays watched, its imports are found next time
    }
    for (const match of source.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3]!;
      if (!specifier.startsWith(".")) continue;
      const target = resolve(dirname(path), specifier);
      const inside = relative(root, target);
      if (inside.startsWith("..") || inside.split(sep).includes("node_modules") || !existsSync(target)) continue;
      visit(target);
    }
  };
  visit(resolve(file));
  return [...seen];
}
