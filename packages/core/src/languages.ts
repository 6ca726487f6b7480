/**
 * The app's interface languages: the catalogues the page ships, the languages a reader and a
 * push subscriber may choose, and the locales the build prerenders. Adding one starts here.
 */
export const LANGUAGES = ['en', 'zh-Hans', 'zh-Hant'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Whether `value` names an interface language. */
export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/**
 * The script a Chinese language tag is written in: its script subtag if it has one, else the
 * script of its region (Taiwan, Hong Kong and Macau write Traditional), else Simplified.
 */
export function chineseScript(tag: string): 'zh-Hans' | 'zh-Hant' {
  const all = tag.toLowerCase().split(/[-_]/);
  // Up to the first extension: `zh-Hant-HK-t-zh-hans` is Traditional text converted from
  // Simplified (RFC 6497), whose `hans` names the source.
  const singleton = all.findIndex((subtag, i) => i > 0 && subtag.length === 1);
  const subtags = all.slice(1, singleton < 0 ? undefined : singleton);
  if (subtags.includes('hant')) return 'zh-Hant';
  if (subtags.includes('hans')) return 'zh-Hans';
  return subtags.some((subtag) => TRADITIONAL_REGIONS.has(subtag)) ? 'zh-Hant' : 'zh-Hans';
}
const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

/**
 * The best interface language for a list of preferred languages (navigator.languages order):
 * the first English or Chinese one, Chinese in the script its tag or region writes.
 */
export function chooseLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lang = tag.toLowerCase();
    if (lang === 'zh' || lang.startsWith('zh-') || lang.startsWith('zh_')) return chineseScript(lang);
    if (lang === 'en' || lang.startsWith('en-') || lang.startsWith('en_')) return 'en';
  }
  return 'en';
}

/**
 * The formats (dates, clock, numbers) of an interface language when the reader's languages
 * name no region for it: British for English, as the app's English is; mainland China's for
 * Simplified Chinese; Hong Kong's for Traditional, the region of most overseas Wuyi families'
 * ties and the conversion's default.
 */
export const DEFAULT_FORMATS: Record<Language, string> = {
  en: 'en-GB',
  'zh-Hans': 'zh-Hans-CN',
  'zh-Hant': 'zh-Hant-HK',
};
