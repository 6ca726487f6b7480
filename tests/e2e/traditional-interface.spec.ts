import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { firstVisit, waitForNews } from './helpers';
import { zhHant } from '../../src/i18n/zh-Hant';

// Traditional Chinese as an interface language: a device in Hong Kong gets it by default, any
// reader can choose it, and it holds offline and across reloads. Feed content is converted by
// its own spec; here only the interface's words are checked, on several screens.

/** A tab of the tab bar, whatever the language (card titles may contain the same words). */
const tab = (page: Page, name: string) =>
  page.getByRole('navigation', { name: /Sections|主選單/ }).getByRole('link', { name, exact: true });

/** Words of the Simplified catalogue that the Traditional one must not show (设置, 搜索, 加载, 联系). */
const SIMPLIFIED = /[设载联简]|搜索/u;

test.describe('a reader whose phone is set to Hong Kong Chinese', () => {
  test.use({ locale: 'zh-HK' });

  test('sees the interface in Traditional on every screen, offline too', async ({ page }) => {
    await firstVisit(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
    await expect(tab(page, '新聞')).toBeVisible();
    await expect(tab(page, '聯絡')).toBeVisible();
    await expect(page.getByRole('link', { name: '搜尋' })).toBeVisible();

    await tab(page, '活動').click();
    await expect(page.getByRole('heading', { level: 2, name: '即將舉行' })).toBeVisible();
    await expect(page.locator('summary', { hasText: '在日曆中訂閱' })).toBeVisible();

    await tab(page, '更多').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('更多');
    await expect(page.getByRole('heading', { name: '設定' })).toBeVisible();
    const language = page.getByRole('group', { name: '語言', exact: true });
    await expect(language.getByLabel('跟隨系統')).toBeChecked();
    // Each language named in itself, marked as such for screen readers.
    await expect(language.locator('[lang="zh-Hant"]', { hasText: '繁體中文' })).toBeVisible();
    await expect(page.getByRole('button', { name: '清除快取內容' })).toBeVisible();
    expect(await page.locator('main').innerText()).not.toMatch(/设置|缓存|信息源/u);

    // Offline: the screens and their words come from the device.
    await page.context().setOffline(true);
    await page.goto('/search');
    const box = page.getByRole('searchbox', { name: '搜尋新聞、活動和聯絡資料' });
    await expect(box).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
    await expect(page.getByText('你目前處於離線狀態', { exact: false }).first()).toBeVisible();
    const frame = await page.locator('header, nav').allInnerTexts();
    expect(frame.join(' ')).not.toMatch(SIMPLIFIED);
    await page.context().setOffline(false);
  });

  test('a cold link rendered in English turns Traditional once the app runs', async ({ page }) => {
    // The build renders English and Simplified pages; a Traditional reader gets the page's
    // language until the app starts, as a Simplified reader of an English page does.
    await page.goto('/events');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
    await expect(page.getByRole('heading', { level: 2, name: '即將舉行' })).toBeVisible();
    await expect(tab(page, '活動')).toHaveAttribute('aria-current', 'page');
  });

  // The feed cannot be read: the sync fails while the page is still turning to the reader's
  // language (src/lib/hydration.ts), and its banner, made then, must turn with the rest. The
  // conversion's worker is held until the sync has failed, so that an item page's conversion
  // keeps the turn pending then (the English events page's turn waits on no conversion).
  for (const { path, page: kind } of [
    { path: '/events', page: 'an English list page' },
    { path: '/news/chikan-old-town-zh', page: 'a Simplified item page' },
  ]) {
    test(`a cold link to ${kind}, the feed unreachable: the failure banner is Traditional, its button too`, async ({
      page,
      context,
    }) => {
      await context.route('**/feed.json', (route) => route.abort('connectionrefused'));
      await context.route('**/assets/traditional/**', async (route) => {
        await page.waitForSelector('html[data-sync-done]', { state: 'attached' });
        await route.continue();
      });
      await page.goto(path);
      await page.waitForSelector('html[data-sync-done][data-hydrated]', { state: 'attached' });
      const banner = page.locator('.status .banner');
      await expect(banner).toContainText(zhHant.syncError.offline);
      await expect(banner).toContainText(zhHant.status.nothingSaved);
      await expect(banner.getByRole('button')).toHaveText(zhHant.status.tryAgain);
    });
  }
});

test('Traditional Chinese chosen by hand persists across reloads, until the system is chosen', async ({
  page,
}) => {
  await firstVisit(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await tab(page, 'More').click();
  await page.getByRole('group', { name: 'Language', exact: true }).getByLabel('繁體中文').check();
  const traditional = page.getByRole('group', { name: '語言', exact: true }).getByLabel('繁體中文');
  await expect(traditional).toBeChecked();
  await expect(traditional).toBeFocused();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('更多');
  await expect(page.getByRole('heading', { name: '關於城市通' })).toBeVisible();

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(page.getByRole('group', { name: '語言', exact: true }).getByLabel('繁體中文')).toBeChecked();
  await tab(page, '新聞').click();
  await waitForNews(page);
  await expect(page.getByRole('link', { name: '搜尋' })).toBeVisible();

  await tab(page, '更多').click();
  await page.getByRole('group', { name: '語言', exact: true }).getByLabel('跟隨系統').check();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('More');
});
