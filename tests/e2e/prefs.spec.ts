import type { Page } from '@playwright/test';
import { SETTINGS_KEY } from '../../src/lib/settings';
import { expect, test } from './fixtures';
import { firstVisit, trackRequests, waitForNews } from './helpers';
import { demoFeed as readDemoFeed } from '../../tools/support/demo-feed';

// Settings, saved items and data saver: the reader's own choices, kept on the device.
const HAN = /\p{Script=Han}/u;
const demoFeed = readDemoFeed<{
  items: { id: string; title?: string; _city?: Record<string, unknown> }[];
}>();

/** A tab of the tab bar (card titles may contain the same words). */
const tab = (page: Page, name: string) =>
  page.getByRole('navigation', { name: /Sections|栏目/ }).getByRole('link', { name, exact: true });

/** Starts the page with these settings stored, as a returning reader would have them. */
async function withSettings(page: Page, settings: Record<string, unknown>): Promise<void> {
  await page.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem('settings-seeded')) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('settings-seeded', '1');
      }
    },
    [SETTINGS_KEY, JSON.stringify(settings)] as const,
  );
}

test('the language can be chosen by hand, persists, and <html lang> follows it', async ({ page }) => {
  await firstVisit(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await tab(page, 'More').click();
  await page.getByRole('group', { name: 'Language' }).getByLabel('简体中文').check();
  // The radio stays the focused, checked element while the screen changes language around it.
  const chinese = page.getByRole('group', { name: '语言' }).getByLabel('简体中文');
  await expect(chinese).toBeChecked();
  await expect(chinese).toBeFocused();

  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('更多');
  const lastSync = page.locator('.facts dd').nth(2);
  await expect(lastSync).toContainText('年');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await tab(page, '新闻').click();
  await waitForNews(page);
  for (const title of await page.locator('.card-list .card-title').allTextContents())
    expect(title).toMatch(HAN);

  // The article offers its English version by name, and it opens offline from the device.
  await page.locator('.card-list .card-title a').first().click();
  await page.context().setOffline(true);
  await page.getByRole('link', { name: /切换到\s*English/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'en');
  await page.context().setOffline(false);

  await tab(page, '更多').click();
  await page.getByRole('group', { name: '语言' }).getByLabel('跟随系统').check();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('More');
});

test('a chosen theme overrides the system one from the first paint', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await firstVisit(page);
  await tab(page, 'More').click();
  await page.getByRole('group', { name: 'Theme' }).getByLabel('Dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(await background()).toBe('rgb(15, 21, 18)');
  // The browser's bar follows too: only the dark theme colour still applies.
  const barColours = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')]
        .filter((meta) => matchMedia(meta.media || 'all').matches)
        .map((meta) => meta.content),
    );
  expect(await barColours()).toEqual(['#0f1512']);
  await page.getByRole('group', { name: 'Theme' }).getByLabel('Light').check();
  expect(await barColours()).toEqual(['#fbfcfa']);
  await page.getByRole('group', { name: 'Theme' }).getByLabel('Dark').check();
  // Before any module runs, index.html has already applied the stored theme.
  await page.route('**/*.js', (route) => route.abort());
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe('rgb(15, 21, 18)');
  expect(await barColours()).toEqual(['#0f1512']);
});

test.describe('with the page syncing by itself against a changing feed', () => {
  // The worker is blocked so that page.route stands in for the feed server.
  test.use({ serviceWorkers: 'block' });

  test('a saved item stays after the feed drops it and the cache is cleared; a retraction removes it with a notice', async ({
    page,
  }) => {
    let items = demoFeed.items;
    await page.route('**/feed.json', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/feed+json',
        body: JSON.stringify({ ...demoFeed, items }),
      }),
    );
    await page.goto('/');
    await waitForNews(page);
    const first = page.locator('.card-list .card-title a').first();
    const title = (await first.textContent())?.trim() ?? '';
    await first.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    const address = new URL(page.url()).pathname;
    const save = page.getByRole('button', { name: 'Save' });
    await expect(save).toHaveAttribute('aria-pressed', 'false');
    await save.click();
    await expect(page.getByRole('button', { name: 'Saved' })).toHaveAttribute('aria-pressed', 'true');
    const saved = demoFeed.items.find((item) => item.title === title);
    expect(saved).toBeDefined();

    // The feed drops it; a sync, then clearing the cache, leaves only the saved snapshot.
    items = demoFeed.items.filter((item) => item.id !== saved?.id);
    await tab(page, 'More').click();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled();
    items = [];
    await page.getByRole('button', { name: 'Clear cached content' }).click();
    await expect(page.getByText('Cached content cleared.')).toBeVisible();
    await tab(page, 'News').click();
    await expect(page.getByText('No news yet.')).toBeVisible();

    await tab(page, 'Saved').click();
    await expect(page.getByRole('heading', { level: 2, name: 'Saved news' })).toBeVisible();
    await page.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    expect(new URL(page.url()).pathname).toBe(address);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

    // Its publisher retracts it: it goes, and the reader is told which one.
    items = [{ id: saved?.id ?? '', _city: { deleted: true } }];
    await tab(page, 'More').click();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'withdrawn' })).toContainText(title);
    await tab(page, 'Saved').click();
    await expect(page.getByText('Nothing saved yet.')).toBeVisible();
    await page.getByRole('button', { name: 'OK' }).click();
    await expect(page.getByText(/withdrawn/)).toHaveCount(0);
  });

  /** Visits the screens that show feed images and counts the image requests made. */
  async function imageRequests(page: Page): Promise<string[]> {
    const requested: string[] = [];
    const network = trackRequests(page);
    page.on('request', (request) => {
      // The app's own icon is part of the shell, not feed content.
      if (request.resourceType() === 'image' && !request.url().endsWith('/icon.svg'))
        requested.push(request.url());
    });
    await page.goto('/');
    await waitForNews(page);
    await page.goto('/events');
    await expect(page.locator('.card').first()).toBeVisible();
    const withImage = demoFeed.items.find((item) => 'image' in item && (item._city?.event ?? null) === null);
    await page.goto(`/news/${encodeURIComponent(withImage?.id ?? '')}`);
    await expect(page.locator('.prose')).toBeVisible();
    await network.quiet();
    return requested;
  }

  test('data saver: no image is requested', async ({ page }) => {
    await withSettings(page, { dataSaver: true });
    expect(await imageRequests(page)).toEqual([]);
    await expect(page.locator('img.article-image, .card-thumb, .prose img')).toHaveCount(0);
  });

  test('without data saver the same screens do request images', async ({ page }) => {
    expect((await imageRequests(page)).length).toBeGreaterThan(0);
  });
});

