import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, test, watchCsp } from './fixtures';
import { en } from '../../src/i18n/en';
import { zhHans } from '../../src/i18n/zh-Hans';
import { zhHant } from '../../src/i18n/zh-Hant';
import { AXE_TAGS, axeViolations, firstVisit } from './helpers';

/**
 * Every screen and open dialog of the app, checked in each language and both themes. Add your
 * route here when you add a screen or a dialog: `open` puts the screen in the state to check
 * (opens a dialog, unfolds a section) once it has loaded.
 */
const ROUTES: readonly A11yRoute[] = [
  { name: 'news list', path: '/' },
  { name: 'article', path: '/news/rail-links' },
  { name: 'events list', path: '/events' },
  {
    name: 'events list, past unfolded',
    path: '/events',
    open: (page) => page.locator('details.past > summary').click(),
  },
  { name: 'events by topic', path: '/events?tag=health' },
  { name: 'event', path: '/events/taishan-roots-clinic-2027' },
  { name: 'event in Chinese', path: '/events/taishan-roots-clinic-2027-zh' },
  { name: 'event without registration', path: '/events/diaolou-heritage-days-2027' },
  { name: 'cancelled event', path: '/events/spring-health-talk-2027' },
  { name: 'postponed event', path: '/events/diaolou-heritage-days-2027' },
  { name: 'event moved online', path: '/events/newcomers-welcome-2027' },
  { name: 'ended event', path: '/events/juno-public-evening-2026' },
  {
    name: 'event, taxi driver view',
    path: '/events/taishan-roots-clinic-2027',
    open: opener('.driver-button'),
  },
  {
    name: 'event, directions sheet',
    path: '/events/taishan-roots-clinic-2027',
    open: opener('.directions-button'),
  },
  { name: 'contacts list', path: '/contacts' },
  { name: 'contacts by language', path: '/contacts?lang=yue' },
  { name: 'contact', path: '/contacts/foreign-talent-station' },
  { name: 'contact in Chinese', path: '/contacts/foreign-talent-station-zh' },
  {
    name: 'contact, taxi driver view',
    path: '/contacts/foreign-talent-station',
    open: opener('.driver-button'),
  },
  {
    name: 'contact, directions sheet',
    path: '/contacts/foreign-talent-station',
    open: opener('.directions-button'),
  },
  { name: 'more (settings, storage, install, share, accessibility)', path: '/more' },
  { name: 'search, empty', path: '/search' },
  { name: 'search, English results', path: '/search?q=talent' },
  { name: 'search, Chinese results', path: '/search?q=%E4%BA%BA%E6%89%8D' },
  { name: 'search, no results', path: '/search?q=zzzzqqqq' },
  { name: 'saved, empty', path: '/saved' },
  {
    name: 'saved, with an event and a news item',
    path: '/saved',
    open: async (page) => {
      // Both tests of a context share its data: save the two items only the first time.
      if ((await page.locator('main .card').count()) === 0) {
        for (const path of ['/events/taishan-roots-clinic-2027', '/news/rail-links']) {
          await page.goto(path);
          // Once the app has taken over: a tap before that is held and given back later
          // (repeat-visit.spec), which under load can take longer than the wait below.
          await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
          await page.locator('main button[aria-pressed="false"]').first().click();
          await expect(page.locator('main button[aria-pressed="true"]')).toHaveCount(1);
        }
        await page.goto('/saved');
      }
      await expect(page.locator('main .card')).toHaveCount(2);
    },
  },
  { name: 'article, QR code', path: '/news/rail-links', open: openQr },
  { name: 'item not on this device', path: '/news/no-such-story' },
  { name: 'page not found', path: '/no/such/page' },
];

interface A11yRoute {
  /** What the screen is, in test names. */
  name: string;
  path: string;
  open?: (page: Page) => Promise<void>;
}

const LOCALES = [
  { locale: 'en-GB', catalogue: en },
  { locale: 'zh-CN', catalogue: zhHans },
  { locale: 'zh-HK', catalogue: zhHant },
] as const;
const SCHEMES = ['light', 'dark'] as const;

