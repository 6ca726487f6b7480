import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { expect, test, watchCsp } from './fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { axeViolations, waitForController, waitForNews } from './helpers';

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const WECHAT =
  'Mozilla/5.0 (Linux; Android 14; V2244A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.103 Mobile Safari/537.36 XWEB/1300199 MMWEBSDK/20240404 MicroMessenger/8.0.49.2600(0x28003133) WeChat/arm64 Weixin NetType/WIFI Language/en ABI/arm64';

const baseURL = () => String(test.info().project.use.baseURL);

/**
 * Chromium only offers installing (and reports installability) in a profile on disk, not in
 * the incognito-like contexts Playwright makes by default.
 */
async function withProfile(run: (context: BrowserContext) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'citylink-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    // This project's browser: the launch options of the Playwright project running the test.
    ...test.info().project.use.launchOptions,
    baseURL: baseURL(),
    viewport: { width: 390, height: 844 },
    locale: 'en-GB',
  });
  await watchCsp(context);
  try {
    await run(context);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Opens the app in a new tab: a new visit, as a relaunch would be. */
async function visit(context: BrowserContext, path = '/'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(path);
  await waitForController(page);
  return page;
}

const banner = (page: Page) =>
  page.getByRole('complementary').filter({ hasText: 'Install Citylink on this device' });

function pngSize(body: Buffer): { width: number; height: number } {
  const png = PNG.sync.read(body);
  return { width: png.width, height: png.height };
}

test('Chromium finds the app installable, and the manifest is complete', async () => {
  await withProfile(async (context) => {
    const page = await visit(context);
    await waitForNews(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const { errors, url } = await cdp.send('Page.getAppManifest');
    expect(errors).toEqual([]);
    expect(new URL(url).pathname).toBe('/manifest.webmanifest');

    const manifest = (await (await page.request.get(url)).json()) as {
      id: string;
      name: string;
      short_name: string;
      description: string;
      lang: string;
      dir: string;
      start_url: string;
      scope: string;
      display: string;
      display_override: string[];
      theme_color: string;
      background_color: string;
      categories: string[];
      shortcuts: { name: string; url: string }[];
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
      screenshots: { src: string; sizes: string; type: string; form_factor: string; label: string }[];
    };
    expect(manifest).toMatchObject({
      id: '/',
      name: 'Citylink Jiangmen',
      short_name: 'Citylink',
      lang: 'en',
      dir: 'ltr',
      start_url: '/',
      scope: '/',
      display: 'standalone',
    });
    expect(manifest.description.length).toBeGreaterThan(10);
    expect(manifest.display_override).toContain('standalone');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.categories).toContain('news');
    expect(manifest.shortcuts.map((shortcut) => shortcut.url)).toEqual([
      '/news',
      '/events',
      '/contacts',
      '/saved',
    ]);

    // Every icon and screenshot exists, is a PNG, and is the size the manifest says.
    const checked: string[] = [];
    for (const image of [...manifest.icons, ...manifest.screenshots]) {
      const response = await page.request.get(new URL(image.src, url).href);
      expect(response.status(), image.src).toBe(200);
      expect(response.headers()['content-type'], image.src).toBe('image/png');
      expect(image.type).toBe('image/png');
      const { width, height } = pngSize(await response.body());
      expect(`${width}x${height}`, image.src).toBe(image.sizes);
      const kind = 'form_factor' in image ? image.form_factor : (image.purpose ?? 'any');
      checked.push(`${image.sizes} ${kind}`);
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        '192x192 any',
        '512x512 any',
        '512x512 maskable',
        '390x844 narrow',
        '1280x800 wide',
      ]),
    );

    // iOS reads its icon and title from the head, not from the manifest.
    const touchIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    const touch = await page.request.get(new URL(touchIcon ?? '', url).href);
    expect(pngSize(await touch.body())).toEqual({ width: 180, height: 180 });
    await expect(page.locator('meta[name="apple-mobile-web-app-title"]')).toHaveAttribute(
      'content',
      'Citylink',
    );
    await expect(page.locator('meta[name="apple-mobile-web-app-capable"]')).toHaveAttribute('content', 'yes');
  });
});

