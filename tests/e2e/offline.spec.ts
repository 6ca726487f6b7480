import { en } from '../../src/i18n/en';
import { expect, test } from './fixtures';
import { firstVisit, waitForController } from './helpers';

test.describe('the offline city reader', () => {
  test('first visit online: news from the demo feed, and the worker takes control', async ({ page }) => {
    await firstVisit(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('.app-header')).toContainText('Jiangmen');
    expect(await page.locator('.card-list .card').count()).toBeGreaterThanOrEqual(12);
    // The first copy is kept on this device, and the status line says so.
    await expect(page.locator('.status-line')).toContainText(en.status.kept);
    const controller = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    expect(controller).toMatch(/\/sw\.js$/);
  });

  test('a first visit downloads the feed once: the worker taking over reads it no second time', async ({
    page,
    context,
  }) => {
    // Counted where every context's request passes: page, its sync worker, the service worker.
    let reads = 0;
    await context.route('**/feed.json', (route) => {
      reads++;
      return route.continue();
    });
    await page.goto('/');
    await page.waitForSelector('html[data-sync-done]', { state: 'attached' });
    await waitForController(page);
    // `activated` once the activate handler, and any sync it runs, has finished.
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state))
      .toBe('activated');
    expect(reads).toBe(1);
  });

  test('a first sync cut off before the older pages: the next sync reads them, past what it holds', async ({
    page,
    context,
  }) => {
    // The demo's contacts are on its older pages, which the network fails to bring the first
    // time (the first page comes). The service worker's own sync on activation fails alike.
    const older = '**/feed/archive-*.json';
    await context.route(older, (route) => route.fulfill({ status: 503, body: 'Service Unavailable' }));
    await page.goto('/contacts/international-medical-desk');
    const heading = page.getByRole('heading', { level: 1 });
    const name = ((await heading.textContent()) ?? '').trim();
    expect(name.length).toBeGreaterThan(0);
    await page.waitForSelector('html[data-synced]', { state: 'attached' });
    await waitForController(page);
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state))
      .toBe('activated');

    // The network is back. The first page holds only stories this device has, and yet the
    // sync goes on to the older pages it never read: the contact is there, offline too.
    await context.unroute(older);
    await page.reload();
    await page.waitForSelector('html[data-synced]', { state: 'attached' });
    await expect(heading).toHaveText(name);
    await context.setOffline(true);
    await page.reload();
    await expect(heading).toHaveText(name);
    await expect(page.getByText(en.item.notFound)).toHaveCount(0);
  });

  test('the feed lives in IndexedDB, not in Cache Storage', async ({ page }) => {
    await firstVisit(page);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        urls.push(...(await cache.keys()).map((request) => request.url));
      }
      return urls;
    });
    expect(cached.some((url) => new URL(url).pathname === '/shell.html')).toBe(true);
    expect(cached.filter((url) => /feed[^/]*\.json/.test(url))).toEqual([]);
  });

  test('offline: the home screen and an article reload, and the feed is not answered with the shell', async ({
    page,
    context,
  }) => {
    await firstVisit(page);
    const first = page.locator('.card-list .card-title a').first();
    const title = (await first.textContent())?.trim() ?? '';
    await first.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    const articleUrl = page.url();

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByText('You are offline')).toBeVisible();

    await page.goto('/');
    await expect(page.locator('.card-list .card').first()).toBeVisible();
    expect(page.url()).not.toBe(articleUrl);

    // A navigation to the feed must not get index.html from the worker.
    const feedAnswer = await page.evaluate(async () => {
      try {
        const response = await fetch('/feed.json', { cache: 'no-store' });
        return (await response.text()).slice(0, 20);
      } catch {
        return 'network error';
      }
    });
    expect(feedAnswer).not.toContain('<!doctype');
  });

  test("an article's address opens offline in a new tab", async ({ page, context }) => {
    await firstVisit(page);
    const link = page.locator('.card-list .card-title a').nth(3);
    const title = (await link.textContent())?.trim() ?? '';
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/news\//);

    await context.setOffline(true);
    const tab = await context.newPage();
    await tab.goto(href ?? '/');
    await waitForController(tab);
    await expect(tab.getByRole('heading', { level: 1 })).toHaveText(title);
  });

  test('an event and a contact open offline on their own addresses', async ({ page, context }) => {
    await firstVisit(page);
    // A tab's screen replaces the last one only once it is ready: wait for its heading before
    // reading its first card.
    await page.getByRole('link', { name: 'Events' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Events');
    const event = page.locator('.card-list .card-title a').first();
    const eventTitle = (await event.textContent())?.trim() ?? '';
    const eventHref = (await event.getAttribute('href')) ?? '';
    await page.getByRole('link', { name: 'Contacts' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contacts');
    const contact = page.locator('.card-list .card-title a').first();
    const contactTitle = (await contact.textContent())?.trim() ?? '';
    const contactHref = (await contact.getAttribute('href')) ?? '';

    await context.setOffline(true);
    await page.goto(eventHref);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(eventTitle);
    await page.goto(contactHref);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(contactTitle);
  });

  test('a browser that always says it is online: offline once nothing gets through, feed or site', async ({
    page,
    context,
  }) => {
    // As an Android WebView says in an app that may not read the network's state, and as
    // Chromium up to 150 says under DevTools' offline emulation once a new document loads.
    await page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => true }),
    );
    await firstVisit(page);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: en.status.offline })).toBeVisible();
    // The line beside it agrees: one state, offline, not "the feed's server did not answer".
    await expect(page.getByRole('status').filter({ hasText: en.syncError.offline })).toHaveCount(0);
  });

  test('an unknown address offline says the item is not on this device', async ({ page, context }) => {
    await firstVisit(page);
    await context.setOffline(true);
    await page.goto('/news/no-such-item');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This item is not on this device');
  });
});
