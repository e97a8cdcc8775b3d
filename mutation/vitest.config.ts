/**
 * Vitest config for mutation testing only (`npm run mutation`, see stryker.config.mjs
 * and docs/mutation.md). The main vitest.config.ts includes test/**, so the file below
 * never runs in `npm test`.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: fileURLToPath(new URL("..", import.meta.url)),
    include: ["mutation/**/*.mutation.test.ts"],
    // A mutant can make a property loop for a long time; Stryker's own timeout
    // (dry-run time × timeoutFactor + timeoutMS) decides when that is a kill.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
