/**
 * A failure's picture (the two-column sequence diagrams of the state-machine and
 * handshake lessons) in the report and in watch mode: never wrapped by the
 * terminal when it fits the width, indented like the other details when there is room.
 */
import pc from "picocolors";
import { describe, expect, it } from "vitest";
import type { CourseResult } from "../../src/grading/results.ts";
import { renderReport } from "../../src/report/text-report.ts";
import { visibleWidth } from "../../src/ui/text.ts";

const DIAGRAM = [
  "client                                                                  server",
  "SYN-SENT     |-- SYN seq=0 ------------------------------------>| SYN-RECEIVED",
  "ESTABLISHED  |<-------------------------- SYN,ACK seq=0 ack=1 --|",
].join("\n");
const PROSE = "step 7: the server, in ESTABLISHED, on segment FIN,ACK seq=1 ack=1: a correct nextState goes to LAST-ACK and sends FIN,ACK seq=1 ack=2.";

function report(picture: string, width?: number): string[] {
  const result: CourseResult = {
    schema: 1,
    target: "exercises",
    seed: 1,
    durationMs: 1,
    summary: { exercises: 1, passed: 0 },
    lessons: [
      {
        slug: "08-faq",
        title: "The FAQ",
        exercises: [
          {
            name: "simulate",
            status: "failed",
            propertiesRun: 2,
            propertiesPassed: 1,
            failure: { property: "p", propertyIndex: 0, input: "i", expected: "e", actual: "a", picture, replay: "simulate:0:1" },
          },
        ],
      },
    ],
  };
  const ctx = { colors: pc.createColors(false), hintFor: () => undefined, gradeCommand: "npm run grade --", hintCommand: "npm run hint --" };
  return renderReport(result, width === undefined ? ctx : { ...ctx, width }).split("\n");
}

describe("a counterexample's picture in the report", () => {
  it("keeps a 78-column diagram whole at 80 columns, nearer the margin, and wraps the prose under it", () => {
    const lines = report(`${DIAGRAM}\n\n${PROSE}`);
    for (const line of DIAGRAM.split("\n")) expect(lines).toContain(`  ${line}`);
    expect(Math.max(...lines.map(visibleWidth))).toBeLessThanOrEqual(80);
    expect(lines.join(" ").replace(/\s+/g, " ")).toContain(PROSE);
  });

  it("at 60 columns narrows the arrows instead of wrapping: every row whole, its label intact, the columns aligned", () => {
    const lines = report(`${DIAGRAM}\n\n${PROSE}`, 60);
    // (The replay command is never wrapped: it is copied whole.)
    expect(Math.max(...lines.filter((l) => !l.includes("Replay")).map(visibleWidth))).toBeLessThanOrEqual(60);
    const rows = lines.filter((l) => l.includes("|"));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^SYN-SENT +\|-- SYN seq=0 -+>\| SYN-RECEIVED$/);
    expect(rows[1]).toMatch(/^ESTABLISHED +\|<-+ SYN,ACK seq=0 ack=1 --\|$/);
    expect(rows[0]!.indexOf("|", 20)).toBe(rows[1]!.indexOf("|", 20)); // the right-hand column stays straight
    expect(lines.join(" ").replace(/\s+/g, " ")).toContain(PROSE); // prose still wraps
  });

  it("says how wide the terminal must be rather than cutting most of a diagram away", () => {
    const lines = report(DIAGRAM, 30);
    // 54: the narrowest the arrows can be drawn (the shortest shaft keeps two dashes).
    expect(lines).toContain("(this diagram needs 54 columns; widen the terminal to see it)");
    expect(lines.some((l) => l.includes("|--"))).toBe(false);
  });

  it("indents it like the other details when the terminal is wide enough", () => {
    const lines = report(`${DIAGRAM}\n\n${PROSE}`, 200);
    for (const line of DIAGRAM.split("\n")) expect(lines).toContain(`      ${line}`);
    expect(lines).toContain(`      ${PROSE}`);
  });
});
