// Mistake: writes "a =< b" as "a is not before b", which is really "a >= b" (the arguments of seqLt are swapped).
import { seqLt } from "../../../solutions/02-sequence-numbers.ts";

export function seqLeq(a: number, b: number): boolean {
  return !seqLt(a, b);
}
