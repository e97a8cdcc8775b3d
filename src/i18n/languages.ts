/**
 * The languages the workbook speaks, and how a language is chosen: --lang, then
 * the choice saved from the menu, then the system's locale variables, then English.
 */
export const LANGUAGES = ["en", "zh-CN"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";

/** A tag as a person or a locale variable writes it ("zh-CN", "zh_CN.UTF-8", "en_GB", "zh"), or undefined when we do not speak it. */
export function parseLanguage(tag: string): Language | undefined {
  const base = tag.trim().split(/[.@]/)[0]!.replace(/_/g, "-").toLowerCase();
  if (base === "" || base === "c" || base === "posix") return undefined;
  if (base === "en" || base.startsWith("en-")) return "en";
  // Simplified Chinese: zh, zh-CN, zh-SG, zh-Hans…; Traditional (zh-TW, zh-HK, zh-Hant) is a different written language.
  if (base === "zh" || base === "zh-cn" || base === "zh-sg" || base.startsWith("zh-hans")) return "zh-CN";
  return undefined;
}

/**
 * The language the system asks for, the way gettext reads it: LANGUAGE (a colon list) when the
 * locale is not C/POSIX, else the first of LC_ALL, LC_MESSAGES, LANG that is set. C and POSIX mean "no preference".
 */
export function languageFromEnv(env: NodeJS.ProcessEnv): Language | undefined {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== "");
  const isC = locale !== undefined && /^(C|POSIX)([.@].*)?$/i.test(locale);
  if (env.LANGUAGE && !isC) {
    for (const tag of env.LANGUAGE.split(":")) {
      const lang = parseLanguage(tag);
      if (lang) return lang;
    }
  }
  return locale === undefined ? undefined : parseLanguage(locale);
}

/** --lang, else the saved choice, else the system's, else English. */
export function chooseLanguage(flag: Language | undefined, saved: Language | undefined, env: NodeJS.ProcessEnv): Language {
  return flag ?? saved ?? languageFromEnv(env) ?? DEFAULT_LANGUAGE;
}
