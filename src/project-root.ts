/** The workbook's own folder (where package.json is). Its own module so the grading child can know it without loading the course reader. */
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = fileURLToPath(new URL("../", import.meta.url));
