import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { realFeedsCorpus as corpus } from '../support/corpus';
import { waitForNews } from './helpers';

// The worker is blocked here so that the page syncs by itself and `page.route` can stand in
// for the feed server: these tests are about reading feeds, not about offline.
test.use({ serviceWorkers: 'block' });

const realFeeds = readdirSync(corpus).filter((name) => name.endsWith('.json'));

async function serveFeed(page: Page, body: () => string): Promise<void> {
  await page.route('**/feed.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/feed+json', body: body() }),
  );
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('Failed to load resource'))
      errors.push(message.text());
  });
  return errors;
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
    expect(await page.locator('.card-list .card').count()).toBe(expected);
    await expect(page.locator('.banner.warn')).toHaveCount(0);

    await page.locator('.card-list .card-title a').first().click();
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('This item is not on this device');
    await expect(page.locator('.prose')).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test('hostile HTML in a feed never runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await serveFeed(page, () =>
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Hostile',
      items: [
        {
          id: 'evil',
          title: 'Evil item',
          date_published: '2026-01-01T00:00:00Z',
          content_html:
            '<p>Hello</p><img src="x" onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2</script>' +
            '<a href="javascript:window.__pwned=3">link</a><iframe src="javascript:alert(4)"></iframe>' +
            '<svg><script>window.__pwned=5</script></svg><style>body{display:none}</style>',
        },
      ],
    }),
  );
  await page.goto('/');
  await page.getByRole('link', { name: 'Evil item' }).click();
  await expect(page.locator('.prose')).toContainText('Hello');
  await page
    .locator('.prose a')
    .click({ noWaitAfter: true })
    .catch(() => undefined);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await page.locator('.prose script, .prose iframe, .prose style, .prose [onerror]').count()).toBe(0);
  expect(await page.locator('.prose a').getAttribute('href')).toBeNull();
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
  await expect(page.getByText('The feed could not be read. Nothing saved was lost.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Kept one')).toBeVisible();
  await expect(page.getByText('Kept two')).toBeVisible();
});
