import { readFileSync, rmSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { JSDOM } from 'jsdom';
import { expect, test } from './fixtures';
import { buildApp, serveBuild, type BuildServer } from '../../tools/support/builds';
import { recordFigure } from '../../tools/support/figures';
import { keptMarkup } from '../../tools/support/snapshots';
import { TAKEOVER_HTML, TAKEOVERS, TRACKER } from '../../tools/support/takeover';
import { axeViolations, collectErrors, waitForController, waitForSync } from './helpers';

// Feed HTML that runs nothing but tries to take over the page (issue 22), in the build's own
// feed: on the page the build prerendered for it (what a shared link opens first, before any
// worker), on the same item rendered live by the app, and on the screen the device keeps for
// offline. The build is made once for the file, with that feed as its feed.json.
const head = JSON.parse(readFileSync('public/feed.json', 'utf8')) as { items: unknown[] };
const TITLE = 'Service notice from the city';
const PATH = '/news/takeover';
const feed = JSON.stringify({
  ...head,
  items: [
    {
      id: 'takeover',
      title: TITLE,
      date_published: '2030-01-01T09:00:00+08:00',
      content_html: TAKEOVER_HTML,
      _city: { slug: 'takeover' },
    },
    ...head.items,
  ],
});
// The tab bar as the app writes it.
const TABS = ['/', '/events', '/contacts', '/saved', '/more'];

let dir: string;
let server: BuildServer;

test.beforeAll(() => {
  test.setTimeout(300_000);
  dir = buildApp({ CITYLINK_BUILD: 'e2e-takeover' }, { feed });
});

test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test.beforeEach(async () => {
  server = await serveBuild(dir);
});

test.afterEach(async () => {
  await server.close();
});

test.use({ hasTouch: true });

/** Every request the context makes to the tracker's host, each answered with a picture. */
async function watchTracker(context: BrowserContext): Promise<string[]> {
  const seen: string[] = [];
  await context.route(new RegExp(`^https?://${TRACKER.replace('.', '\\.')}/`), (route) => {
    seen.push(route.request().url());
    return route.fulfill({
      contentType: 'image/svg+xml',
      body: '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#c00"/></svg>',
    });
  });
  return seen;
}

/** What the payloads did, checked on whatever screen `page` shows of the item. */
async function expectNoTakeover(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const prose = page.locator('.prose');
  // Hydration claims elements by data-hk; the body has none, and no landmark, role or style.
  await expect(prose.locator('[data-hk], nav, [role], [style], [aria-label], [tabindex]')).toHaveCount(0);
  // The app's one tab bar, leading to the app's own screens.
  await expect(page.locator('nav.tab-bar')).toHaveCount(1);
  expect(
    await page.locator('nav.tab-bar a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
  ).toEqual(TABS);
  await expect(page.getByRole('navigation')).toHaveCount(1);
  // Nothing of the app's classes, ids or names: no toast, banner or tab bar drawn by the feed.
  expect(
    await prose
      .locator('[class]')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('class'))),
  ).toEqual(['held-image', 'held-image']);
  await expect(page.locator('[id="root"]')).toHaveCount(1);
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('[name="citylinkInstallPrompt"]')).toHaveCount(0);
  expect(await page.evaluate(() => 'citylinkInstallPrompt' in window)).toBe(false);
  // The pictures of another host wait, each behind a button that says whose it is.
  await expect(prose.getByRole('button', { name: `Show image from ${TRACKER}` })).toHaveCount(2);
  await expect(prose.locator(`img[src*="${TRACKER}"]`)).toHaveCount(0);
}

test('the prerendered page of a hostile item: the app’s tab bar stays, nothing loads from the tracker', async ({
  page,
  context,
}) => {
  const tracker = await watchTracker(context);
  const errors = collectErrors(page);
  const response = await page.goto(server.origin + PATH);
  // The build rendered this page from the hostile feed: the body is in the HTML itself.
  expect(await response?.text()).toContain('Read on.');
  await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
  await waitForSync(page);
  await expectNoTakeover(page);
  // The tabs work as the app's: a tap opens the events screen on this site.
  await page.locator('nav.tab-bar a[href="/events"]').tap();
  await expect(page).toHaveURL(`${server.origin}/events`);
  // Hydration threw on the hijacked tab bar, and the clobbered install prompt in watchInstall.
  expect(errors).toEqual([]);
  expect(tracker).toEqual([]);
  recordFigure('takeover-prerendered', { payloads: TAKEOVERS.length, trackerRequests: tracker.length });
});

test('the item rendered live: held pictures show on a tap, and only then load', async ({ page, context }) => {
  const tracker = await watchTracker(context);
  const errors = collectErrors(page);
  await page.goto(server.origin + '/');
  await waitForSync(page);
  // Opened from the list: rendered on the device, not by the build.
  await page.getByRole('link', { name: TITLE }).tap();
  await expect(page).toHaveURL(server.origin + PATH);
  await expectNoTakeover(page);
  expect(tracker).toEqual([]);
  // The held pictures' buttons are controls like the app's others (a11y.spec.ts's rules).
  expect(await axeViolations(page, { include: '.prose' })).toEqual([]);

  const first = page
    .locator('.prose')
    .getByRole('button', { name: `Show image from ${TRACKER}` })
    .first();
  await first.tap();
  // The negative control of "nothing loaded": the same route sees the picture once asked for.
  await expect.poll(() => tracker).toEqual([`https://${TRACKER}/pixel.png`]);
  const shown = page.locator(`.prose img[src="https://${TRACKER}/pixel.png"]`);
  await expect(shown).toHaveAttribute('referrerpolicy', 'no-referrer');
  await expect(shown).toBeFocused();
  await expect(
    page.locator('.prose').getByRole('button', { name: `Show image from ${TRACKER}` }),
  ).toHaveCount(1);

  // By keyboard, as a screen reader user would press it.
  await page
    .locator('.prose')
    .getByRole('button', { name: `Show image from ${TRACKER}` })
    .focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => tracker).toHaveLength(2);
  expect(errors).toEqual([]);
  recordFigure('takeover-live', {
    payloads: TAKEOVERS.length,
    trackerRequestsBeforeTap: 0,
    afterTaps: tracker.length,
  });
});

test('the screen kept for offline: the worker’s first paint holds the same policy', async ({
  page,
  context,
}) => {
  const tracker = await watchTracker(context);
  await page.goto(server.origin + PATH);
  await waitForController(page);
  await waitForSync(page);
  await expect.poll(() => keptMarkup(page, PATH), { timeout: 30_000 }).toContain('Read on.');
  const kept = new JSDOM(await keptMarkup(page, PATH)).window.document;
  expect(kept.querySelectorAll('.prose [data-hk]')).toHaveLength(0);
  expect(kept.querySelectorAll('nav')).toHaveLength(1);
  expect(kept.querySelector('.prose')?.innerHTML).not.toMatch(
    new RegExp(`\\s(src|background)="[^"]*${TRACKER}`),
  );
  await page.close();

  await context.setOffline(true);
  const tab = await context.newPage();
  const errors = collectErrors(tab);
  const response = await tab.goto(server.origin + PATH);
  // The worker's answer: the shell with the kept screen in its root, before the app runs.
  const html = (await response?.text()) ?? '';
  expect(html).toContain('data-snapshot');
  expect(html).toContain(`Show image from ${TRACKER}`);
  await expectNoTakeover(tab);
  expect(errors).toEqual([]);
  expect(tracker).toEqual([]);
  recordFigure('takeover-kept', { payloads: TAKEOVERS.length, trackerRequests: tracker.length });
});
