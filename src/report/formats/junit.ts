/**
 * JUnit XML, as CI test dashboards read it (the Jenkins/Ant layout): one
 * <testsuite> per lesson, one <testcase> per exercise, a <failure> or <error>
 * whose message is the report's first line and whose text is the whole plain
 * report, and what the learner's code printed as <system-out>.
 */
import { XMLBuilder } from "fast-xml-parser";
import type { CourseResult } from "../../grading/results.ts";
import { gradedExercises } from "./graded.ts";

export interface JunitOptions {
  /** The <testsuites> name. */
  readonly name: string;
  /** Extra facts for the dashboard, as <properties> of every suite (e.g. the seed). */
  readonly properties?: Readonly<Record<string, string>>;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@", format: true, suppressEmptyNode: true });

export function junitXml(result: CourseResult, gradeCommand: string, options: JunitOptions): string {
  const graded = gradedExercises(result, gradeCommand);
  const count = (tests: typeof graded, outcome: string) => tests.filter((t) => t.outcome === outcome).length;
  const properties = { seed: String(result.seed), target: result.target, ...options.properties };
  const suites = result.lessons.map((lesson) => {
    const tests = graded.filter((g) => g.lesson === lesson);
    return {
      "@name": lesson.slug,
      "@tests": tests.length,
      "@failures": count(tests, "fail"),
      "@errors": count(tests, "error"),
      "@skipped": 0,
      "@time": seconds(tests.reduce((ms, t) => ms + (t.exercise.durationMs ?? 0), 0)),
      properties: { property: Object.entries(properties).map(([name, value]) => ({ "@name": name, "@value": xmlText(value) })) },
      testcase: tests.map((t) => ({
        "@name": t.exercise.name,
        "@classname": lesson.slug,
        "@time": seconds(t.exercise.durationMs ?? 0),
        ...(t.outcome === "pass"
          ? {}
          : {
              [t.outcome === "error" ? "error" : "failure"]: {
                "@message": xmlText(t.message.split("\n")[0] ?? ""),
                "@type": t.exercise.status,
                "#text": xmlText(`${t.message}\n\nReproduce: ${t.testCode}`),
              },
            }),
        ...(t.exercise.output ? { "system-out": xmlText(t.exercise.output) } : {}),
      })),
    };
  });
  const xml = builder.build({
    "?xml": { "@version": "1.0", "@encoding": "UTF-8" },
    testsuites: {
      "@name": xmlText(options.name),
      "@tests": graded.length,
      "@failures": count(graded, "fail"),
      "@errors": count(graded, "error"),
      "@time": seconds(result.durationMs),
      testsuite: suites,
    },
  }) as string;
  return xml.endsWith("\n") ? xml : `${xml}\n`;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/**
 * Text XML 1.0 can hold: without terminal escape sequences, and with the
 * control characters it forbids (learner code may print anything) replaced.
 */
export function xmlText(text: string): string {
  return text
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, "")
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}
