/**
 * Runs the course self-check on a course folder and prints the report as JSON:
 *   node --import tsx test/authoring/run-self-check.ts <root> [lesson ...]
 * The authoring test runs it inside its temporary copy of the workbook, so the
 * copy's own engine grades the copy's own files.
 */
import { checkCourse } from "../../src/course/self-check.ts";

const [root, ...lessons] = process.argv.slice(2);
if (!root) throw new Error("usage: run-self-check.ts <root> [lesson ...]");
const report = await checkCourse(root, lessons.length > 0 ? { lessons } : {});
process.stdout.write(`${JSON.stringify(report)}\n`);
