/**
 * The screen walkthrough in docs/screens/: the moments a person lives through that a screenshot
 * of a settled screen does not show (a first visit without the feed, a cold link frame by frame,
 * typing into Search key by key) and the screens that went wrong before (a cancelled event, an
 * event with three contacts). Run by `tools/screenshots.ts --walkthrough`, from the production
 * build; it writes the pictures and their index, docs/screens/README.md, so that the next change
 * can be compared against them.
 *
 * Pictures are the first screen only (the viewport) at a device pixel ratio of 1, reduced to a
 * palette by sharp (already installed for the PWA assets), so the whole set stays small enough to
 * keep in the repository.
 */
import { existsSync, writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import sharp from 'sharp';
// Before the catalogues: the app's names they read (build/city-globals.ts).
import '../build/city-globals';
import { type Catalogue, en } from '../src/i18n/en';
import { zhHans } from '../src/i18n/zh-Hans';
import { zhHant } from '../src/i18n/zh-Hant';
import { SETTINGS_KEY } from '../src/lib/settings';
import { isTouch, type Look, phoneContext, PHONE } from './support/phone';

interface Mode extends Look {
  name: string;
  label: string;
  textSize?: number;
  catalogue: Catalogue;
  /** Only the scenes marked `few` are taken in this mode. */
  few?: boolean;
}

const MODES: Mode[] = [
  {
    name: 'en-light',
    label: 'English, light, 390×844',
    locale: 'en-GB',
    colorScheme: 'light',
    ...PHONE,
    catalogue: en,
  },
  {
    name: 'zh-dark',
    label: 'Chinese, dark, 390×844',
    locale: 'zh-CN',
    colorScheme: 'dark',
    ...PHONE,
    catalogue: zhHans,
  },
  {
    name: 'zh-Hant-light',
    label: 'Traditional Chinese (Hong Kong), light, 390×844',
    locale: 'zh-HK',
    colorScheme: 'light',
    ...PHONE,
    catalogue: zhHant,
  },
  {
    name: 'en-light-200',
    label: 'English, light, 390×844, 200 % text',
    locale: 'en-GB',
    colorScheme: 'light',
    ...PHONE,
    textSize: 200,
    catalogue: en,
    few: true,
  },
  {
    name: 'en-light-1280',
    label: 'English, light, 1280×800',
    locale: 'en-GB',
    colorScheme: 'light',
    width: 1280,
    height: 800,
    catalogue: en,
    few: true,
  },
];

interface Frame {
  name: string;
  shows: string;
  lookFor: string;
}

interface Scene {
  name: string;
  title: string;
  few?: boolean;
  frames: Frame[];
  /** Acts the scene in a fresh context; `shot` takes the named frame. */
  run(context: BrowserContext, page: Page, mode: Mode, shot: (frame: string) => Promise<void>): Promise<void>;
}

/**
 * A demo item's address in the reader's language: the Chinese translations' slugs end in -zh.
 * The demo publishes Simplified only, which a Traditional reader is shown converted.
 */
const inLanguage = (path: string, mode: Mode) => (mode.locale.startsWith('zh') ? `${path}-zh` : path);

/** The words a reader types, in the script their device writes (Hong Kong's is Traditional). */
const typed = (mode: Mode, words: { en: string; hans: string; hant: string }) =>
  !mode.locale.startsWith('zh') ? words.en : mode.catalogue === zhHant ? words.hant : words.hans;

/** A returning reader: the app installed, its first sync done. */
async function returning(page: Page, base: string): Promise<void> {
  await page.goto(base + '/');
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
  await page.waitForSelector('html[data-synced]', { state: 'attached' });
}

/** A gate that holds matching requests until it is opened. */
async function gate(context: BrowserContext, url: string): Promise<() => void> {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  await context.route(url, async (route) => {
    await opened;
    await route.continue();
  });
  return open;
}

function scenes(base: string): Scene[] {
  return [
    {
      name: 'first-visit-offline',
      title: 'A first visit when the feed cannot be read',
      few: true,
      frames: [
        {
          name: '1-page-only',
          shows:
            'Events opened for the first time while the feed cannot be read: the list is the page’s own, as published.',
          lookFor:
            'The six events stay; the line says they come from this page and its date; the banner says nothing is kept yet and offers one action, Try again; no “No events yet”, no “saved on this device”, no offline toast; the brand keeps “· Jiangmen”.',
        },
        {
          name: '2-kept',
          shows: 'The same screen after the feed is back and Try again was tapped.',
          lookFor:
            'The banner is gone and the line says the copy is kept on this device and opens offline; the list is in the reader’s language.',
        },
      ],
      async run(context, page, mode, shot) {
        let down = true;
        await context.route('**/feed.json', (route) =>
          down ? route.abort('connectionrefused') : route.continue(),
        );
        await page.goto(base + '/events');
        await page.waitForSelector('html[data-sync-done][data-hydrated]', { state: 'attached' });
        await page.locator('.status .banner').waitFor();
        await shot('1-page-only');
        await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
        down = false;
        const tryAgain = page.getByRole('button', { name: mode.catalogue.status.tryAgain });
        // A person taps on a phone and clicks at a desk (and the mouse leaves its hover behind).
        await (isTouch(mode) ? tryAgain.tap() : tryAgain.click());
        await page
          .locator('main .status-line', { hasText: mode.catalogue.status.kept })
          .waitFor({ timeout: 30_000 });
        await shot('2-kept');
      },
    },
    {
      name: 'cold-link',
      title: 'A cold link, frame by frame',
      frames: [
        {
          name: '1-server-page',
          shows:
            'An event link opened on a device that has never seen the app, before its code arrives: the server’s page alone.',
          lookFor:
            'Title, facts, and Register are all there, in the page’s language; buttons that need the app are hidden rather than dead; the status line says what the page is.',
        },
        {
          name: '2-app-started',
          shows: 'The app has taken the page over; its first sync has not come back yet.',
          lookFor:
            'Nothing moved from frame 1 (compare the position of Register); no “Not updated yet · Refresh” over a page the server has just sent.',
        },
        {
          name: '3-first-sync',
          shows: 'The first sync has come back.',
          lookFor:
            'Nothing moved again; the “Your time” row, if any, came without pushing Register; no toast over the actions.',
        },
      ],
      async run(context, page, mode, shot) {
        const code = await gate(context, '**/assets/*.js');
        const feed = await gate(context, '**/feed.json');
        await page.goto(base + inLanguage('/events/taishan-roots-clinic-2027', mode), {
          waitUntil: 'commit',
        });
        await page.locator('main h1').waitFor();
        await page.waitForLoadState('domcontentloaded');
        await shot('1-server-page');
        code();
        await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
        await page.waitForTimeout(300);
        await shot('2-app-started');
        feed();
        await page.waitForSelector('html[data-sync-done]', { state: 'attached' });
        await page.waitForTimeout(1_000);
        await shot('3-first-sync');
      },
    },
    {
      name: 'search-typing',
      title: 'Search while typing, key by key',
      frames: [
        {
          name: '1-first-key',
          shows: 'Search after the box was tapped and one key typed.',
          lookFor:
            'The box still has focus (its ring) and the key; results for one letter do not jump the screen.',
        },
        {
          name: '2-more-keys',
          shows: 'A few more keys.',
          lookFor: 'Every key is in the box; focus has not moved to the heading; the results narrow.',
        },
        {
          name: '3-whole-word',
          shows: 'The whole word typed.',
          lookFor:
            'The results, with the kinds as chips and counts; the count line reads whole words (no line broken inside a word).',
        },
        {
          name: '4-some-words',
          shows: 'Two words of which no item has both.',
          lookFor:
            'Partial matches are listed below a line that says so, rather than nothing; the line breaks between words, in Chinese too.',
        },
      ],
      async run(_context, page, mode, shot) {
        await returning(page, base);
        await page.goto(base + '/search');
        const box = page.getByRole('searchbox');
        await box.click();
        const word = typed(mode, { en: 'station', hans: '人才驿站', hant: '人才驛站' });
        const type = (text: string) =>
          // An IME hands Chinese over as committed text, not keys.
          mode.locale.startsWith('zh')
            ? page.keyboard.insertText(text)
            : box.pressSequentially(text, { delay: 80 });
        const keys = [...word];
        await type(keys[0] ?? '');
        await page.waitForTimeout(500);
        await shot('1-first-key');
        const more = mode.locale.startsWith('zh') ? 1 : 3;
        await type(keys.slice(1, 1 + more).join(''));
        await page.waitForTimeout(500);
        await shot('2-more-keys');
        await type(keys.slice(1 + more).join(''));
        await page.waitForTimeout(500);
        await shot('3-whole-word');
        await page.goto(
          base +
            `/search?q=${encodeURIComponent(typed(mode, { en: 'jiangmen events', hans: '江门 活动', hant: '江門 活動' }))}`,
        );
        await page.locator('.search-status').waitFor();
        await page.waitForTimeout(500);
        await shot('4-some-words');
      },
    },
    {
      name: 'cancelled-event',
      title: 'A cancelled event',
      few: true,
      frames: [
        {
          name: '1',
          shows: 'The cancelled Spring health talk.',
          lookFor:
            'The cancellation in the error tone, not only its badge; no Register, Directions or taxi card sending people to the venue; no empty gap where the actions were.',
        },
      ],
      async run(_context, page, mode, shot) {
        await returning(page, base);
        await page.goto(base + inLanguage('/events/spring-health-talk-2027', mode));
        await page.locator('main h1').waitFor();
        await page.waitForTimeout(400);
        await shot('1');
      },
    },
    {
      name: 'three-contacts',
      title: 'An event with three contacts',
      few: true,
      frames: [
        {
          name: '1-top',
          shows: 'The Taishan roots clinic, first screen.',
          lookFor:
            'Facts, then one primary action; the status line does not sit above the article’s heading.',
        },
        {
          name: '2-contacts',
          shows: 'The same page scrolled to its contacts.',
          lookFor:
            'Compact cards: Call as the one primary, the rest in a two-column group or behind “More ways to reach”; Chinese labels not broken inside a word.',
        },
      ],
      async run(_context, page, mode, shot) {
        await returning(page, base);
        await page.goto(base + inLanguage('/events/taishan-roots-clinic-2027', mode));
        await page.locator('main h1').waitFor();
        await page.waitForTimeout(400);
        await shot('1-top');
        await page
          .getByRole('heading', { level: 2, name: mode.catalogue.events.contacts })
          .evaluate((heading) =>
            window.scrollTo(0, heading.getBoundingClientRect().top + window.scrollY - 72),
          );
        await page.waitForTimeout(300);
        await shot('2-contacts');
      },
    },
  ];
}

/**
 * Writes the walkthrough's pictures and index into `out`: in every mode, or in the one named
 * `only` (the index still lists the pictures of the others already there).
 */
export async function walkthrough(browser: Browser, base: string, out: URL, only?: string): Promise<void> {
  const all = scenes(base);
  const taken = new Map<string, string[]>();
  for (const mode of MODES) {
    for (const scene of all.filter((s) => !mode.few || s.few)) {
      for (const frame of scene.frames) {
        if (
          only &&
          mode.name !== only &&
          existsSync(new URL(`${scene.name}-${frame.name}-${mode.name}.png`, out))
        ) {
          taken.set(`${scene.name}/${frame.name}`, [
            ...(taken.get(`${scene.name}/${frame.name}`) ?? []),
            mode.name,
          ]);
        }
      }
    }
  }
  for (const mode of MODES.filter((m) => !only || m.name === only)) {
    for (const scene of all.filter((s) => !mode.few || s.few)) {
      const context = await phoneContext(browser, mode, 1);
      if (mode.textSize) {
        const settings = JSON.stringify({ textSize: mode.textSize });
        await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [
          SETTINGS_KEY,
          settings,
        ] as const);
      }
      const page = await context.newPage();
      await scene.run(context, page, mode, async (frame) => {
        const name = `${scene.name}-${frame}-${mode.name}.png`;
        const png = await page.screenshot();
        // A palette of 96 colours keeps text and icons crisp at a fraction of the size.
        await sharp(png)
          .png({ palette: true, colours: 96, compressionLevel: 9, effort: 10 })
          .toFile(new URL(name, out).pathname);
        taken.set(`${scene.name}/${frame}`, [...(taken.get(`${scene.name}/${frame}`) ?? []), `${mode.name}`]);
        console.log(name);
      });
      await context.close();
    }
  }
  writeFileSync(new URL('README.md', out), index(all, taken));
}

/** docs/screens/README.md: each picture, what it shows, and what to look for. */
function index(all: Scene[], taken: Map<string, string[]>): string {
  const lines = [
    '# Screens, as a person uses them',
    '',
    'Made by `npx vite build && npx tsx tools/screenshots.ts --walkthrough` from the production',
    'build; this file is written by the same command. Compare a change against these pictures.',
    'The modes:',
    '',
    ...MODES.map((m) => `- \`${m.name}\`: ${m.label}${m.few ? ' (the scenes marked “also larger”)' : ''}`),
    '',
  ];
  for (const scene of all) {
    lines.push(`## ${scene.title}${scene.few ? ' (also larger)' : ''}`, '');
    for (const frame of scene.frames) {
      const order = (name: string) => MODES.findIndex((m) => m.name === name);
      const modes = [...(taken.get(`${scene.name}/${frame.name}`) ?? [])].sort((a, b) => order(a) - order(b));
      lines.push(
        `### ${frame.shows}`,
        '',
        `Look for: ${frame.lookFor}`,
        '',
        ...modes.map((m) => `![${scene.name} ${frame.name}, ${m}](${scene.name}-${frame.name}-${m}.png)`),
        '',
      );
    }
  }
  return lines.join('\n');
}
