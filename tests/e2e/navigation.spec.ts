import type { Locator, Page } from '@playwright/test';
import { serveBuild, type BuildServer } from '../../tools/support/builds';
import { largeFeed } from '../../tools/support/large-feed';
import { en } from '../../src/i18n/en';
import { zhHans } from '../../src/i18n/zh-Hans';
import { expect, test } from './fixtures';
import { firstVisit, waitForController, waitForSync } from './helpers';

/**
 * The app as an app (issue 11): Back in the app bar, titles, one primary action on the first
 * screen, the Directions sheet, toasts, and the wide layout. docs/design.md describes them.
 */

const cards = (page: Page) => page.locator('main .card');
const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const back = (page: Page) => page.locator('header').getByRole('link', { name: en.item.back });

/** Presses Tab until `target` has focus, as a keyboard user would reach it. */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

/** Where a card (by its title) is on screen now, or null when it is not on the page. */
function cardTop(page: Page, title: string): Promise<number | null> {
  return page.evaluate((wanted) => {
    const link = [...document.querySelectorAll('main .card-title a')].find(
      (a) => a.textContent?.trim() === wanted,
    );
    return link?.closest('.card')?.getBoundingClientRect().top ?? null;
  }, title);
}

test.describe('Back returns to the list as the reader left it', () => {
  // A feed long enough for "Show more": the list the reader comes back to has several pages.
  let server: BuildServer;
  const text = largeFeed({ items: 1500, now: Date.now() });
  test.beforeAll(async () => {
    server = await serveBuild(new URL('../../dist', import.meta.url).pathname);
    server.feed = () => text;
  });
  test.afterAll(() => server.close());

  async function open(page: Page, path: string): Promise<void> {
    await page.goto(`${server.origin}${path}`);
    await waitForController(page);
    await waitForSync(page);
    await expect(cards(page).first()).toBeVisible({ timeout: 60_000 });
  }

  /**
   * Asks for the next page by keyboard and waits for all of it: its cards come in a few at a
   * time (src/features/shared/pager.ts), and until the last one is in the button is
   * aria-disabled and a second press asks for nothing (at the list's end it goes).
   */
  async function showMore(page: Page): Promise<void> {
    const shown = await cards(page).count();
    const button = page.locator('button.pager-more');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => cards(page).count()).toBeGreaterThan(shown);
    await expect(page.locator('button.pager-more[aria-disabled="true"]')).toHaveCount(0);
  }

  /** Scrolls the nth card to 300 px from the top; returns its title and where it is. */
  async function scrollTo(page: Page, index: number): Promise<{ title: string; top: number }> {
    const card = cards(page).nth(index);
    await card.evaluate((element) => window.scrollBy(0, element.getBoundingClientRect().top - 300));
    const title = ((await card.locator('.card-title a').textContent()) ?? '').trim();
    return { title, top: (await cardTop(page, title)) ?? NaN };
  }

  test("the app bar's Back: the filter, the pages shown, the scroll position and focus come back", async ({
    page,
  }) => {
    await open(page, '/events?tag=health');
    await showMore(page);
    await showMore(page);
    const shown = await cards(page).count();
    expect(shown).toBeGreaterThan(40);
    const { title, top } = await scrollTo(page, 45);
    await cards(page).nth(45).locator('.card-title a').click();
    await expect(heading(page)).toHaveText(title);
    await expect(page.locator('.app-bar-title')).toHaveText(en.nav.events);

    await back(page).click();
    await expect(page).toHaveURL(`${server.origin}/events?tag=health`);
    await expect(page.locator('.chip[aria-current="page"]')).toHaveText('health');
    await expect(cards(page)).toHaveCount(shown);
    await expect.poll(async () => Math.abs(((await cardTop(page, title)) ?? Infinity) - top)).toBeLessThan(2);
    // The link the reader followed has focus again, so the keyboard goes on from there.
    await expect(page.locator(':focus')).toHaveText(title);
  });

  test("the browser's Back does the same, on the news list", async ({ page }) => {
    await open(page, '/');
    await showMore(page);
    const shown = await cards(page).count();
    const { title, top } = await scrollTo(page, 30);
    await cards(page).nth(30).locator('.card-title a').click();
    await expect(heading(page)).toHaveText(title);
    await page.goBack();
    await expect(heading(page)).toHaveText(en.nav.news);
    await expect(cards(page)).toHaveCount(shown);
    await expect.poll(async () => Math.abs(((await cardTop(page, title)) ?? Infinity) - top)).toBeLessThan(2);
  });
});

