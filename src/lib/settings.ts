/**
 * The reader's settings: one small record in localStorage, read synchronously at start-up so
 * that language, theme and text size apply before the first paint (index.html applies the same
 * record even earlier, before any module loads). Settings are preferences, not content, so they
 * live apart from IndexedDB and survive "clear cached content".
 */
import { LANGUAGES, type Language } from '@citylink/core/languages';
import { httpsImage } from './image-url';
import { createRoot, createSignal } from 'solid-js';
import { pageContext, rendering, siteOrigin } from './hydration';

/** The key shared with the inline script in index.html. */
export const SETTINGS_KEY = 'citylink.settings';

/** Interface language: the device's, or one chosen by hand. */
export type LanguageChoice = 'system' | Language;
/** Colour theme: the system's, or one chosen by hand. */
export type Theme = 'system' | 'light' | 'dark';

/** Everything the reader can set. */
export interface Settings {
  language: LanguageChoice;
  theme: Theme;
  /** Root font size in per cent of the browser's, 100 to 200. */
  textSize: number;
  /** Never fetch feed images. */
  dataSaver: boolean;
  /** Hide items that are only in another language than the interface's. */
  onlyMyLanguage: boolean;
}

/** The text sizes offered, in per cent. */
export const TEXT_SIZES = [100, 125, 150, 175, 200] as const;

/** What a new device starts with. */
export const DEFAULT_SETTINGS: Settings = {
  language: 'system',
  theme: 'system',
  textSize: 100,
  dataSaver: false,
  onlyMyLanguage: false,
};

const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/** Reads a stored record, field by field: a missing, old or hand-edited field takes its default. */
export function parseSettings(raw: string | null): Settings {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
  } catch {
    // Unreadable: start from the defaults rather than fail to start.
  }
  const size = Number(data.textSize);
  return {
    language: oneOf(data.language, ['system', ...LANGUAGES], DEFAULT_SETTINGS.language),
    theme: oneOf(data.theme, ['system', 'light', 'dark'], DEFAULT_SETTINGS.theme),
    textSize: Number.isFinite(size)
      ? Math.min(200, Math.max(100, Math.round(size)))
      : DEFAULT_SETTINGS.textSize,
    dataSaver: data.dataSaver === true,
    onlyMyLanguage: data.onlyMyLanguage === true,
  };
}

function readStored(): Settings {
  try {
    return parseSettings(localStorage.getItem(SETTINGS_KEY));
  } catch {
    // No localStorage (privacy mode, tests in Node): defaults for this session.
    return DEFAULT_SETTINGS;
  }
}

const state = createRoot(() => {
  const [settings, setSettings] = createSignal<Settings>(readStored());
  return { settings, setSettings };
});

/**
 * The settings screens render with: the defaults while a server-rendered page hydrates (the
 * server knows no reader's settings), the reader's afterwards.
 */
export function settings(): Settings {
  return rendering() ? DEFAULT_SETTINGS : state.settings();
}

/** The reader's stored settings, for what is applied outside rendering (theme, text size). */
export const storedSettings = state.settings;

/** Changes some settings and keeps them for the next visit. */
export function updateSettings(patch: Partial<Settings>): void {
  const next = { ...state.settings(), ...patch };
  state.setSettings(next);
  try {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
  } catch {
    // Storage full or blocked: the change holds for this session.
  }
}

/** Follows changes made in another tab; returns the cleanup. */
export function followOtherTabs(): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === SETTINGS_KEY) state.setSettings(parseSettings(event.newValue));
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}

/**
 * A feed image's address, or nothing when the data saver is on (so it is never requested).
 * An `http:` address is asked for over https, the only way the Content-Security-Policy lets
 * an image from another host in (build/csp.ts).
 */
export function feedImage(src: string | undefined): string | undefined {
  if (settings().dataSaver || src === undefined) return undefined;
  // A server-rendered page's data names the build's site (CITYLINK_SITE_URL): its own images
  // go by path, so the page works on whatever host serves the build.
  const site = pageContext()?.origin;
  if (site && src.startsWith(`${site}/`)) return src.slice(site.length);
  return httpsImage(src, siteOrigin());
}
