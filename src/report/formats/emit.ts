/**
 * Writes a grading result in one of the formats other tools read, where each
 * wants it: Classroom's `result=` line on stdout (and appended to
 * $GITHUB_OUTPUT when a workflow step sets it), Exercism's DIR/results.json,
 * JUnit XML to a file or stdout, the workbook's own JSON on stdout.
 */
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { CourseResult } from "../../grading/results.ts";
import { classroomDocument, classroomOutputLine } from "./classroom.ts";
import { exercismResults } from "./exercism.ts";
import { junitXml } from "./junit.ts";

export const MACHINE_FORMATS = ["json", "classroom", "exercism", "junit"] as const;
export type MachineFormat = (typeof MACHINE_FORMATS)[number];

export interface EmitOptions {
  readonly stdout: { write(text: string): unknown };
  /** How learners start grading ("npm run grade --"), for each test's command. */
  readonly gradeCommand: string;
  readonly maxScore?: number;
  /** Exercism: the folder for results.json; JUnit: the file (stdout without it). */
  readonly output?: string;
  /** The workflow's output file ($GITHUB_OUTPUT), if any. */
  readonly githubOutput?: string;
  /** Protected files of the learner's copy that differ from the trusted one (--pristine). */
  readonly changed?: readonly string[];
}

/** Writes the result; returns a sentence for stderr saying where, when it is not stdout. */
export function emitReport(format: MachineFormat, result: CourseResult, options: EmitOptions): string | undefined {
  switch (format) {
    case "json": {
      const doc = options.changed ? { ...result, protectedFilesChanged: options.changed } : result;
      options.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
      return undefined;
    }
    case "classroom": {
      const line = classroomOutputLine(classroomDocument(result, options.gradeCommand, options.maxScore));
      options.stdout.write(`${line}\n`);
      if (options.githubOutput) appendFileSync(options.githubOutput, `${line}\n`);
      return undefined;
    }
    case "exercism": {
      const file = join(options.output ?? ".", "results.json");
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(exercismResults(result, options.gradeCommand), null, 2)}\n`);
      return `Wrote ${file}`;
    }
    case "junit": {
      const changed: Record<string, string> = options.changed?.length ? { "protected-files-changed": options.changed.join(" ") } : {};
      const xml = junitXml(result, options.gradeCommand, { name: "tcp-connection-workbook", properties: changed });
      if (!options.output) {
        options.stdout.write(xml);
        return undefined;
      }
      mkdirSync(dirname(options.output), { recursive: true });
      writeFileSync(options.output, xml);
      return `Wrote ${options.output}`;
    }
  }
}
