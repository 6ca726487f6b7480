import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { siteUrl } from '../../build/site';
import type { Item } from '@citylink/core/model';
import { parseFeed } from '@citylink/core/parse';
import { itemPath } from '@citylink/core/paths';
import { htmlToText } from '@citylink/core/text';
import { axeViolations, firstVisit, waitForController } from './helpers';
import { demoFeed } from '../../tools/support/demo-feed';

// The build-time feed, read the way the prerender reads it, to know what each page must carry.
const site = siteUrl();
const parsed = parseFeed(demoFeed(), {
  baseUrl: `${site}/feed.json`,
  receivedAt: Date.now(),
});
if (!parsed.ok) throw new Error(parsed.error);
const items = parsed.items;
const find = (test: (item: Item) => boolean): Item => {
  const found = items.find(test);
  if (!found) throw new Error('The demo feed lacks an item this test needs.');
  return found;
};
const newsWithImage = find((i) => i.kind === 'news' && i.language === 'en' && !!i.image && !!i.contentHtml);
const event = find((i) => i.kind === 'event' && i.language === 'en' && !!i.event?.venue?.name);
const contact = find(
  (i) => i.kind === 'contact' && i.language === 'en' && !!i.contact?.phone && !!i.contact.email,
);

/** Reads the QR code in a screenshot of `qr` back to its text, as a phone's camera would. */
async function decodeQr(qr: Locator): Promise<string | undefined> {
  const png = PNG.sync.read(await qr.screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

/** Opens an item's page in the installed app. */
async function openItem(page: Page, item: Item): Promise<void> {
  await firstVisit(page);
  await page.goto(itemPath(item));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(item.title ?? '');
}

test.describe('sharing an item', () => {
  test('without a share sheet, Share copies the canonical link and says so', async ({
    page,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await context.addInitScript(() => {
      // As on desktop Linux or Firefox: no Web Share API.
      delete (Navigator.prototype as Partial<Navigator>).share;
      delete (Navigator.prototype as Partial<Navigator>).canShare;
    });
    await openItem(page, newsWithImage);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${baseURL}${itemPath(newsWithImage)}`,
    );
  });

  test('with a share sheet, Share hands it the link; closing the sheet says nothing', async ({
    page,
    context,
    baseURL,
  }) => {
    await context.addInitScript(() => {
      const calls: ShareData[] = [];
      Object.assign(window, { shareCalls: calls });
      Object.defineProperty(Navigator.prototype, 'share', {
        configurable: true,
        value: (data: ShareData) => {
          calls.push(data);
          return Promise.reject(new DOMException('Share canceled', 'AbortError'));
        },
      });
    });
    await openItem(page, event);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { shareCalls: ShareData[] }).shareCalls))
      .toEqual([{ title: event.title, url: `${baseURL}${itemPath(event)}` }]);
    await expect(page.locator('.share-bar .copy-status')).toBeEmpty();
    await expect(page.getByRole('textbox', { name: 'Link' })).toHaveCount(0);
  });

  test('when the clipboard is refused, the link is shown selected to copy by hand', async ({
    page,
    context,
    baseURL,
  }) => {
    await context.addInitScript(() => {
      delete (Navigator.prototype as Partial<Navigator>).share;
      Object.defineProperty(Clipboard.prototype, 'writeText', {
        configurable: true,
        value: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')),
      });
    });
    await openItem(page, contact);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Could not copy the link' })).toBeVisible();
    const field = page.getByRole('textbox', { name: 'Link' });
    await expect(field).toHaveValue(`${baseURL}${itemPath(contact)}`);
    await expect(field).toBeFocused();
  });

  test("an item's QR code fills the screen's width and decodes to its link", async ({ page, baseURL }) => {
    await openItem(page, event);
    const opener = page.getByRole('button', { name: 'QR code' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Scan to open' });
    await expect(dialog).toBeVisible();
    const qr = dialog.getByRole('img', { name: /QR code for/ });
    await expect(qr).toBeVisible();
    const box = await qr.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(300);
    const link = `${baseURL}${itemPath(event)}`;
    expect(await decodeQr(qr)).toBe(link);
    await expect(dialog.getByText(link, { exact: true })).toBeVisible();
    expect(await axeViolations(page, { include: '.qr-dialog', allRules: true })).toEqual([]);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });

  test("the app's own QR code on More decodes to its address, offline and in the dark theme", async ({
    page,
    context,
    baseURL,
  }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await firstVisit(page);
    // Made on the device: the code and its code-split encoder need no network.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('link', { name: 'More', exact: true }).click();
    const section = page.getByRole('region', { name: 'Share Citylink' });
    await section.getByRole('button', { name: 'QR code' }).click();
    const dialog = page.getByRole('dialog', { name: 'Scan to open' });
    expect(await decodeQr(dialog.getByRole('img'))).toBe(`${baseURL}/`);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  });
});

test.describe('prerendered item pages, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a news page carries its tags and its text', async ({ page }) => {
    const response = await page.goto(itemPath(newsWithImage));
    expect(response?.status()).toBe(200);
    const url = `${site}${itemPath(newsWithImage)}`;
    const title = newsWithImage.title ?? '';
    const head = page.locator('head');
    await expect(page).toHaveTitle(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · `));
    await expect(head.locator('link[rel="canonical"]')).toHaveAttribute('href', url);
    await expect(head.locator('meta[name="description"]')).toHaveAttribute(
      'content',
      newsWithImage.summary ?? '',
    );
    await expect(head.locator('meta[name="description"]')).toHaveCount(1);
    await expect(head.locator('meta[property="og:title"]')).toHaveAttribute('content', title);
    await expect(head.locator('meta[property="og:url"]')).toHaveAttribute('content', url);
    await expect(head.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
    await expect(head.locator('meta[property="og:image"]')).toHaveAttribute(
      'content',
      newsWithImage.image ?? '',
    );
    await expect(head.locator('meta[property="og:locale"]')).toHaveAttribute('content', 'en_US');
    await expect(head.locator('meta[property="og:locale:alternate"]')).toHaveAttribute('content', 'zh_CN');
    await expect(head.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    const translation = find((i) => newsWithImage.translations.some((tr) => tr.id === i.id));
    await expect(head.locator('link[rel="alternate"][hreflang="zh-Hans"]')).toHaveAttribute(
      'href',
      `${site}${itemPath(translation)}`,
    );

    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    const firstParagraph = htmlToText(/<p>([\s\S]*?)<\/p>/.exec(newsWithImage.contentHtml ?? '')?.[1] ?? '');
    expect(firstParagraph.length).toBeGreaterThan(20);
    await expect(page.locator('#root .prose')).toContainText(firstParagraph);
    await expect(page.locator('noscript')).toHaveCount(0);
  });

  test('an event page gives time and venue, a contact page phone and email', async ({ page }) => {
    await page.goto(itemPath(event));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(event.title ?? '');
    await expect(page.locator('.facts').first()).toContainText(event.event?.venue?.name ?? '');
    await expect(page.locator('.facts time, .facts dd').first()).toContainText(/\d{4}/);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute(
      'content',
      event.image ? 'summary_large_image' : 'summary',
    );

    await page.goto(itemPath(contact));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(contact.title ?? '');
    await expect(page.getByRole('link', { name: contact.contact?.email ?? '' })).toHaveAttribute(
      'href',
      `mailto:${contact.contact?.email}`,
    );
    await expect(page.locator('main')).toContainText(contact.contact?.phone ?? '');
  });
});

test.describe('prerendered item pages', () => {
  test('with JavaScript, the app takes over the page without showing the item twice', async ({ page }) => {
    // A first visit through a shared link must never claim the item is missing while the feed
    // is still on its way: record every heading the page ever shows.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { headingsSeen: string[] }).headingsSeen = seen;
      new MutationObserver(() => {
        for (const h1 of document.querySelectorAll('h1')) seen.push(h1.textContent ?? '');
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await page.goto(itemPath(newsWithImage));
    // The page is the app's own screen, hydrated: one header, one tab bar, one article.
    await expect(page.locator('.tab-bar')).toHaveCount(1);
    await expect(page.locator('.app-header')).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Share', exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(newsWithImage.title ?? '');
    await expect(page.locator('article')).toHaveCount(1);
    // The app names its screens itself, in the interface language.
    await expect(page).toHaveTitle(`${newsWithImage.title} · Citylink`);
    await waitForController(page);
    const headings = await page.evaluate(
      () => (window as unknown as { headingsSeen: string[] }).headingsSeen,
    );
    expect(headings).toContain(newsWithImage.title);
    expect(headings).not.toContain('This item is not on this device');
  });

  test('once installed, item addresses still open offline', async ({ page, context }) => {
    await firstVisit(page);
    await context.setOffline(true);
    const tab = await context.newPage();
    for (const item of [newsWithImage, event, contact]) {
      await tab.goto(itemPath(item));
      await expect(tab.locator('.tab-bar')).toBeVisible();
      await expect(tab.getByRole('heading', { level: 1 })).toHaveText(item.title ?? '');
    }
  });
});
