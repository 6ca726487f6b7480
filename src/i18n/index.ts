/**
 * The locale primitive: which language the interface speaks, its translator, and Intl
 * formatters bound to it. Catalogues are plain objects checked against the English shape.
 *
 * Each catalogue is two chunks (`core` and `more`, see CATALOGUES), loaded when its language is
 * wanted (`loadLanguages()`): a reader needs the page's language to hydrate and their own
 * after, never both up front unless they differ.
 */
import * as i18n from '@solid-primitives/i18n';
import { createEffect, createMemo, createRoot, createSignal, untrack } from 'solid-js';
import { isServer } from 'solid-js/web';
import { followTurn, rendering } from '../lib/hydration';
import { settings, type LanguageChoice } from '../lib/settings';
import type { Catalogue } from './en';
import { chooseLanguage, DEFAULT_FORMATS, LANGUAGES, type Language } from '@citylink/core/languages';

/** The interface language for a setting: the one chosen by hand, else the device's. */
export function resolveLocale(choice: LanguageChoice, device: Language): Language {
  return choice === 'system' ? device : choice;
}

/**
 * The tag Intl formats with for `lang`: the language in the region of the reader's first
 * preference in that language ("en-US" gives US dates and a 12-hour clock, "en-GB" British
 * ones), else the language's default. The words stay the interface's; only formats follow.
 */
export function formatsFor(lang: Language, preferred: readonly string[]): string {
  for (const tag of preferred) {
    // Either Chinese script takes the region of a Chinese preference: a Hong Kong reader who
    // chose Simplified still reads Hong Kong's dates.
    if (chooseLanguage([tag]).split('-')[0] !== lang.split('-')[0]) continue;
    try {
      const region = new Intl.Locale(tag).region;
      if (region) return `${lang}-${region}`;
    } catch {
      // Not a well-formed tag: the next preference, else the default.
    }
  }
  return DEFAULT_FORMATS[lang];
}

function deviceLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages;
}

type Dictionary = i18n.Flatten<Catalogue>;

/**
 * Each language's catalogue comes in two parts, each a chunk: `core`, what the frame and the
 * home screen show (loaded before the home is interactive), and `more`, the rest, loaded once
 * anything else is wanted (`loadMore()`: the other screens, the frame's later parts).
 */
type Part = 'core' | 'more';
const CATALOGUES: Record<Language, Record<Part, () => Promise<object>>> = {
  en: {
    core: () => import('./en.core').then((module) => module.enCore),
    more: () => import('./en.more').then((module) => module.enMore),
  },
  'zh-Hans': {
    core: () => import('./zh-Hans.core').then((module) => module.zhHansCore),
    more: () => import('./zh-Hans.more').then((module) => module.zhHansMore),
  },
  'zh-Hant': {
    core: () => import('./zh-Hant.core').then((module) => module.zhHantCore),
    more: () => import('./zh-Hant.more').then((module) => module.zhHantMore),
  },
};

// One root for the app's lifetime: the locale is global state, like the document's language.
// A server render and the hydration after it speak the page's language (src/lib/hydration.ts).
// On the server a memo is computed once, so there the locale is read afresh on every call.
const state = createRoot(() => {
  const [device, setDevice] = createSignal<Language>(chooseLanguage(deviceLanguages()));
  const [dicts, setDicts] = createSignal<Partial<Record<Language, Dictionary>>>({});
  // The parts every language shown needs, and those loaded (`<locale> <part>`).
  const [parts, setParts] = createSignal<readonly Part[]>(isServer ? ['core', 'more'] : ['core']);
  const [loaded, setLoaded] = createSignal<ReadonlySet<string>>(new Set());
  const ready = (lang: Language) => parts().every((part) => loaded().has(`${lang} ${part}`));
  const reader = () => resolveLocale(settings().language, device());
  const wanted = () => rendering()?.locale ?? reader();
  // The language wanted once its catalogue is here; until then the one shown before, so that
  // text never goes blank while a catalogue loads.
  const current = (before?: Language) => (before && !ready(wanted()) ? before : wanted());
  const locale = isServer ? () => current() : createMemo(current);
  // Each text follows the turn to the reader's language too: one made while the turn waited
  // would keep the page's language, Solid running it no more (src/lib/hydration.ts).
  const t = i18n.translator(() => (followTurn(), dicts()[locale()] ?? EMPTY), i18n.resolveTemplate);
  const loading = new Map<string, Promise<void>>();
  const load = (lang: Language, part: Part): Promise<void> => {
    const key = `${lang} ${part}`;
    let pending = loading.get(key);
    if (!pending) {
      pending = CATALOGUES[lang][part]().then((catalogue) => {
        const words = i18n.flatten(catalogue as Catalogue);
        setDicts((all) => ({ ...all, [lang]: { ...all[lang], ...words } }));
        setLoaded((all) => new Set(all).add(key));
      });
      // A part that failed to load (offline before it was ever cached) is asked again later.
      pending.catch(() => loading.delete(key));
      loading.set(key, pending);
    }
    return pending;
  };
  const loadAll = (langs: readonly Language[]) =>
    Promise.all(langs.flatMap((lang) => untrack(parts).map((part) => load(lang, part)))).then(
      () => undefined,
    );
  // A language chosen later (Settings, the device's) loads when it is wanted.
  if (!isServer) {
    createEffect(() => {
      const lang = wanted();
      for (const part of parts()) void load(lang, part);
    });
  }
  const languages = () => untrack(() => [wanted(), reader()]);
  const more = () => {
    if (!untrack(parts).includes('more')) setParts(['core', 'more']);
    return loadAll(languages());
  };
  // A server render and its hydration format as the page's language does by default: the
  // reader's region is the device's, like their language.
  const formats = () => {
    const render = rendering();
    return render ? DEFAULT_FORMATS[render.locale] : formatsFor(locale(), deviceLanguages());
  };
  const formatLocale = isServer ? formats : createMemo(formats);
  return { locale, formatLocale, setDevice, t, loadAll, languages, more };
});

// Before `loadLanguages()` has run nothing may render; an empty catalogue rather than a throw.
const EMPTY = {} as Dictionary;

/**
 * Loads the catalogues needed now: the page's language (hydration renders what the server did)
 * and the reader's (shown once hydrated), each in the parts wanted so far. On the server: every
 * language, whole, for every page.
 */
export function loadLanguages(): Promise<void> {
  return state.loadAll(isServer ? LANGUAGES : state.languages());
}

/**
 * Loads the rest of the interface text (beyond the frame's and the home screen's), for the
 * page's and the reader's language and every language shown from now on. Code that shows such
 * text awaits it before it renders: the screens but the home, the frame's lazy parts.
 */
export function loadMore(): Promise<void> {
  return state.more();
}

/** The current interface language. */
export const locale = state.locale;
/** The tag for Intl's dates, times and numbers: the interface language in the reader's region. */
export const formatLocale = state.formatLocale;
/** Follows the device when its languages change (it matters while the setting is "system"). */
export function followDevice(): void {
  state.setDevice(chooseLanguage(deviceLanguages()));
}
/** Looks up interface text by dotted key, e.g. `t('nav.news')`. */
export const t = state.t;
