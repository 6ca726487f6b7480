import { expect, test } from './fixtures';
import { axeViolations, firstVisit } from './helpers';
import { demoFeed } from '../../tools/support/demo-feed';

// The demo feed publishes every item in English and Simplified Chinese, none in Traditional: a
// reader of Traditional reads the Simplified version, converted on the device (issue 26).
test.describe('a reader whose device speaks Hong Kong Chinese', () => {
  test.use({ locale: 'zh-HK' });

  test('reads Simplified-only items in Traditional, labelled, with the original a tap away, offline too', async ({
    page,
    context,
  }) => {
    await firstVisit(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
    const card = page.locator('.card-list .card-title', { hasText: '赤坎古鎮：潭江邊的騎樓街' });
    await expect(card).toBeVisible();
    await expect(card).toHaveAttribute('lang', 'zh-Hant-HK-t-zh-hans');
    await expect(page.locator('.card-list')).not.toContainText('赤坎古镇');

    await card.getByRole('link').click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText('赤坎古鎮：潭江邊的騎樓街');
    const note = page.locator('.converted-note');
    await expect(note).toContainText('由簡體中文自動轉換');
    // The body is converted too, text node by text node.
    const body = page.locator('[data-feed-html]');
    await expect(body).toHaveAttribute('lang', 'zh-Hant-HK-t-zh-hans');
    await expect(body).not.toContainText('骑楼');
    await expect(body).toContainText('騎樓');

    // The original, by keyboard: a toggle button, pressed while the original shows.
    const original = page.getByRole('button', { name: '顯示簡體原文' });
    await expect(original).toHaveAttribute('aria-pressed', 'false');
    await original.focus();
    await page.keyboard.press('Enter');
    await expect(heading).toHaveText('赤坎古镇：潭江边的骑楼街');
    await expect(original).toHaveAttribute('aria-pressed', 'true');
    await expect(original).toBeFocused();
    await expect(body).toContainText('骑楼');
    await page.keyboard.press('Enter');
    await expect(heading).toHaveText('赤坎古鎮：潭江邊的騎樓街');
    await expect(body).not.toContainText('骑楼');

    // Offline, from a cold start: the conversion's code was kept by the worker.
    await context.setOffline(true);
    await page.reload();
    await expect(heading).toHaveText('赤坎古鎮：潭江邊的騎樓街');
    await expect(note).toContainText('由簡體中文自動轉換');
    await page.goto('/');
    await expect(page.locator('.card-list .card-title', { hasText: '赤坎古鎮' })).toBeVisible();

    // An event: its venue and contacts converted, its taxi card in the local Simplified.
    await page.goto('/events/taishan-roots-clinic-2027-zh');
    await expect(heading).toHaveText('台山尋根諮詢日');
    // The venue as a Chinese address is written, in the reader's script.
    await expect(page.locator('.facts').first()).toContainText(
      '台山華僑文化館（示例場地），廣東省江門市台山市台城街道華僑路6號',
    );
    await expect(page.locator('main')).toContainText('陳美玲');
    await expect(page.locator('main')).toContainText('志願族譜研究者（示例聯繫人）');
    await page.getByRole('button', { name: '給司機看' }).first().click();
    const driver = page.getByRole('dialog');
    await expect(driver.locator('.driver-address')).toHaveText('广东省江门市台山市台城街道华侨路6号');
    await expect(driver.locator('.driver-name')).toHaveText('台山华侨文化馆（示例场地）');
    await expect(driver).toContainText('當地地址（簡體）');
    await page.keyboard.press('Escape');

    // Search by either script, typed key by key: 江門 finds the Jiangmen items.
    await page.goto('/search');
    const box = page.getByRole('searchbox');
    await box.pressSequentially('江門');
    const hits = page.locator('.search-hit');
    await expect(hits.first()).toBeVisible();
    expect(await hits.count()).toBeGreaterThanOrEqual(3);
    await expect(hits.locator('mark').first()).toHaveText('江門');
    await expect(page.locator('.search-hit .card-title', { hasText: '乘火車往返江門' })).toBeVisible();

    // A match in a Simplified body, converted only on the item's page: its snippet here is in
    // the reader's script too, never Simplified under a Traditional title.
    // Cleared as a reader does: all of it selected, then deleted.
    await box.press('ControlOrMeta+a');
    await box.press('Backspace');
    await expect(box).toHaveValue('');
    await box.pressSequentially('圖書館');
    const chikan = hits.filter({ has: page.locator('.card-title', { hasText: '赤坎古鎮' }) });
    await expect(chikan.locator('.card-text')).toContainText('圖書館');
    await expect(chikan.locator('.card-text')).not.toContainText('图书馆');
  });

  test('a search result with no language of its own, in a Simplified feed, reads converted', async ({
    page,
    context,
  }) => {
    // The demo's first page, published as a Simplified feed whose Chinese story about the
    // neutrino detector names no language of its own: it is Simplified by the feed's.
    const feed = demoFeed<{
      language?: string;
      next_url?: string;
      items: { id: string; language?: string }[];
    }>();
    feed.language = 'zh-Hans';
    delete feed.next_url;
    const story = feed.items.find((item) => item.id === 'news-juno-zh');
    expect(story?.language).toBe('zh-Hans');
    delete story?.language;
    const body = JSON.stringify(feed);
    await context.route('**/feed.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/feed+json', body }),
    );
    await firstVisit(page);
    await page.goto('/search');
    await page.getByRole('searchbox').pressSequentially('中微子');
    const title = page.locator('.search-hit .card-title:has(a[href="/news/juno-neutrino-observatory-zh"])');
    await expect(title).toHaveCount(1);
    await expect(title).toContainText('開平地下深處');
    await expect(title).not.toContainText('开平');
  });

  test('converted item and event pages have no accessibility violations, light and dark', async ({
    page,
  }) => {
    await firstVisit(page);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const path of ['/news/chikan-old-town-zh', '/events/taishan-roots-clinic-2027-zh']) {
        await page.goto(path);
        await expect(page.locator('.converted-note')).toBeVisible();
        expect(await axeViolations(page, { allRules: true }), `${path} ${colorScheme}`).toEqual([]);
      }
    }
  });
});
