import { expect, test } from './fixtures';
import { firstVisit } from './helpers';

// The demo feed publishes every item in English and Simplified Chinese, linked as translations.
const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

test.describe('a reader whose device speaks Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('sees the interface and the news in Chinese, one item per story', async ({ page }) => {
    await firstVisit(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await expect(page.getByRole('link', { name: '新闻' })).toBeVisible();
    const titles = await page.locator('.card-list .card-title').allTextContents();
    expect(titles.length).toBeGreaterThanOrEqual(12);
    for (const title of titles) expect(title).toMatch(HAN);
  });

  test('reads topics, the city and places by the feed’s Chinese labels: no Latin tag shows', async ({
    page,
  }) => {
    await firstVisit(page);
    await expect(page.locator('.app-header .brand')).toHaveText('城市通 · 江门');
    await page.goto('/events');
    const topics = page.locator('main .chips a');
    await expect(topics.first()).toBeVisible();
    for (const label of await topics.allTextContents()) expect(label).not.toMatch(LATIN);
    await page.goto('/search');
    const browse = page.locator('main .chips a');
    await expect(browse.first()).toBeVisible();
    for (const label of await browse.allTextContents()) expect(label).not.toMatch(LATIN);
    // A venue reads as a Chinese address: the local one first, joined with a Chinese comma.
    await page.goto('/events/taishan-roots-clinic-2027-zh');
    const facts = page.locator('.facts').first();
    await expect(facts).toContainText('台山华侨文化馆（示例场地），广东省江门市台山市');
    await expect(facts).not.toContainText('Huaqiao Road');
  });

  test('can open the English original of an article, marked as English', async ({ page }) => {
    await firstVisit(page);
    await page.locator('.card-list .card-title a').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'zh-Hans');
    await page.locator('.other-languages a[hreflang="en"]').click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveAttribute('lang', 'en');
    expect(await heading.textContent()).not.toMatch(HAN);
    // The interface stays in the reader's language around the English text.
    await expect(page.getByRole('link', { name: '新闻' })).toBeVisible();
  });
});

test('an English reader sees no Chinese duplicates', async ({ page }) => {
  await firstVisit(page);
  const titles = await page.locator('.card-list .card-title').allTextContents();
  for (const title of titles) expect(title).not.toMatch(HAN);
});
