// Mistake: reuses "before" and forgets the "or equal": seqLeq(a, a) comes out false.
import { seqLt } from "../../../solutions/02-sequence-numbers.ts";

export function seqLeq(a: number, b: number): boolean {
  return seqLt(a, b);
}
