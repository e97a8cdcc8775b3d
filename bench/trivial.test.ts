// The baseline of `npm run bench`: the cheapest possible vitest run.
import { expect, it } from "vitest";

it("adds", () => {
  expect(1 + 1).toBe(2);
});
