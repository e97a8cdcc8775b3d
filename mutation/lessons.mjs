// Which lessons the mutation run covers. Shared by stryker.config.mjs (what to
// mutate) and specs.mutation.test.ts (what to grade), so the two always agree.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const SLUG = /^(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The slugs that are lessons now (content/NN-slug.md with its solution and spec),
 * optionally narrowed by MUTATION_LESSONS="01,02" (numbers or slug prefixes).
 */
export function mutationLessons(root, only = process.env.MUTATION_LESSONS) {
  const slugs = readdirSync(join(root, "content"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => f.slice(0, -3))
    .filter((s) => SLUG.test(s))
    .filter((s) => existsSync(join(root, "solutions", `${s}.ts`)) && existsSync(join(root, "grader", s, "spec.ts")))
    .sort();
  const wanted = (only ?? "").split(",").map((q) => q.trim()).filter(Boolean);
  if (wanted.length === 0) return slugs;
  const picked = slugs.filter((s) => wanted.some((q) => s === q || s.startsWith(q)));
  if (picked.length === 0) throw new Error(`MUTATION_LESSONS=${only} matches none of: ${slugs.join(", ")}`);
  return picked;
}
