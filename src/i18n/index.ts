/**
 * The locale primitive: which language the interface speaks, its translator, and Intl
 * formatters bound to it. Catalogues are plain objects checked against the English shape.
 *
 * Each catalogue is its own chunk, loaded when its language is wanted (`loadLanguages()`):
 * a reader needs the page's language to hydrate and their own after, never both up front
 * unless they differ.
 */
import * as i18n from '@solid-primitives/i18n';
import { createEffect, createMemo, createRoot, createSignal, untrack } from 'solid-js';
import { isServer } from 'solid-js/web';
import { rendering } from '../lib/hydration';
import { settings, type LanguageChoice } from '../lib/settings';
import type { Catalogue } from './en';

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

type Dictionary = i18n.Flatten<Catalogue>;

const CATALOGUES: Record<Locale, () => Promise<Catalogue>> = {
  en: () => import('./en').then((module) => module.en),
  'zh-Hans': () => import('./zh-Hans').then((module) => module.zhHans),
};

// One root for the app's lifetime: the locale is global state, like the document's language.
// A server render and the hydration after it speak the page's language (src/lib/hydration.ts).
// On the server a memo is computed once, so there the locale is read afresh on every call.
const state = createRoot(() => {
  const [device, setDevice] = createSignal<Locale>(chooseLocale(deviceLanguages()));
  const [dicts, setDicts] = createSignal<Partial<Record<Locale, Dictionary>>>({});
  const reader = () => resolveLocale(settings().language, device());
  const wanted = () => rendering()?.locale ?? reader();
  // The language wanted once its catalogue is here; until then the one shown before, so that
  // text never goes blank while a catalogue loads.
  const current = (before?: Locale) => (before && !dicts()[wanted()] ? before : wanted());
  const locale = isServer ? () => current() : createMemo(current);
  const t = i18n.translator(() => dicts()[locale()] ?? EMPTY, i18n.resolveTemplate);
  const loading = new Map<Locale, Promise<void>>();
  const load = (lang: Locale): Promise<void> => {
    let pending = loading.get(lang);
    if (!pending) {
      pending = CATALOGUES[lang]().then((catalogue) => {
        setDicts((all) => ({ ...all, [lang]: i18n.flatten(catalogue) }));
      });
      loading.set(lang, pending);
    }
    return pending;
  };
  // A language chosen later (Settings, the device's) loads when it is wanted.
  if (!isServer) {
    createEffect(() => {
      void load(wanted());
    });
  }
  return { locale, setDevice, t, load, languages: () => untrack(() => [wanted(), reader()]) };
});

// Before `loadLanguages()` has run nothing may render; an empty catalogue rather than a throw.
const EMPTY = {} as Dictionary;

/**
 * Loads the catalogues needed now: the page's language (hydration renders what the server did)
 * and the reader's (shown once hydrated). On the server: every language, for every page.
 */
export function loadLanguages(): Promise<void> {
  const languages: Locale[] = isServer ? ['en', 'zh-Hans'] : state.languages();
  return Promise.all(languages.map(state.load)).then(() => undefined);
}

/** The current interface language. */
export const locale = state.locale;
/** Follows the device when its languages change (it matters while the setting is "system"). */
export function followDevice(): void {
  state.setDevice(chooseLocale(deviceLanguages()));
}
/** Looks up interface text by dotted key, e.g. `t('nav.news')`. */
export const t = state.t;
