/**
 * Typed message catalogs. Every learner-facing string lives in one catalog per
 * language: src/i18n/en/<area>.ts holds the English, src/i18n/zh-CN/<area>.ts
 * the translation, typed against the English so that a missing key, or a
 * message taking other arguments, fails the type check. src/i18n/messages.ts
 * joins them into one accessor per area.
 *
 *   // en/example.ts
 *   export default { saved: "Progress saved.", graded: (n: number) => `${n} exercises graded` };
 *   // zh-CN/example.ts
 *   import type en from "../en/example.ts";
 *   export default { saved: "进度已保存。", graded: (n) => `已评分 ${n} 道练习` } satisfies Translation<typeof en>;
 *   // messages.ts
 *   export const exampleText = defineMessages(exampleEn, { "zh-CN": exampleZh });
 *   // anywhere
 *   exampleText().graded(3)      // in the current language
 *   exampleText("zh-CN").saved   // in a given one (worker threads, tests)
 */
import { language } from "./current.ts";
import type { Language } from "./languages.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Message = string | ((...args: any[]) => string);
export type Messages = Readonly<Record<string, Message>>;

/** The same keys as English, each a string or a function of the same arguments. */
export type Translation<T extends Messages> = { readonly [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string };

export function defineMessages<T extends Messages>(
  en: T,
  translations: { readonly [L in Exclude<Language, "en">]: Translation<T> },
): (lang?: Language) => Translation<T> {
  const all: Record<Language, Translation<T>> = { en: en as unknown as Translation<T>, ...translations };
  return (lang = language()) => all[lang];
}
