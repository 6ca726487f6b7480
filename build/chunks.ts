/** Which script chunks each screen needs, read from Vite's manifest, to preload them. */
import { chooseLanguage, type Language } from '../packages/core/src/languages';
import { LOADER_MODULE } from './loader';

/** The interface language a page in `tag` is rendered in. */
export function pageLocale(tag: string | undefined): Language {
  return chooseLanguage(tag ? [tag] : []);
}

/** The screen module each kind of address shows, as Vite's manifest names it. */
export const SCREEN_MODULES: Record<string, string> = {
  '/': 'src/features/news/NewsList.tsx',
  '/events': 'src/features/events/EventsList.tsx',
  '/contacts': 'src/features/contacts/ContactsList.tsx',
  news: 'src/features/news/Article.tsx',
  event: 'src/features/events/EventPage.tsx',
  contact: 'src/features/contacts/ContactPage.tsx',
};

/**
 * The parts of a language's interface catalogue a screen hydrates with (src/i18n/index.ts): the
 * home screen's text is all in the core part; every other screen's route also awaits the rest
 * (`loadMore()`, src/app/App.tsx).
 */
export function textParts(locale: string, screen: string): string[] {
  const core = `src/i18n/${locale}.core.ts`;
  return screen === SCREEN_MODULES['/'] ? [core] : [core, `src/i18n/${locale}.more.ts`];
}

export interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
  css?: string[];
}

/** The chunks a screen needs that the entry does not already preload, from Vite's manifest. */
export function screenPreloads(manifest: Record<string, ManifestChunk>, screen: string): string[] {
  const closure = (key: string, into = new Set<string>()) => {
    if (into.has(key)) return into;
    into.add(key);
    for (const next of manifest[key]?.imports ?? []) closure(next, into);
    return into;
  };
  // The app's entry; the loader is an entry of its own, which no screen waits on.
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry && key !== LOADER_MODULE);
  const loaded = entry ? closure(entry) : new Set<string>();
  return [...closure(screen)]
    .filter((key) => !loaded.has(key))
    .map((key) => `/${manifest[key]?.file ?? key}`);
}
