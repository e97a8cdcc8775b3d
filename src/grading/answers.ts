/**
 * How one call of a spec's `run` is answered where it ran: what it returned
 * (made transferable) or threw. With digests, a value JSON carries exactly is
 * kept here and only its digest is sent, so the judge, which computes the
 * digest of the reference's value, receives a few bytes per answer instead of
 * the value, and asks for the value itself only when the digests differ.
 * Used by the sandboxed runner (runner.ts) and by in-process runs of the
 * course's own code (in-process.ts).
 */
import type { Answer } from "./protocol.ts";
import { describeThrown, digestOf, exactJson, toTransferable } from "./transfer.ts";

export class AnswerBook {
  private readonly kept = new Map<number, string>();
  private lastId = 0;

  /** `moduleFile`: the compiled module being graded, whose lines a thrown error's frames are given in. */
  constructor(private readonly moduleFile = "") {}

  /**
   * Calls `call` and says what it gave. The value is read at once, every time (never "the same object as
   * before"), so changing a value after returning it changes nothing the judge sees.
   */
  answer(call: () => unknown, digests: boolean): Answer {
    try {
      const value = call();
      if (!digests) return { ok: true, ...toTransferable(value) };
      const text = exactJson(value);
      if (text === undefined) return { ok: true, ...toTransferable(value) };
      const id = ++this.lastId;
      this.kept.set(id, text);
      return { ok: true, id, digest: digestOf(text) };
    } catch (thrown) {
      // thrown by the call, or by a getter or Proxy trap of learner code while its value was read
      return { ok: false, thrown: describeThrown(thrown, this.moduleFile) };
    }
  }

  /** The exact JSON texts of values answered by digest ("" for an id never given). */
  texts(ids: readonly number[]): string[] {
    return ids.map((id) => this.kept.get(id) ?? "");
  }
}
