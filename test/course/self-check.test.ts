/**
 * The course checks itself (src/course/self-check.ts): every lesson's metadata
 * matches its files, no scaffold placeholder is left, links and images resolve,
 * every reference solution passes its specs, every untouched stub is "not
 * started" and every known-wrong implementation is rejected. Each failing test
 * names the lesson and exercise and says what to fix.
 *
 * To check only some lessons (while writing one):
 *   SELF_CHECK_LESSONS=09 npx vitest run test/course
 * (a comma-separated list of slugs or their starts).
 */
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/course/course.ts";
import { checkCourse, COURSE, type Finding } from "../../src/course/self-check.ts";

const only = process.env.SELF_CHECK_LESSONS?.split(",").map((s) => s.trim()).filter(Boolean);
const report = await checkCourse(PROJECT_ROOT, only?.length ? { lessons: only } : {});

const label = (f: Finding) => (f.exercise ? `${f.exercise}: ${f.claim}` : f.claim);

describe.each([COURSE, ...report.lessons])("%s", (slug) => {
  const findings = report.findings.filter((f) => f.lesson === slug);
  it.each(findings.map((f) => [label(f), f] as const))("%s", (_name, finding) => {
    expect(finding.ok, finding.problem).toBe(true);
  });
});
