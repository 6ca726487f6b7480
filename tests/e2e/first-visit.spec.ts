/**
 * A first visit when the feed cannot be read (the server is down, or the network goes away once
 * the page has arrived), before this device keeps anything: the screens say truthfully what they
 * show (this page, as published on its date), that nothing is kept yet, and offer one action (Try
 * again); once a copy is kept, they say that. Never "No events yet." over the page's own events,
 * never "what is saved on this device" when nothing is, no toast about working offline.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { en } from '../../src/i18n/en';
import { zhHans } from '../../src/i18n/zh-Hans';
import { expect, test } from './fixtures';
import { recordAnnouncements, waitForController } from './helpers';

/** The start of a catalogue template, up to its first slot. */
const lead = (template: string) => template.split('{{')[0]?.trim() ?? '';

/** Everything the screen says (banners, line, list), as a person reads it. */
const screenText = (page: Page) => page.locator('body').innerText();

/** The cards on the first screen of a list, by their titles. */
const titles = (page: Page) => page.locator('main .card-title').allInnerTexts();

/** The network is up, the feed's server is not (service worker and dedicated worker included). */
async function feedDown(context: BrowserContext): Promise<{ up(): void }> {
  let down = true;
  await context.route('**/feed.json', (route) =>
    down ? route.abort('connectionrefused') : route.continue(),
  );
  return { up: () => (down = false) };
}

for (const { locale, catalogue, city, chinese } of [
  { locale: 'en-GB', catalogue: en, city: 'Jiangmen', chinese: false },
  { locale: 'zh-CN', catalogue: zhHans, city: '江门', chinese: true },
] as const) {
  test.describe(`first visit, ${locale}`, () => {
    test.use({ locale, hasTouch: true });

    test('the feed cannot be read: the page says what it shows, and Try again keeps it', async ({
      page,
      context,
    }) => {
      const feed = await feedDown(context);
      await page.goto('/events');
      const rendered = await titles(page);
      expect(rendered.length).toBeGreaterThan(3);
      // The app has started, tried and failed.
      await page.waitForSelector('html[data-sync-done][data-hydrated]', { state: 'attached' });

      const banner = page.locator('.status .banner');
      await expect(banner).toContainText(catalogue.syncError.offline);
      await expect(banner).toContainText(catalogue.status.nothingSaved);
      const line = page.locator('main .status-line');
      await expect(line).toContainText(lead(catalogue.status.page));
      // The page's own events stay, with its topics; the brand keeps its city.
      expect(await titles(page)).toEqual(rendered);
      await expect(page.locator('.app-header .brand')).toContainText(`· ${city}`);
      const text = await screenText(page);
      expect(text).not.toContain(catalogue.list.emptyEvents);
      expect(text).not.toContain(catalogue.status.savedShown);
      await expect(line).not.toContainText(catalogue.status.justNow);
      // One action: Try again, in the banner; the line has no second button.
      await expect(page.locator('.status button, main .status-line button')).toHaveCount(1);
      await expect(page.locator('.toast')).toHaveCount(0);

      // News, by a tap on its tab: the same truth.
      await page.locator('.tab-bar a[href="/"]').tap();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalogue.nav.news);
      await expect(line).toContainText(lead(catalogue.status.page));
      await expect(page.locator('main .card').first()).toBeVisible();
      expect(await screenText(page)).not.toContain(catalogue.status.savedShown);
      await expect(page.locator('.toast')).toHaveCount(0);

      // The server is back: Try again keeps a copy, and the screen says so, aloud too. (Once the
      // worker controls the page, its own first sync has been and failed: only the tap syncs.)
      await waitForController(page);
      const tryAgain = page.getByRole('button', { name: catalogue.status.tryAgain });
      await expect(tryAgain).toBeVisible();
      // Heard as it is said: a later sync (the worker's own, once it activates) may say
      // something else after it.
      const said = await recordAnnouncements(page);
      // And what the line's own button reads in every frame: once Try again is tapped, the
      // banner's button tells the sync; the line's is not to read "Refreshing…" as if a
      // second one had started.
      await page.evaluate(() => {
        const line: string[] = [];
        Object.assign(window, { line });
        const look = () => {
          const text = document.querySelector('main .status-line button')?.textContent ?? '';
          if (line[line.length - 1] !== text) line.push(text);
          requestAnimationFrame(look);
        };
        look();
      });
      feed.up();
      await tryAgain.tap();
      await expect(line).toContainText(catalogue.status.kept, { timeout: 30_000 });
      await expect.poll(() => said).toContain(catalogue.status.kept);
      await expect(banner).toHaveCount(0);
      await expect(page.locator('.toast')).toHaveCount(0);
      await expect(line.getByRole('button')).toHaveText(catalogue.status.refresh);
      expect(await page.evaluate(() => (window as unknown as { line: string[] }).line)).not.toContain(
        catalogue.status.refreshing,
      );
      // The lists now come from this device, in the reader's language.
      await expect.poll(async () => /[\u4e00-\u9fff]/.test((await titles(page)).join(' '))).toBe(chinese);
    });

    test('the network goes away once the page has arrived: its HTML alone tells the truth', async ({
      page,
      context,
    }) => {
      const failed: string[] = [];
      page.on('requestfailed', (request) => failed.push(request.url()));
      await page.goto('/events', { waitUntil: 'domcontentloaded' });
      await context.setOffline(true);
      const rendered = await titles(page);
      expect(rendered.length).toBeGreaterThan(3);
      // The app's code cannot come: the page stays the server's, and says what it is, in its own
      // language (the list pages are published in the feed's).
      await expect.poll(() => failed.some((url) => url.includes('/assets/'))).toBe(true);
      const line = page.locator('main .status-line');
      await expect(line).toContainText(lead(en.status.page));
      expect(await titles(page)).toEqual(rendered);
      await expect(page.locator('.app-header .brand')).toContainText('· Jiangmen');
      const text = await screenText(page);
      for (const said of [en, zhHans]) {
        expect(text).not.toContain(said.list.emptyEvents);
        expect(text).not.toContain(said.status.savedShown);
        expect(text).not.toContain(said.status.neverUpdated);
      }
      await expect(page.locator('.toast')).toHaveCount(0);

      // Back online, the next visit keeps a copy and says so.
      await context.setOffline(false);
      await page.reload();
      await expect(line).toContainText(catalogue.status.kept, { timeout: 30_000 });
    });
  });
}

test('at 200 % text the banner gives its message the width and puts Try again under it', async ({
  page,
  context,
}) => {
  await feedDown(context);
  await page.goto('/events');
  await page.waitForSelector('html[data-sync-done][data-hydrated]', { state: 'attached' });
  const banner = page.locator('.status .banner-action');
  await expect(banner).toContainText(en.status.nothingSaved);
  for (const size of ['', '200%']) {
    await page.evaluate((value) => (document.documentElement.style.fontSize = value), size);
    const whole = await banner.boundingBox();
    const message = await banner.locator('p').boundingBox();
    const action = await banner.getByRole('button').boundingBox();
    // Not a column of one word a line beside a wide button: the message has most of the width.
    expect(message?.width, `${size || '100%'}`).toBeGreaterThan((whole?.width ?? 0) * 0.6);
    if (size) expect(action?.y ?? 0).toBeGreaterThanOrEqual((message?.y ?? 0) + (message?.height ?? 0) - 1);
  }
});
