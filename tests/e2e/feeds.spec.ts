import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { realFeedsCorpus as corpus } from '../support/corpus';
import { recordFigure } from '../../tools/support/figures';
import { PAYLOADS, payloadHtml } from '../support/xss';
import { collectErrors, waitForNews } from './helpers';

// The worker is blocked here so that the page syncs by itself and `page.route` can stand in
// for the feed server: these tests are about reading feeds, not about offline.
test.use({ serviceWorkers: 'block' });

const realFeeds = readdirSync(corpus).filter((name) => name.endsWith('.json'));

async function serveFeed(page: Page, body: () => string): Promise<void> {
  await page.route('**/feed.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/feed+json', body: body() }),
  );
}

test('the corpus is there', () => {
  expect(realFeeds.length).toBeGreaterThanOrEqual(7);
});

for (const name of realFeeds) {
  test(`real feed ${name} renders as news`, async ({ page }) => {
    const errors = collectErrors(page);
    const text = readFileSync(new URL(name, corpus), 'utf8');
    const expected = (JSON.parse(text) as { items: unknown[] }).items.length;
    await serveFeed(page, () => text);
    await page.goto('/');
    await waitForNews(page);
    // The list comes a page at a time: ask for the rest until there is no more (the button
    // also loads by itself once in view, so it may be gone by the time it is pressed).
    const cards = page.locator('.card-list .card');
    const more = page.getByRole('button', { name: 'Show more' });
    await expect(async () => {
      if (await more.isVisible()) await more.click({ timeout: 1000 });
      await expect(cards).toHaveCount(expected, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.locator('.banner.warn')).toHaveCount(0);

    await page.locator('.card-list .card-title a').first().click();
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('This item is not on this device');
    await expect(page.locator('.prose')).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test('hostile HTML in a feed never runs; the same payloads unsanitized do (negative control)', async ({
  page,
  browser,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Every payload reports here if it runs, whichever copy it is.
  await page.addInitScript(() => {
    const w = window as unknown as { ran: string[]; __xss: (id: string) => void };
    w.ran = [];
    w.__xss = (id) => w.ran.push(id);
  });
  const ran = () => page.evaluate(() => [...(window as unknown as { ran: string[] }).ran]);
  await serveFeed(page, () =>
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Hostile',
      items: [
        {
          id: 'evil',
          title: 'Evil item',
          date_published: '2026-01-01T00:00:00Z',
          content_html: `<p>Hello</p>${payloadHtml('app')}`,
        },
      ],
    }),
  );
  await page.goto('/');
  await page.getByRole('link', { name: 'Evil item' }).click();
  await expect(page.locator('.prose')).toContainText('Hello');
  for (const target of await page.locator('.prose a, .prose button, .prose input').all())
    await target.click({ noWaitAfter: true, force: true }).catch(() => undefined);

  // The negative control: the same payloads, unsanitized, on the app's page in a context that
  // bypasses the Content-Security-Policy and Trusted Types (which would stop them too): they run.
  const controlContext = await browser.newContext({ bypassCSP: true, serviceWorkers: 'block' });
  const control = await controlContext.newPage();
  control.on('dialog', (dialog) => void dialog.dismiss());
  await control.addInitScript(() => {
    const w = window as unknown as { ran: string[]; __xss: (id: string) => void };
    w.ran = [];
    w.__xss = (id) => w.ran.push(id);
  });
  await control.goto(page.url());
  await control.evaluate((html) => {
    const element = document.createElement('div');
    element.id = 'control';
    // The point of the control: this HTML is not sanitized.
    element.innerHTML = html;
    document.body.append(element);
  }, payloadHtml('control'));
  for (const target of await control.locator('#control a, #control button, #control input').all())
    await target.click({ noWaitAfter: true, force: true }).catch(() => undefined);
  const runnable = PAYLOADS.filter((payload) => payload.runs !== 'never').length;
  // The signal: every control payload that can run has run; the app's copy had longer.
  await expect
    .poll(async () => {
      const done = new Set(await control.evaluate(() => [...(window as unknown as { ran: string[] }).ran]));
      return PAYLOADS.filter((payload, i) => payload.runs !== 'never' && !done.has(`control-${i}`)).map(
        (payload) => payload.name,
      );
    })
    .toEqual([]);
  await controlContext.close();

  const ranInApp = (await ran()).filter((id) => id.startsWith('app-'));
  expect(ranInApp).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(
    await page.locator('.prose script, .prose iframe, .prose style, .prose object, .prose embed').count(),
  ).toBe(0);
  expect(
    await page.locator('.prose [onerror], .prose [onload], .prose [onclick], .prose [ontoggle]').count(),
  ).toBe(0);
  for (const link of await page.locator('.prose a[href], .prose form[action]').all()) {
    const target = (await link.getAttribute('href')) ?? (await link.getAttribute('action')) ?? '';
    expect(target.trim().toLowerCase()).not.toMatch(/^javascript:/);
  }
  recordFigure('xss', {
    payloads: PAYLOADS.length,
    ranInApp: ranInApp.length,
    controlRan: runnable,
    controlNeverRuns: PAYLOADS.length - runnable,
    names: PAYLOADS.map((payload) => payload.name),
  });
});

test('feed images never tell their host which page asked for them', async ({ page }) => {
  const referrers = new Map<string, string | undefined>();
  page.on('request', (request) => {
    if (request.resourceType() === 'image' && request.url().includes('/demo/'))
      void request
        .allHeaders()
        .then((headers) => referrers.set(new URL(request.url()).pathname, headers.referer));
  });
  await serveFeed(page, () =>
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Pictures',
      items: [
        {
          id: 'pictured',
          title: 'Pictured item',
          image: '/demo/juno.svg',
          date_published: '2026-01-01T00:00:00Z',
          content_html: '<p>Text</p><img src="/demo/bridge.svg" alt="Bridge" referrerpolicy="unsafe-url">',
        },
      ],
    }),
  );
  // The rendered home page shows the build's feed (with its own images) until the sync is read.
  await page.goto('/');
  await waitForNews(page);
  const card = page.locator('.card', { hasText: 'Pictured item' });
  await expect(card.locator('.card-thumb')).toHaveAttribute('referrerpolicy', 'no-referrer');
  await page.getByRole('link', { name: 'Pictured item' }).click();
  await expect(page.locator('.article-image')).toHaveAttribute('referrerpolicy', 'no-referrer');
  await expect(page.locator('.prose img')).toHaveAttribute('referrerpolicy', 'no-referrer');
  // The signal: both images were requested (the item's image once, for card and article).
  await expect
    .poll(() => [...referrers.keys()])
    .toEqual(expect.arrayContaining(['/demo/bridge.svg', '/demo/juno.svg']));
  expect(new Set(referrers.values())).toEqual(new Set([undefined]));
});

test('a broken feed keeps every stored item and says so', async ({ page }) => {
  let broken = false;
  await serveFeed(page, () =>
    broken
      ? '<html>502 Bad Gateway</html>'
      : JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: 'Good',
          items: [
            { id: '1', title: 'Kept one', content_text: 'a', date_published: '2026-01-02T00:00:00Z' },
            { id: '2', title: 'Kept two', content_text: 'b', date_published: '2026-01-01T00:00:00Z' },
          ],
        }),
  );
  await page.goto('/');
  await expect(page.getByText('Kept two')).toBeVisible();
  broken = true;
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(
    page.getByText(
      'The latest update from Citylink could not be read. Showing what is saved on this device.',
    ),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByText('Kept one')).toBeVisible();
  await expect(page.getByText('Kept two')).toBeVisible();
});
