/**
 * The options `grade` takes for classroom tools and trusted grading:
 * `--format`, `--max-score`, `--output`, `--pristine DIR`, and `--exercises DIR`
 * (what --pristine asks the trusted copy to grade). Kept here so grade.ts only
 * passes them on.
 */
import { resolve } from "node:path";
import { MACHINE_FORMATS, type MachineFormat } from "../report/formats/emit.ts";
import { commitSeed } from "./commit-seed.ts";

export const CLASSROOM_OPTIONS = {
  format: { type: "string" },
  "max-score": { type: "string" },
  output: { type: "string" },
  pristine: { type: "string" },
  exercises: { type: "string" },
} as const;

export const CLASSROOM_USAGE = `  --format F        text (default), json, classroom (GitHub Classroom's result=
                    line, also appended to $GITHUB_OUTPUT), exercism (results.json
                    v3 in --output DIR) or junit (XML to --output FILE or stdout)
  --max-score N     classroom: the points the graded exercises are worth
                    (default: one per exercise)
  --output PATH     where exercism and junit write
  --pristine DIR    grade your exercises/ with everything else (engine, lib,
                    specs, references) taken from DIR, a trusted copy
  --exercises DIR   grade the exercise files in DIR (what --pristine runs)`;

export type ReportFormat = "text" | MachineFormat;

export interface ClassroomOptions {
  readonly format: ReportFormat;
  readonly maxScore?: number;
  readonly output?: string;
  readonly pristine?: string;
  readonly exercisesDir?: string;
}

type Values = { json?: boolean; format?: string; "max-score"?: string; output?: string; pristine?: string; exercises?: string; solutions?: boolean };

export function readClassroomOptions(values: Values): { ok: true; options: ClassroomOptions } | { ok: false; message: string } {
  const format = values.json ? "json" : (values.format ?? "text");
  if (format !== "text" && !(MACHINE_FORMATS as readonly string[]).includes(format)) {
    return { ok: false, message: `--format must be one of text, ${MACHINE_FORMATS.join(", ")}; not "${format}"` };
  }
  const maxScore = values["max-score"] === undefined ? undefined : Number(values["max-score"]);
  if (maxScore !== undefined && !(Number.isFinite(maxScore) && maxScore > 0)) return { ok: false, message: `--max-score must be a positive number, not "${values["max-score"]}"` };
  if (maxScore !== undefined && format !== "classroom") return { ok: false, message: "--max-score goes with --format classroom" };
  if (format === "exercism" && values.output === undefined) return { ok: false, message: "--format exercism needs --output DIR (the folder for results.json)" };
  if (values.pristine !== undefined && (values.solutions || values.exercises !== undefined)) {
    return { ok: false, message: "--pristine grades your exercises/; it does not go with --solutions or --exercises" };
  }
  return {
    ok: true,
    options: {
      format: format as ReportFormat,
      ...(maxScore !== undefined ? { maxScore } : {}),
      ...(values.output !== undefined ? { output: resolve(values.output) } : {}),
      ...(values.pristine !== undefined ? { pristine: values.pristine } : {}),
      ...(values.exercises !== undefined ? { exercisesDir: resolve(values.exercises) } : {}),
    },
  };
}

/**
 * The seed when none is given: fixed per commit for classroom grading (the
 * formats other tools read, or --pristine), fresh otherwise. Says where it came from.
 */
export function defaultSeed(options: ClassroomOptions, root: string, fresh: () => number): { seed: number; note?: string } {
  const classroom = options.pristine !== undefined || (options.format !== "text" && options.format !== "json");
  if (!classroom) return { seed: fresh() };
  const { seed, from } = commitSeed(root);
  return { seed, note: `Seed ${seed} (fixed for ${from}).` };
}

/** What a closed-book copy says instead of grading; `commands`: what does work, e.g. "npm run hint -- 03". */
export function closedBookNotice(commands: string): string {
  return (
    "This copy of the workbook is closed-book: it has no hidden specs or reference solutions, so it cannot grade here.\n" +
    "Grading happens when you push: commit, `git push`, then read the result under the Actions tab of your repository.\n" +
    `The lessons, the hints and the lab (kernel states only) work as usual: ${commands}`
  );
}

/** Classroom and Exercism steps must exit 0 whenever grading ran, or the tools reading them are skipped. */
export function exitsZeroWhenGraded(format: ReportFormat): boolean {
  return format === "classroom" || format === "exercism";
}
