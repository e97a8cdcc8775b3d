// Mistake: right bounds, but plain < and <=, so an ACK is refused whenever the numbers wrap past 2^32 − 1.
export function isAcceptableAck(una: number, ack: number, nxt: number): boolean {
  return una < ack && ack <= nxt;
}
