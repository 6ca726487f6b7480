/**
 * The app's interface languages: the catalogues the page ships, the languages a reader and a
 * push subscriber may choose, and the locales the build prerenders. Adding one starts here.
 */
export const LANGUAGES = ['en', 'zh-Hans'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Whether `value` names an interface language. */
export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/**
 * The best interface language for a list of preferred languages (navigator.languages order).
 * Any Chinese preference gets Simplified Chinese, the only Chinese we have.
 */
export function chooseLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lang = tag.toLowerCase();
    if (lang.startsWith('zh')) return 'zh-Hans';
    if (lang.startsWith('en')) return 'en';
  }
  return 'en';
}

/**
 * The formats (dates, clock, numbers) of an interface language when the reader's languages
 * name no region for it: British for English, as the app's English is; mainland China's for
 * Chinese.
 */
export const DEFAULT_FORMATS: Record<Language, string> = { en: 'en-GB', 'zh-Hans': 'zh-Hans-CN' };