test.describe('the app bar', () => {
  test('opened cold from a link, Back goes to the tab’s list', async ({ page }) => {
    for (const [item, list, title] of [
      ['/events/taishan-roots-clinic-2027', '/events', en.nav.events],
      ['/contacts/foreign-talent-station', '/contacts', en.nav.contacts],
      ['/news/rail-links', '/', en.nav.news],
    ] as const) {
      // A document of its own each time: no in-app history behind it.
      await page.goto(item);
      await expect(page.locator('.app-bar-title')).toHaveText(title);
      await expect(back(page)).toHaveAttribute('href', list);
      await back(page).click();
      await expect(page).toHaveURL(new RegExp(`${list.replace('/', '\\/')}$`));
      await expect(heading(page)).toHaveText(title);
      await expect(back(page)).toHaveCount(0);
    }
  });

  test('from search results, Back returns to the search', async ({ page }) => {
    await firstVisit(page);
    await page.goto('/search?q=talent');
    await page.locator('.search-hit .card-title a').first().click();
    await expect(page).toHaveURL(/\/(news|events|contacts)\//);
    await back(page).click();
    await expect(page).toHaveURL(/\/search\?q=talent$/);
    await expect(page.getByRole('searchbox')).toHaveValue('talent');
  });

  test('every tab has a title on screen', async ({ page }) => {
    await firstVisit(page);
    for (const [path, title] of [
      ['/', en.nav.news],
      ['/events', en.nav.events],
      ['/contacts', en.nav.contacts],
      ['/saved', en.saved.title],
      ['/more', en.more.title],
    ] as const) {
      await page.goto(path);
      await expect(heading(page)).toHaveText(title);
      // Shown, not only told to screen readers.
      expect((await heading(page).boundingBox())?.height).toBeGreaterThan(20);
    }
  });
});

for (const { locale, catalogue, suffix } of [
  { locale: 'en-GB', catalogue: en, suffix: '' },
  { locale: 'zh-CN', catalogue: zhHans, suffix: '-zh' },
] as const) {
  test.describe(`the primary action, ${locale}, 390x844`, () => {
    test.use({ locale });

    for (const [path, label] of [
      // Registration open: Register leads, also for an event moved online (its notice and
      // join line come first); a contact: Call. (event-truth.spec.ts covers Add to calendar.)
      ['/events/taishan-roots-clinic-2027', catalogue.events.register],
      ['/events/newcomers-welcome-2027', catalogue.events.register],
      ['/contacts/foreign-talent-station', catalogue.contacts.call.replace(' {{ phone }}', '')],
    ] as const) {
      test(`${path}: one, on the first screen, never under a toast`, async ({ page, context }) => {
        await context.grantPermissions(['clipboard-read', 'clipboard-write']);
        await context.addInitScript(() => {
          // No share sheet: Share copies the link and says so in a toast.
          delete (Navigator.prototype as Partial<Navigator>).share;
        });
        // A shared link opened cold, and shared on at once: the toast comes up over this screen.
        await page.goto(`${path}${suffix}`);
        // Dialogs (the taxi card, the QR code) have buttons of their own: not on this screen.
        const primary = page.locator('main .button-primary:not(dialog *)');
        await expect(primary).toHaveCount(1);
        await expect(primary).toContainText(label);
        await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
        await page.getByRole('button', { name: catalogue.share.share, exact: true }).click();
        const toast = page.locator('.toast').filter({ hasText: catalogue.share.linkCopied });
        await expect(toast).toBeVisible();
        // Share sits lower on a contact's page: the reader scrolls back up to Call.
        await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));

        const box = await primary.boundingBox();
        const bar = await page.locator('.tab-bar').boundingBox();
        const shown = await toast.boundingBox();
        expect(box && bar && shown).toBeTruthy();
        if (!box || !bar || !shown) return;
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(bar.y);
        expect(box.y + box.height <= shown.y || shown.y + shown.height <= box.y).toBe(true);
      });
    }
  });
}

