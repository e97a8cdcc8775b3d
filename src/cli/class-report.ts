/**
 * `npm run class-report -- DIR [--format table|md|csv]`: what a class's
 * `grade --json` documents say, per exercise (see docs/classroom.md).
 */
import { existsSync } from "node:fs";
import { classReport, readClass, renderCsv, renderMarkdown, renderTable } from "../classroom/class-report.ts";
import { EXIT, type Io } from "./io.ts";
import { parseCommand } from "./args.ts";

const USAGE = `Usage: npm run class-report -- DIR [--format table|md|csv]
  DIR        a folder of grade --json documents, one per student (subfolders too)
  --format   table (default, for the terminal), md (Markdown) or csv`;

const RENDER = { table: renderTable, md: renderMarkdown, csv: renderCsv } as const;

export async function classReportCommand(argv: string[], io: Io): Promise<number> {
  const args = parseCommand(argv, io, USAGE, { format: { type: "string" } });
  if (typeof args === "number") return args;
  const [dir, ...extra] = args.positionals;
  const format = (args.values.format ?? "table") as keyof typeof RENDER;
  if (!dir || extra.length > 0 || !(format in RENDER)) {
    io.stderr.write(`${USAGE}\n`);
    return EXIT.usage;
  }
  if (!existsSync(dir)) {
    io.stderr.write(`There is no folder ${dir}.\n`);
    return EXIT.usage;
  }
  const { documents, skipped } = readClass(dir);
  for (const line of skipped) io.stderr.write(`Skipped ${line}\n`);
  if (documents.length === 0) {
    io.stderr.write(`No grade --json documents in ${dir}.\n`);
    return EXIT.failed;
  }
  io.stdout.write(RENDER[format](classReport(documents, skipped), io.stdout.columns ?? 120));
  return EXIT.ok;
}