/** Opens the dialog or sheet of the screen's first button of this class (the taxi card, Directions). */
function opener(selector: string): (page: Page) => Promise<void> {
  return async (page) => {
    // Once the app has taken the page over: a tap before that is held and given back later
    // (tested in first-paint.spec), which under load can take longer than the wait below.
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await page.locator(`main button${selector}[aria-haspopup="dialog"]`).first().click();
    await expect(page.locator('dialog[open]')).toBeVisible();
    // A sheet rises into place: check it where it stays.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  };
}

/** Opens the item's QR code dialog. */
async function openQr(page: Page): Promise<void> {
  await page.locator('main button.qr-button').click();
  await expect(page.locator('dialog[open]')).toBeVisible();
}

/**
 * Goes to a screen and waits until its data has loaded (a heading and no loading text). The
 * heading is the one the screen declares its title (`data-screen-title`): a screen that did not
 * would never be kept for the next visit (src/app/snapshot.ts).
 */
async function load(page: Page, route: A11yRoute, loading: string): Promise<void> {
  await page.goto(route.path);
  await expect(page.locator('main h1[data-screen-title]')).toHaveCount(1);
  await expect(page.getByText(loading, { exact: true })).toHaveCount(0);
  await route.open?.(page);
}

/**
 * Interactive elements on screen smaller than 24x24 CSS px (WCAG 2.5.8), except links inside a
 * line of running text, which the criterion exempts.
 */
async function smallTargets(page: Page): Promise<{ checked: number; small: string[] }> {
  return page.evaluate(() => {
    const selector =
      'a[href], button, summary, input, select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])';
    const scope = document.querySelector('dialog[open]') ?? document.body;
    const small: string[] = [];
    let checked = 0;
    for (const element of scope.querySelectorAll<HTMLElement>(selector)) {
      if (!element.checkVisibility({ visibilityProperty: true })) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const parent = element.parentElement;
      const inSentence =
        element.tagName === 'A' &&
        getComputedStyle(element).display === 'inline' &&
        parent !== null &&
        (parent.textContent ?? '').trim().length > (element.textContent ?? '').trim().length;
      if (inSentence) continue;
      checked += 1;
      if (box.width < 24 || box.height < 24) {
        small.push(`${element.outerHTML.slice(0, 80)} ${box.width.toFixed(1)}x${box.height.toFixed(1)}`);
      }
    }
    return { checked, small };
  });
}

async function newContext(browser: Browser, locale: string, colorScheme: 'light' | 'dark') {
  const context = await browser.newContext({ locale, colorScheme, timezoneId: 'Asia/Shanghai' });
  await watchCsp(context);
  const page = await context.newPage();
  await firstVisit(page);
  return { context, page };
}

/** The screens whose layout changes most at 1280 px: side navigation, reading column, facts beside labels. */
const WIDE: readonly A11yRoute[] = [
  { name: 'news list', path: '/' },
  { name: 'event', path: '/events/taishan-roots-clinic-2027' },
  { name: 'contact', path: '/contacts/foreign-talent-station' },
  {
    name: 'contact, directions sheet',
    path: '/contacts/foreign-talent-station',
    open: opener('.directions-button'),
  },
  { name: 'more', path: '/more' },
];

test.describe('axe at 1280 px, en-GB, light', () => {
  let context: BrowserContext;
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    ({ context, page } = await newContext(browser, 'en-GB', 'light'));
    await page.setViewportSize({ width: 1280, height: 800 });
  });
  test.afterAll(async () => {
    await context.close();
  });
  for (const route of WIDE) {
    test(`${route.name} (${route.path}) at 1280 px has no WCAG 2.2 AA violations`, async () => {
      await load(page, route, en.list.loading);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});

for (const { locale, catalogue } of LOCALES) {
  for (const scheme of SCHEMES) {
    test.describe(`axe, ${locale}, ${scheme}`, () => {
      let context: BrowserContext;
      let page: Page;
      test.beforeAll(async ({ browser }) => {
        ({ context, page } = await newContext(browser, locale, scheme));
      });
      test.afterAll(async () => {
        await context.close();
      });

      for (const route of ROUTES) {
        if (scheme === 'light') {
          // Sizes do not change with the theme, only with the language's text.
          test(`${route.name} (${route.path}): every target is at least 24x24 px`, async () => {
            await load(page, route, catalogue.list.loading);
            const targets = await smallTargets(page);
            expect(targets.checked).toBeGreaterThan(0);
            expect(targets.small).toEqual([]);
          });
        }
        test(`${route.name} (${route.path}) has no WCAG 2.2 AA violations`, async () => {
          await load(page, route, catalogue.list.loading);
          const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
          const found = results.violations.map((v) => ({
            rule: v.id,
            impact: v.impact,
            nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
          }));
          expect(found).toEqual([]);
          // A run that checked nothing would pass too: make sure the rules that matter ran. A
          // screen with no button (the status line's Refresh is on the lists alone) has no
          // button for axe to name.
          const ran = results.passes.map((rule) => rule.id);
          const buttons = await page.locator('button:visible').count();
          expect(ran).toEqual(
            expect.arrayContaining(['color-contrast', ...(buttons ? ['button-name'] : [])]),
          );
        });
      }
    });
  }
}