test('at 200 % text no main screen scrolls sideways at 390 px', async ({ page }) => {
  await firstVisit(page);
  const article = await page.locator('.card-title a').first().getAttribute('href');
  // Something saved, so that the Saved screen has cards to lay out.
  await page.locator('.card-title a').first().click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Saved' })).toBeVisible();
  await tab(page, 'More').click();
  await page.getByRole('group', { name: 'Text size' }).getByLabel('200%').check();
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');

  const pages = ['/', '/events', '/contacts', '/saved', '/more'];
  const network = trackRequests(page);
  await page.goto('/events');
  const event = await page.locator('.card-title a').first().getAttribute('href');
  await page.goto('/contacts');
  const contact = await page.locator('.card-title a').first().getAttribute('href');
  pages.push(
    ...[article, event, contact]
      .filter((href): href is string => !!href)
      .map((h) => new URL(h, page.url()).pathname),
  );
  expect(pages.length).toBe(8);

  for (const path of pages) {
    await page.goto(path);
    await expect(page.locator('h1').first()).toBeAttached();
    await network.quiet();
    const size = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
      font: getComputedStyle(document.documentElement).fontSize,
    }));
    expect(size.font, path).toBe('32px');
    expect(size.scroll, path).toBeLessThanOrEqual(size.client);
  }
});

test('items listed since the previous visit are marked New until opened', async ({ page }) => {
  // A returning reader whose previous visit was on 1 October 2026 (the demo news runs to November).
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('visit-seeded')) {
      localStorage.setItem('citylink.lastVisit', String(Date.parse('2026-10-01T00:00:00Z')));
      sessionStorage.setItem('visit-seeded', '1');
    }
  });
  await firstVisit(page);
  const first = page.locator('.card-list .card').first();
  await expect(first.locator('.badge-new')).toHaveText('New');
  const marked = await page.locator('.card-list .badge-new').count();
  expect(marked).toBeGreaterThan(0);
  expect(marked).toBeLessThan(await page.locator('.card-list .card').count());

  await first.locator('.card-title a').click();
  await expect(page.getByRole('button', { name: 'Save' })).toBeVisible();
  await page.goBack();
  await expect(page.locator('.card-list .card').first().locator('.card-title')).toBeVisible();
  await expect(page.locator('.card-list .card').first().locator('.badge-new')).toHaveCount(0);
  // Reloading within the same visit keeps the others marked.
  await page.reload();
  await expect(page.locator('.card-list .badge-new')).toHaveCount(marked - 1);
});
