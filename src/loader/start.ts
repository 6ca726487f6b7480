/**
 * Starts the app on a rendered page once the page has painted, loaded (`load`) and shown the
 * pictures on its first screen: module preloads for every chunk the screen needs, then the
 * entry. A dynamic `import()`, not a script element, so that no string goes to a Trusted Types
 * sink.
 *
 * Why so late: the first screen is in the HTML, and a request started before the largest paint
 * holds that paint up on a slow connection (Lighthouse's LCP counts every such request). An
 * item's picture is often its largest paint, and feed pictures are `loading="lazy"` (so that
 * data saver, which hides them, never fetches them): lazy pictures do not hold up `load`, so
 * the loader waits for those on the first screen itself (at most PICTURE_WAIT_MS), then a frame.
 *
 * A reader whose language is not the page's reads the page's until the app starts: for them it
 * starts after the first paint without waiting for `load` or pictures, and preloads their
 * catalogue too (`catalogues`: chunks by language). Their language is found as the app finds it
 * (src/i18n/index.ts: the setting chosen by hand, else the first of the device's languages we
 * have), from the same stored record index.html's first script reads.
 *
 * Kept apart from the app: this is all the code a rendered page runs before the app, so it
 * imports nothing.
 */

/** What a rendered page tells its loader (build/html.ts writes it into the page). */
export interface LoaderSettings {
  /** The app's entry chunk. */
  entry: string;
  /** The chunks the page's screen needs, in its own language. */
  preloads: string[];
  /** The chunks of the other languages' interface catalogues, for a reader of one of them. */
  catalogues: Record<string, string[]>;
}

/** The id of the JSON block that holds a page's `LoaderSettings`. */
export const SETTINGS_ID = 'citylink-load';

/**
 * The longest the app's code waits for the first screen's pictures (ms): on a slow connection
 * a large picture must not keep the app (search, saving, offline) from the reader for long.
 */
export const PICTURE_WAIT_MS = 3000;

/** The parts of the window the loader uses (tests give their own). */
export type LoaderPage = Pick<
  Window,
  | 'document'
  | 'navigator'
  | 'localStorage'
  | 'innerHeight'
  | 'addEventListener'
  | 'requestAnimationFrame'
  | 'setTimeout'
>;

/**
 * The interface language for the device's languages: packages/core/src/languages.ts
 * chooseLanguage, restated, because the loader is inlined whole and cannot share the app's
 * chunk. start.test.ts checks that the two agree.
 */
export function deviceLanguage(tags: readonly string[]): string {
  for (const tag of tags) {
    const [language, ...rest] = String(tag).toLowerCase().split(/[-_]/);
    if (language === 'en') return 'en';
    if (language !== 'zh') continue;
    const traditional =
      rest.includes('hant') || (!rest.includes('hans') && rest.some((s) => /^(tw|hk|mo)$/.test(s)));
    return traditional ? 'zh-Hant' : 'zh-Hans';
  }
  return 'en';
}

/**
 * The reader's interface language, as src/i18n/index.ts finds it: the one chosen by hand (a
 * language the page or its catalogues name), else the device's.
 */
function readerLanguage(page: LoaderPage, languages: readonly string[]): string {
  try {
    const stored = JSON.parse(page.localStorage.getItem('citylink.settings') ?? '{}') as {
      language?: unknown;
    } | null;
    if (typeof stored?.language === 'string' && languages.includes(stored.language)) return stored.language;
  } catch {
    // An unreadable record is the defaults, as for the app: the device's languages.
  }
  return deviceLanguage(page.navigator.languages);
}

/** Loads the app as the page's settings say, when the page is ready for it. */
export function startApp(
  settings: LoaderSettings,
  page: LoaderPage = window,
  load: (entry: string) => unknown = (entry) => import(/* @vite-ignore */ entry),
): void {
  const { document } = page;
  const pageLanguage = document.getElementById('root')?.getAttribute('data-render-locale');
  const lang = readerLanguage(page, [pageLanguage ?? '', ...Object.keys(settings.catalogues)]);
  const early = lang !== pageLanguage;

  const go = () => {
    for (const href of [...settings.preloads, ...(early ? (settings.catalogues[lang] ?? []) : [])]) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = href;
      document.head.appendChild(link);
    }
    load(settings.entry);
  };
  const afterPaint = (next: () => void) => {
    page.requestAnimationFrame(() => page.setTimeout(next, 0));
  };
  const afterPictures = (next: () => void) => {
    let left = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      afterPaint(next);
    };
    const one = () => {
      if (--left === 0) finish();
    };
    for (const img of Array.from(document.images)) {
      const box = img.getBoundingClientRect();
      if (!img.complete && box.width > 0 && box.bottom > 0 && box.top < page.innerHeight) {
        left++;
        img.addEventListener('load', one);
        img.addEventListener('error', one);
      }
    }
    if (left === 0) finish();
    else page.setTimeout(finish, PICTURE_WAIT_MS);
  };
  const start = () => afterPaint(() => afterPictures(go));

  if (early) afterPaint(go);
  else if (document.readyState === 'complete') start();
  else page.addEventListener('load', start);
}
