// Mistake: believes the article's "the client waits 2MSL": whoever closed first, TIME-WAIT is reported on the client and CLOSED on the server.
import type { CloseOutcome, CloseStep } from "../../../lib/tcp.ts";
import { closeOutcome as reference } from "../../../solutions/04-teardown.ts";

export function closeOutcome(steps: readonly CloseStep[]): CloseOutcome {
  const o = reference(steps);
  if (o.server === "TIME-WAIT" && o.client !== "TIME-WAIT") return { client: "TIME-WAIT", server: o.client };
  return o;
}
