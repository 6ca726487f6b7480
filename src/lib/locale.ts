// Below both src/i18n and the hydration data that names a page's language, so that neither
// imports the other for it.
/** The interface languages, as BCP 47 tags. */
export type Locale = 'en' | 'zh-Hans';