test('Chromium: install from the More tab, and a banner once, on the second visit, until dismissed', async () => {
  await withProfile(async (context) => {
    // Count the requests for persistent storage the app makes.
    await context.addInitScript(() => {
      const persist = navigator.storage.persist.bind(navigator.storage);
      navigator.storage.persist = () => {
        const count = Number(sessionStorage.getItem('test.persistCalls') ?? 0);
        sessionStorage.setItem('test.persistCalls', String(count + 1));
        return persist();
      };
    });
    const first = await visit(context, '/');
    await waitForNews(first);
    await expect(banner(first)).toHaveCount(0);
    await first.getByRole('link', { name: 'More', exact: true }).click();
    await expect(first.getByRole('heading', { name: 'Install the app' })).toBeVisible();
    await expect(first.getByRole('button', { name: 'Install Citylink' })).toBeVisible({ timeout: 30_000 });
    await first.close();

    const second = await visit(context, '/');
    await expect(banner(second)).toBeVisible({ timeout: 30_000 });
    await expect(banner(second).getByRole('button', { name: 'Install Citylink' })).toBeVisible();
    // Under the News title, and on no other screen: never above an item's heading.
    expect(
      await banner(second).evaluate((element) => {
        const title = document.querySelector('main h1');
        return !!title && (title.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      }),
    ).toBe(true);
    for (const path of ['/contacts/foreign-talent-station', '/events', '/saved', '/search']) {
      await second.goto(path);
      await expect(second.locator('main h1')).toBeAttached();
      await expect(banner(second)).toHaveCount(0);
    }
    await second.goto('/');
    await expect(banner(second)).toBeVisible({ timeout: 30_000 });
    // Within the visit it stays, across reloads too.
    await second.reload();
    await expect(banner(second)).toBeVisible({ timeout: 30_000 });
    const notNow = banner(second).getByRole('button', { name: 'Not now' });
    await notNow.focus();
    await second.keyboard.press('Enter');
    await expect(banner(second)).toHaveCount(0);

    // Installing asks for persistent storage.
    await second.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
    await expect.poll(() => second.evaluate(() => sessionStorage.getItem('test.persistCalls'))).toBe('1');
    await second.close();

    const third = await visit(context, '/');
    await waitForNews(third);
    await third.getByRole('link', { name: 'More', exact: true }).click();
    await expect(third.getByRole('button', { name: 'Install Citylink' })).toBeVisible({ timeout: 30_000 });
    await expect(banner(third)).toHaveCount(0);
  });
});

test('Chromium: an undismissed banner does not come back on a later visit', async () => {
  await withProfile(async (context) => {
    await (await visit(context)).close();
    const second = await visit(context);
    await expect(banner(second)).toBeVisible({ timeout: 30_000 });
    await second.close();
    const third = await visit(context);
    await waitForNews(third);
    // This test is about the offer, not about a tap during start-up (repeat-visit.spec.ts): the
    // app has taken the kept screen over before the tap. In one CI run of two a tap before then
    // was lost (noted for an issue of its own).
    await third.waitForSelector('html[data-hydrated]', { state: 'attached' });
    await expect(third.locator('#root')).not.toHaveAttribute('data-snapshot');
    await third.getByRole('link', { name: 'More', exact: true }).click();
    await expect(third.getByRole('button', { name: 'Install Citylink' })).toBeVisible({ timeout: 30_000 });
    await expect(banner(third)).toHaveCount(0);
  });
});

test('running installed, nothing offers installing', async () => {
  await withProfile(async (context) => {
    // What an installed app window reports. Playwright cannot open one and this Chromium's
    // DevTools cannot emulate display-mode: answer that query with a real, matching list.
    await context.addInitScript(() => {
      const matchMedia = window.matchMedia.bind(window);
      window.matchMedia = (query) => matchMedia(query === '(display-mode: standalone)' ? 'all' : query);
      // The event that would make the app offer installing; listened to before the app does.
      window.addEventListener('beforeinstallprompt', () => sessionStorage.setItem('test.installPrompt', '1'));
    });
    await (await visit(context)).close();
    const second = await visit(context, '/more');
    expect(await second.evaluate(() => matchMedia('(display-mode: standalone)').matches)).toBe(true);
    await expect(second.getByText(/App version/)).toBeVisible();
    // The signal: Chromium has offered the install prompt in this visit, and the app's own
    // listener ran in that same dispatch, so any banner or button would be there now.
    await expect
      .poll(() => second.evaluate(() => sessionStorage.getItem('test.installPrompt')), { timeout: 30_000 })
      .toBe('1');
    await expect(banner(second)).toHaveCount(0);
    await expect(second.getByRole('heading', { name: 'Install the app' })).toHaveCount(0);
    await expect(second.getByRole('button', { name: 'Install Citylink' })).toHaveCount(0);
  });
});

test('iOS Safari: a sheet with the real steps, from the More tab and the second-visit banner', async ({
  browser,
}) => {
  const context = await browser.newContext({ userAgent: IPHONE, hasTouch: true, isMobile: true });
  await watchCsp(context);
  const first = await visit(context, '/');
  await waitForNews(first);
  await expect(banner(first)).toHaveCount(0);
  await first.getByRole('link', { name: 'More', exact: true }).click();
  const howTo = first.getByRole('button', { name: 'How to install' });
  await howTo.click();
  const sheet = first.getByRole('dialog', { name: 'Add Citylink to your Home Screen' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('listitem')).toHaveText([/Share/, /Add to Home Screen/, /Tap “Add”/]);
  expect(await axeViolations(first, { include: '.install-sheet', allRules: true })).toEqual([]);
  await first.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(howTo).toBeFocused();
  await first.close();

  const second = await visit(context, '/');
  await expect(banner(second)).toBeVisible();
  expect(await axeViolations(second, { include: '.install-banner', allRules: true })).toEqual([]);
  await banner(second).getByRole('button', { name: 'How to install' }).click();
  const bannerSheet = second.getByRole('dialog', { name: 'Add Citylink to your Home Screen' });
  await expect(bannerSheet).toBeVisible();
  await bannerSheet.getByRole('button', { name: 'Close' }).click();
  await expect(bannerSheet).toBeHidden();
  await context.close();
});

test('iOS home-screen app: no banner, no install section', async ({ browser }) => {
  const context = await browser.newContext({ userAgent: IPHONE, hasTouch: true, isMobile: true });
  await watchCsp(context);
  await context.addInitScript(() => Object.defineProperty(navigator, 'standalone', { value: true }));
  await (await visit(context)).close();
  const second = await visit(context, '/more');
  await expect(second.getByText(/App version/)).toBeVisible();
  await expect(banner(second)).toHaveCount(0);
  await expect(second.getByRole('button', { name: 'How to install' })).toHaveCount(0);
  await context.close();
});

test("WeChat's in-app browser: open the page in the browser to install", async ({ browser }) => {
  const context = await browser.newContext({ userAgent: WECHAT, hasTouch: true, isMobile: true });
  await watchCsp(context);
  const first = await visit(context, '/more');
  await expect(first.getByText(/open this page in your browser: tap ••• at the top right/)).toBeVisible();
  await expect(first.getByRole('button', { name: /Install Citylink|How to install/ })).toHaveCount(0);
  await first.close();
  const second = await visit(context, '/');
  await expect(banner(second)).toContainText('“Open in Browser”');
  await banner(second).getByRole('button', { name: 'Not now' }).click();
  await expect(banner(second)).toHaveCount(0);
  await context.close();
});
