/**
 * The locale primitive: which language the interface speaks, its translator, and Intl
 * formatters bound to it. Catalogues are plain objects checked against the English shape.
 */
import * as i18n from '@solid-primitives/i18n';
import { createMemo, createRoot, createSignal } from 'solid-js';
import { isServer } from 'solid-js/web';
import { rendering } from '../lib/hydration';
import { settings, type LanguageChoice } from '../lib/settings';
import { en } from './en';
import { zhHans } from './zh-Hans';

/** The interface languages, as BCP 47 tags. */
export type Locale = 'en' | 'zh-Hans';

/**
 * The best interface language for a list of preferred languages (navigator.languages order).
 * Any Chinese preference gets Simplified Chinese, the only Chinese we have.
 */
export function chooseLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lang = tag.toLowerCase();
    if (lang.startsWith('zh')) return 'zh-Hans';
    if (lang.startsWith('en')) return 'en';
  }
  return 'en';
}

/** The interface language for a setting: the one chosen by hand, else the device's. */
export function resolveLocale(choice: LanguageChoice, device: Locale): Locale {
  return choice === 'system' ? device : choice;
}

function deviceLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages;
}

// One root for the app's lifetime: the locale is global state, like the document's language.
// A server render and the hydration after it speak the page's language (src/lib/hydration.ts).
// On the server a memo is computed once, so there the locale is read afresh on every call.
const state = createRoot(() => {
  const [device, setDevice] = createSignal<Locale>(chooseLocale(deviceLanguages()));
  const current = () => rendering()?.locale ?? resolveLocale(settings().language, device());
  const locale = isServer ? current : createMemo(current);
  const dicts = { en: i18n.flatten(en), 'zh-Hans': i18n.flatten(zhHans) };
  const t = i18n.translator(() => dicts[locale()], i18n.resolveTemplate);
  return { locale, setDevice, t };
});

/** The current interface language. */
export const locale = state.locale;
/** Follows the device when its languages change (it matters while the setting is "system"). */
export function followDevice(): void {
  state.setDevice(chooseLocale(deviceLanguages()));
}
/** Looks up interface text by dotted key, e.g. `t('nav.news')`. */
export const t = state.t;
