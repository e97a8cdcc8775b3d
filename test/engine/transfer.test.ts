/**
 * What crosses from the runner to the judge is exactly what learner code
 * returned, as far as a deep-equality check can tell, or something that never
 * equals a reference's answer.
 */
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { capText, revive, toTransferable } from "../../src/grading/transfer.ts";

/** Through JSON, as the IPC channel carries it. */
const roundTrip = (value: unknown) => {
  const { value: encoded, marked } = toTransferable(value);
  const carried = JSON.parse(JSON.stringify(encoded));
  return marked ? revive(carried) : carried;
};

describe("values across the runner's channel", () => {
  it("keeps what JSON alone would lose: undefined properties and items, NaN, -0, infinities, bigint, Map, Set, Date", () => {
    const values = [
      { a: undefined, b: 1 },
      [1, undefined, 3],
      NaN,
      -0,
      Infinity,
      -Infinity,
      { n: 12345678901234567890n },
      new Map<unknown, unknown>([["x", { y: undefined }], [2, new Set([1, NaN])]]),
      new Date(0),
      { deep: [[[{ state: "TIME-WAIT", seq: 4294967295 }]]] },
    ];
    for (const v of values) expect(isDeepStrictEqual(roundTrip(v), v), String(v)).toBe(true);
    expect(Object.is(roundTrip(-0), -0)).toBe(true);
  });

  it("leaves plain data unmarked, so the judge has nothing to revive", () => {
    expect(toTransferable({ seq: 1, flags: { SYN: true }, send: [] }).marked).toBe(false);
  });

  it("turns what cannot be compared into values that equal nothing a reference returns", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    for (const v of [() => 1, Symbol("s"), cyclic, "x".repeat(20_000), new Array(200_000).fill(0)]) {
      const back = roundTrip(v);
      expect(isDeepStrictEqual(back, v)).toBe(false);
    }
  });

  it("reads a getter or a Proxy once, and passes on what they throw", () => {
    let reads = 0;
    const once = { get x() {
      reads++;
      return reads;
    } };
    expect(roundTrip(once)).toEqual({ x: 1 });
    expect(reads).toBe(1);
    const hostile = new Proxy({}, { ownKeys: () => {
      throw new Error("nope");
    } });
    expect(() => toTransferable(hostile)).toThrow("nope");
  });

  it("caps text for reports", () => {
    expect(capText("y".repeat(50), 10)).toBe("yyyyyyyyyy… (40 more characters not shown)");
  });
});
