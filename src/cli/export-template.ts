/**
 * `npm run export-template -- DIR [--closed-book]`: a ready-to-push GitHub
 * Classroom template of this course (see docs/classroom.md).
 */
import { resolve } from "node:path";
import { exportTemplate } from "../classroom/export-template.ts";
import { loadCourseFor } from "./lesson-arg.ts";
import { EXIT, type Io } from "./io.ts";
import { parseCommand } from "./args.ts";

const USAGE = `Usage: npm run export-template -- DIR [--closed-book]
  DIR            a new (or empty) folder for the student template
  --closed-book  leave out solutions/ and grader/: students then grade only by
                 pushing, with your repository's copy of them
Then follow docs/classroom.md to make it a Classroom assignment.`;

export async function exportTemplateCommand(argv: string[], io: Io): Promise<number> {
  const args = parseCommand(argv, io, USAGE, { "closed-book": { type: "boolean" } });
  if (typeof args === "number") return args;
  if (args.positionals.length !== 1) {
    io.stderr.write(`Where to? ${USAGE}\n`);
    return EXIT.usage;
  }
  const course = loadCourseFor(io);
  if (!course) return EXIT.usage;
  if (course.closedBook) {
    io.stderr.write("This copy has no solutions/: export from the teacher's complete copy of the workbook.\n");
    return EXIT.usage;
  }
  const target = resolve(args.positionals[0]!);
  const closedBook = args.values["closed-book"] === true;
  try {
    exportTemplate(course, target, closedBook);
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n`);
    return EXIT.usage;
  }
  const lines = [
    `Wrote the ${closedBook ? "closed-book " : ""}student template of ${course.lessons.length} lessons to ${target}:`,
    "  .github/workflows/classroom.yml  one grading step per lesson, then the Classroom reporter",
    "  .devcontainer/devcontainer.json  Node 20, iproute2 and tmux for Codespaces",
    "  README.md                        for students",
    ...(closedBook ? ["  (no solutions/, no grader/: grading happens when students push)"] : []),
    "Next: push it to a new repository, mark it a template, and follow docs/classroom.md.",
  ];
  io.stdout.write(`${lines.join("\n")}\n`);
  return EXIT.ok;
}
