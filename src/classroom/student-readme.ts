/** The README of a student template: how to work, and how the work is graded (on push). */
import type { Lesson } from "../course/course.ts";
import { npmCommand } from "../cli/io.ts";

export function studentReadme(lessons: readonly Lesson[], closedBook: boolean): string {
  const grade = npmCommand("grade");
  const rows = lessons.map((l) => `| \`${l.slug}\` | ${l.title} | ${l.exercises.map((e) => `\`${e.name}\``).join(", ")} |`);
  const local = closedBook
    ? [
        "This copy is closed-book: it has no hidden specs and no reference solutions, so",
        `\`${grade}\` only tells you that grading happens when you push. Everything else works:`,
        "the menu, the lessons, the hints, `reset`, and the lab (it shows the kernel's TCP states,",
        "and next to them what your own `nextState` predicts once it runs).",
      ]
    : [
        `\`${grade} 03\` grades a lesson on your machine exactly as the classroom does (its report shows`,
        "the smallest case that breaks and what a correct implementation gives), and",
        `\`npm run watch -- 03\` grades again on every save.`,
      ];
  return [
    "# TCP connection workbook: your assignment",
    "",
    "A self-grading workbook on how TCP opens, keeps and closes connections. Read a",
    "lesson, implement the functions in `exercises/NN-slug.ts`, push, and read your",
    "grade.",
    "",
    "## Set up",
    "",
    "Open this repository in a GitHub Codespace (Code → Codespaces → Create): Node 20,",
    "`ss` and `tmux` are installed for you, on any computer. Or, on your own machine, with",
    "Node.js 20.19 or newer and git:",
    "",
    "```sh",
    "npm ci && npm start    # install, then open the workbook's menu",
    "```",
    "",
    "## How you work",
    "",
    "1. `npm start` opens the menu; choose a lesson to read it.",
    "2. Implement the functions in `exercises/NN-slug.ts` (only files in `exercises/` are graded).",
    `3. Stuck? \`${npmCommand("hint")} 03\` shows one more hint each time.`,
    `4. Commit and push: every push is graded by the **Autograding Tests** workflow.`,
    "   Open the **Actions** tab of your repository and the latest run to read, per",
    "   exercise, what passed and the report of what failed, with the command that",
    "   reproduces it. Your points are the sum over the lessons.",
    "",
    ...local,
    "",
    "Grading uses your teacher's copy of the specs and of the workbook itself: changing",
    "anything outside `exercises/` changes nothing in your grade (and your teacher sees",
    "which protected files differ).",
    "",
    "## Lessons",
    "",
    "| lesson | title | exercises |",
    "|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}
