import { describe, expect, it } from 'vitest';
import { chooseLanguage, LANGUAGES } from '@citylink/core/languages';
import { deviceLanguage, PICTURE_WAIT_MS, startApp, type LoaderPage } from './start';

describe('loader', () => {
  /** Runs the loader's script over a page in `page`'s language; says whether it started the app before `load`. */
  function startsEarly(env: {
    page: string;
    languages: string[];
    stored?: string;
    loaded?: boolean;
  }): boolean {
    let started = false;
    let waiting = false;
    const globals = {
      document: {
        readyState: env.loaded ? 'complete' : 'interactive',
        getElementById: (id: string) => (id === 'root' ? { getAttribute: () => env.page } : null),
      },
      navigator: { languages: env.languages },
      localStorage: { getItem: () => env.stored ?? null },
      addEventListener: (type: string) => (waiting = type === 'load'),
      // The first thing `start` does: enough to tell that it ran.
      requestAnimationFrame: () => (started = true),
    };
    // As build/html.ts writes them: the catalogues of every language but the page's.
    const catalogues = Object.fromEntries(LANGUAGES.filter((l) => l !== env.page).map((l) => [l, []]));
    startApp({ entry: '/assets/index.js', preloads: [], catalogues }, globals as unknown as LoaderPage);
    expect(started !== waiting).toBe(true);
    return started;
  }

  it('waits for the page to load when the reader reads its language', () => {
    expect(startsEarly({ page: 'en', languages: ['en-GB', 'zh-CN'] })).toBe(false);
    expect(startsEarly({ page: 'en', languages: ['fr-FR'] })).toBe(false);
    expect(startsEarly({ page: 'zh-Hans', languages: ['zh-SG'] })).toBe(false);
    expect(startsEarly({ page: 'en', languages: ['zh-CN'], stored: '{"language":"en"}' })).toBe(false);
  });

  it('starts at once for a reader of another language: theirs shows only once the app runs', () => {
    expect(startsEarly({ page: 'en', languages: ['zh-CN', 'en'] })).toBe(true);
    expect(startsEarly({ page: 'zh-Hans', languages: ['en-US'] })).toBe(true);
    expect(startsEarly({ page: 'zh-Hans', languages: ['zh-TW'] })).toBe(true);
    expect(startsEarly({ page: 'en', languages: ['en-GB'], stored: '{"language":"zh-Hans"}' })).toBe(true);
    // An unreadable record is the defaults, as for the app: the device's languages.
    expect(startsEarly({ page: 'en', languages: ['zh-CN'], stored: '{' })).toBe(true);
  });

  it('ignores a stored language the build offers no catalogue for', () => {
    expect(startsEarly({ page: 'en', languages: ['en'], stored: '{"language":"fr"}' })).toBe(false);
  });

  it("finds the device's language by the core's rule", () => {
    const tags = [
      'en',
      'en-US',
      'zh',
      'zh-CN',
      'zh-SG',
      'zh-TW',
      'zh-HK',
      'zh-MO',
      'zh-Hant',
      'zh-Hans',
      'zh-Hans-HK',
      'zh-Hant-CN',
      'zh_TW',
      'ZH-hk',
      'fr',
      'enm',
      'zza',
      'zh-yue',
      'yue-HK',
      '',
    ];
    for (const a of tags)
      for (const b of tags) expect(deviceLanguage([a, b]), `${a} ${b}`).toBe(chooseLanguage([a, b]));
  });

  it('starts at once when the page has already loaded', () => {
    expect(startsEarly({ page: 'en', languages: ['en'], loaded: true })).toBe(true);
  });

  /**
   * Runs the loader on a loaded English page for an English reader, with `pictures` on it
   * (where they are, whether loaded) and its frames and timers run by hand (`step`).
   */
  function onPage(pictures: { top: number; height: number; complete?: boolean }[]) {
    const frames: (() => void)[] = [];
    const timers: { ms: number; run: () => void }[] = [];
    const imported: string[] = [];
    const images = pictures.map((picture) => {
      const listeners: Record<string, (() => void)[]> = {};
      return {
        complete: picture.complete ?? false,
        getBoundingClientRect: () => ({
          width: picture.height > 0 ? 300 : 0,
          top: picture.top,
          bottom: picture.top + picture.height,
        }),
        addEventListener: (type: string, listener: () => void) => (listeners[type] ??= []).push(listener),
        fire: (type: string) => listeners[type]?.forEach((listener) => listener()),
      };
    });
    const page = {
      document: {
        readyState: 'complete',
        images,
        head: { appendChild: () => undefined },
        createElement: () => ({}),
        getElementById: () => ({ getAttribute: () => 'en' }),
      },
      navigator: { languages: ['en-GB'] },
      localStorage: { getItem: () => null },
      innerHeight: 844,
      addEventListener: () => undefined,
      requestAnimationFrame: (run: () => void) => frames.push(run),
      setTimeout: (run: () => void, ms = 0) => timers.push({ ms, run }),
    };
    startApp(
      { entry: '/assets/index.js', preloads: ['/assets/a.js'], catalogues: {} },
      page as unknown as LoaderPage,
      (entry) => imported.push(entry),
    );
    /** Runs the frame callbacks, then the timers due at once. */
    const step = () => {
      frames.splice(0).forEach((run) => run());
      for (const timer of timers.filter((t) => t.ms === 0)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.run();
      }
    };
    /** The deadline passes. */
    const deadline = () => timers.find((t) => t.ms === PICTURE_WAIT_MS)?.run();
    return { images, step, deadline, timers, imported };
  }

  it('waits for the pictures on the first screen to load or fail, then a frame', () => {
    const page = onPage([
      { top: 300, height: 200 }, // on the first screen, loading
      { top: 500, height: 200 }, // on the first screen, loading
      { top: 100, height: 50, complete: true }, // already in
      { top: 2000, height: 200 }, // further down: not waited for
      { top: 400, height: 0 }, // hidden (data saver): never loads
    ]);
    for (let i = 0; i < 5; i++) page.step();
    expect(page.imported).toEqual([]);
    expect(page.timers.map((t) => t.ms)).toEqual([PICTURE_WAIT_MS]);
    page.images[0]!.fire('load');
    page.step();
    expect(page.imported).toEqual([]);
    page.images[1]!.fire('error');
    // Their paint first: a frame and a task later.
    expect(page.imported).toEqual([]);
    page.step();
    expect(page.imported).toEqual(['/assets/index.js']);
    // The deadline, passing later, starts nothing twice.
    page.deadline();
    page.step();
    expect(page.imported).toEqual(['/assets/index.js']);
  });

  it('starts without waiting when no picture is loading on the first screen, and at the deadline at the latest', () => {
    const none = onPage([{ top: 1200, height: 300 }]);
    none.step();
    none.step();
    expect(none.imported).toEqual(['/assets/index.js']);

    const slow = onPage([{ top: 0, height: 400 }]);
    for (let i = 0; i < 5; i++) slow.step();
    expect(slow.imported).toEqual([]);
    slow.deadline();
    slow.step();
    expect(slow.imported).toEqual(['/assets/index.js']);
  });
});