test.describe('toasts', () => {
  test('go by themselves, and a new screen takes them down', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/contacts/foreign-talent-station');
    await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
    const copy = page.getByRole('button', { name: en.contacts.copyWechat });
    const copied = page.locator('.toast').filter({ hasText: 'Copied the WeChat ID' });
    await copy.click();
    await expect(copied).toBeVisible();
    await back(page).click();
    await expect(heading(page)).toHaveText(en.nav.contacts);
    await expect(copied).toHaveCount(0);

    await page.goBack();
    await copy.click();
    await expect(copied).toBeVisible();
    // Gone by itself: a toast waits at most 10 s.
    await expect(copied).toHaveCount(0, { timeout: 15_000 });
  });

  test.describe('on a short screen', () => {
    // A phone held sideways, or with its keyboard up: Call sits where toasts appear.
    test.use({ viewport: { width: 390, height: 440 } });

    test('move out of the way of the primary action', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await firstVisit(page);
      await page.goto('/contacts/foreign-talent-station');
      await page.getByRole('button', { name: en.contacts.copyWechat }).click();
      const toast = page.locator('.toast').filter({ hasText: 'Copied the WeChat ID' });
      await expect(toast).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
      const primary = page.locator('.primary-action');
      const bar = await page.locator('.tab-bar').boundingBox();
      const call = await primary.boundingBox();
      // At the bottom, above the navigation bar, a toast would cover Call.
      expect((bar?.y ?? 0) - ((call?.y ?? 0) + (call?.height ?? 0))).toBeLessThan(64);
      await expect
        .poll(async () => {
          const [a, b] = [await primary.boundingBox(), await toast.boundingBox()];
          return !!a && !!b && (a.y + a.height <= b.y || b.y + b.height <= a.y);
        })
        .toBe(true);
    });
  });
});

test('Directions opens a sheet that works by keyboard: focus inside, Escape closes, focus returns', async ({
  page,
}) => {
  await firstVisit(page);
  await page.goto('/events/taishan-roots-clinic-2027');
  // The event's own, before its contacts'.
  const directions = page.getByRole('button', { name: en.contacts.directions }).first();
  await tabTo(page, directions);
  await page.keyboard.press('Enter');
  const sheet = page.getByRole('dialog', { name: en.contacts.directions });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('link', { name: en.contacts.mapApp })).toHaveAttribute('href', /^geo:/);
  await expect(sheet.getByRole('link', { name: en.contacts.amap })).toHaveAttribute(
    'href',
    /^https:\/\/uri\.amap\.com\//,
  );
  await expect(sheet.getByRole('link', { name: en.contacts.osm })).toHaveAttribute(
    'href',
    /^https:\/\/www\.openstreetmap\.org\//,
  );
  // Focus stays in the sheet, however far the reader tabs, forwards or back.
  for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true);
    await page.keyboard.press(key);
  }
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(directions).toBeFocused();
});

test.describe('facts', () => {
  test('a label never squeezes its value, at 100 % or 200 % text', async ({ page }) => {
    await firstVisit(page);
    await page.goto('/events/taishan-roots-clinic-2027');
    const when = page.locator('.facts dd').first();
    const venue = page.locator('.facts dd').nth(2);
    const facts = page.locator('.facts').first();
    for (const size of ['', '200%']) {
      await page.evaluate((value) => (document.documentElement.style.fontSize = value), size);
      const list = await facts.boundingBox();
      // The value has the list's whole width (label above it), not what a label column leaves.
      expect((await venue.boundingBox())?.width).toBeGreaterThan((list?.width ?? 0) * 0.9);
      const lines = await when.evaluate((element) =>
        Math.round(element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight)),
      );
      const words = ((await when.textContent()) ?? '').trim().split(/\s+/).length;
      expect(lines, `${size || '100%'}: ${lines} lines for ${words} words`).toBeLessThanOrEqual(
        Math.ceil(words / 3),
      );
    }
  });
});

test.describe('at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('navigation sits at the side and the content is a reading column', async ({ page }) => {
    await firstVisit(page);
    for (const path of ['/', '/events/taishan-roots-clinic-2027']) {
      await page.goto(path);
      await expect(heading(page)).toBeVisible();
      const nav = await page.locator('.tab-bar').boundingBox();
      const main = await page.locator('main').boundingBox();
      expect(nav?.x).toBe(0);
      expect(nav?.width).toBeLessThanOrEqual(260);
      expect(nav?.height).toBeGreaterThan(700);
      expect(main?.x).toBeGreaterThan((nav?.width ?? 0) - 1);
      expect(main?.width).toBeLessThanOrEqual(760);
    }
    // Labels beside values, the label column no wider than 30 %.
    const dl = await page.locator('.facts').first().boundingBox();
    const dt = await page.locator('.facts dt').first().boundingBox();
    expect(dt?.width).toBeLessThanOrEqual((dl?.width ?? 0) * 0.3);
    expect(dt?.y).toBe((await page.locator('.facts dd').first().boundingBox())?.y);
  });
});

test.describe('status that tells the truth', () => {
  test('a failed refresh is never shown beside "Updated just now"', async ({ page, context }) => {
    await firstVisit(page);
    // The first visit says its copy is kept; the next says when it was updated.
    await expect(page.locator('.status-line')).toContainText(en.status.kept);
    await page.reload();
    await expect(page.locator('.status-line')).toContainText('Updated just now');
    // The network is up, the feed's server is not.
    await context.route('**/feed.json', (route) => route.abort('connectionrefused'));
    await page.getByRole('button', { name: en.status.refresh }).click();
    await expect(page.getByText(en.syncError.offline)).toBeVisible();
    await expect(page.locator('.status-line')).toContainText('Showing what was saved');
    await expect(page.locator('.status-line')).not.toContainText('Updated');
  });

  test('an unknown item asks for a connection only when there is none', async ({ page, context }) => {
    await firstVisit(page);
    await page.goto('/news/no-such-story');
    await expect(heading(page)).toHaveText(en.item.notFound);
    await expect(page.getByText(en.item.notInFeed)).toBeVisible();
    await expect(page.getByText(/Connect to the internet/)).toHaveCount(0);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByText(en.item.notFoundHint)).toBeVisible();
  });
});

test.describe('at a desk, 1280 px wide', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the brand heads the drawer on every screen, a list or an item', async ({ page }) => {
    const drawer = page.locator('nav.tab-bar');
    const brand = page.locator('.brand');
    for (const path of ['/events', '/events/taishan-roots-clinic-2027', '/contacts/foreign-talent-station']) {
      await page.goto(path);
      await expect(brand, path).toBeVisible();
      await expect(brand, path).toContainText('Citylink · Jiangmen');
      const box = (await brand.boundingBox())!;
      const nav = (await drawer.boundingBox())!;
      // Above the first tab, inside the drawer's width, its words whole.
      expect(box.x + box.width, path).toBeLessThanOrEqual(nav.x + nav.width);
      expect(box.y + box.height, path).toBeLessThanOrEqual(
        (await drawer.locator('a').first().boundingBox())!.y,
      );
      expect(
        await brand
          .locator('span')
          .first()
          .evaluate((span) => span.scrollWidth - span.clientWidth),
      ).toBe(0);
    }
    // On a phone an item's bar has Back and the screen's title in the brand's place.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(brand).toBeHidden();
    await expect(page.locator('.app-bar-back')).toBeVisible();
  });
});
