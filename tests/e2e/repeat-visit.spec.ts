/**
 * A repeat visit starts on the last screen this device showed at the address: the worker puts
 * a snapshot of it in the shell (src/sw/snapshot.ts), and the app replaces it with its own
 * render once that has settled (src/app/snapshot.ts). From the first paint to the end there is
 * no blank and no "Loading", and the screen ends as the app's, with the device's newest data.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAppMarkup } from '../../src/data/snapshot-markup';
import { keptMarkup } from '../../tools/support/snapshots';
import { expect, test, watchCsp } from './fixtures';
import { firstVisit, recordStates, recordedStates, type ScreenState } from './helpers';

/** A mid-range phone from here on: the app's start takes long enough to see any flash. */
async function slowDown(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

/** Waits until the screen kept for `path` holds `text` (kept once the screen has been still a moment). */
async function waitForKept(page: Page, path: string, text: string): Promise<void> {
  await expect.poll(() => keptMarkup(page, path), { timeout: 15_000 }).toContain(text);
}

/**
 * A first visit of `/`, then the first news item opened from the list and kept for the next
 * visit: its title.
 */
async function openFirstItem(page: Page): Promise<string> {
  await firstVisit(page);
  const firstCard = page.locator('.card-list .card-title a').first();
  const title = ((await firstCard.textContent()) ?? '').trim();
  await firstCard.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await waitForKept(page, new URL(page.url()).pathname, title);
  return title;
}

/** Waits until the app has replaced the snapshot and taken over the page. */
async function appTookOver(page: Page): Promise<void> {
  await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
  await expect(page.locator('#root')).not.toHaveAttribute('data-snapshot');
}

/**
 * The states seen since the load: the first painted one is the snapshot, already with `heading`
 * and `content`; every one has the heading and more text than it, none is blank or loading; the
 * last is the app's.
 */
async function expectNoFlash(
  page: Page,
  heading: string,
  content: string,
  loading: RegExp,
): Promise<ScreenState[]> {
  const seen = await recordedStates(page);
  const parsed = seen.filter((state) => !state.parsing);
  expect(parsed.length).toBeGreaterThan(0);
  // While the parser runs, the browser may paint what it has parsed: a prefix of the snapshot.
  for (const { text } of seen.filter((state) => state.parsing)) {
    expect(parsed[0]?.text.startsWith(text), `painted while parsing: ${text}`).toBe(true);
  }
  expect(parsed[0]?.snapshot, 'the first screen is the snapshot').toBe(true);
  expect(parsed[0]?.text).toContain(content);
  for (const { text } of parsed) {
    expect(text.startsWith(`${heading} | `), text).toBe(true);
    expect(text).not.toMatch(loading);
    expect(text.length).toBeGreaterThan(heading.length + 20);
  }
  expect(parsed[parsed.length - 1]?.snapshot, 'the last screen is the app’s').toBe(false);
  return parsed;
}

for (const language of [
  { name: 'English', locale: 'en-GB', news: 'News', loading: /Loading|not on this device/ },
  { name: 'Chinese', locale: 'zh-CN', news: '新闻', loading: /正在加载|不在此设备/ },
] as const) {
  test.describe(`offline repeat visit in ${language.name}`, () => {
    test.use({ locale: language.locale });

    test('the home screen and an item deep link paint from their snapshot, then become the app', async ({
      page,
      context,
    }) => {
      await recordStates(context);
      await firstVisit(page);
      const firstCard = page.locator('.card-list .card-title a').first();
      const cardTitle = ((await firstCard.textContent()) ?? '').trim();
      await waitForKept(page, '/', cardTitle);
      // The list's status line tells the moment ("Updated just now"): kept without its text, as it
      // would be false later; its place stays.
      await expect(page.locator('.status-line')).toContainText(/\S/);
      const keptList = await keptMarkup(page, '/');
      expect(keptList).toContain('class="status-line"');
      expect(keptList).not.toMatch(/<div class="status-line"><span>[^<]/);
      await firstCard.click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(cardTitle);
      const itemPath = new URL(page.url()).pathname;
      const opening = ((await page.locator('main .prose').first().textContent()) ?? '').trim().slice(0, 20);
      await waitForKept(page, itemPath, cardTitle);

      await context.setOffline(true);
      await slowDown(context, page);
      // A deep link, reloaded: the item's heading and text are there from the first paint.
      await page.reload();
      await appTookOver(page);
      await expectNoFlash(page, cardTitle, opening.replace(/\s+/g, ' '), language.loading);
      // The app's screen: the tab bar navigates inside the app (the document stays), and Back
      // returns to the item.
      await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
      await page.getByRole('navigation').last().getByRole('link').first().click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(language.news);
      expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
        true,
      );

      // The home screen, loaded anew (a list: the heading, then the cards).
      await page.goto('/');
      await appTookOver(page);
      await expectNoFlash(page, language.news, cardTitle, language.loading);
      await expect(page.locator('.card-list .card').first()).toBeVisible();
    });

    test('a screen whose data changed since its snapshot shows the new data once the app has it', async ({
      page,
      context,
    }) => {
      await recordStates(context);
      const title = await openFirstItem(page);

      // A sync since the snapshot: the item's title changed in IndexedDB.
      const changed = `${title} (2)`;
      await page.evaluate(
        async ({ from, to }) => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open('citylink');
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(new Error(String(request.error)));
          });
          const store = db.transaction('items', 'readwrite').objectStore('items');
          await new Promise<void>((resolve, reject) => {
            const cursor = store.openCursor();
            cursor.onsuccess = () => {
              const at = cursor.result;
              if (!at) return resolve();
              const item = at.value as { title?: string };
              if (item.title?.trim() === from) at.update({ ...item, title: to });
              at.continue();
            };
            cursor.onerror = () => reject(new Error(String(cursor.error)));
          });
          db.close();
        },
        { from: title, to: changed },
      );

      await context.setOffline(true);
      await slowDown(context, page);
      await page.reload();
      await appTookOver(page);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(changed);
      const seen = await recordedStates(page);
      const parsed = seen.filter((state) => !state.parsing);
      expect(parsed[0]?.snapshot).toBe(true);
      expect(parsed[0]?.text.startsWith(`${title} | `), parsed[0]?.text).toBe(true);
      // Every state has one of the two headings and text: never blank, never loading.
      for (const { text } of parsed) {
        expect(text.startsWith(`${title} | `) || text.startsWith(`${changed} | `), text).toBe(true);
        expect(text).not.toMatch(language.loading);
      }
      expect(parsed[parsed.length - 1]?.text.startsWith(`${changed} | `)).toBe(true);
    });
  });
}

test('an offline return visit paints with the styles its page carries: no stylesheet is fetched, then or when the app takes over', async ({
  page,
  context,
}) => {
  await firstVisit(page);
  const title = ((await page.locator('.card-list .card-title a').first().textContent()) ?? '').trim();
  await waitForKept(page, '/', title);

  await context.setOffline(true);
  await page.reload();
  await appTookOver(page);
  const seen = await page.evaluate(() => {
    // The app's stylesheet, as the build links it (kept in the shell, disabled: never fetched).
    const link = document.querySelector<HTMLLinkElement>('link[rel="stylesheet"][disabled]');
    const requested = performance.getEntriesByType('resource').map((entry) => entry.name);
    const sheet = [...document.styleSheets].find((each) => each.ownerNode instanceof HTMLStyleElement);
    return {
      app: link?.href ?? '',
      requested: requested.filter((name) => name.endsWith('.css')),
      enabled: [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')]
        .filter((each) => !each.disabled)
        .map((each) => each.href),
      rules: sheet?.cssRules.length ?? 0,
      painted: performance.getEntriesByName('first-contentful-paint').length,
    };
  });
  expect(seen.app).toMatch(/\/assets\/app-[\w-]+\.css$/);
  expect(seen.requested).not.toContain(seen.app);
  expect(seen.enabled).not.toContain(seen.app);
  // The styles are the page's own, inline: the whole stylesheet, not a part of it.
  expect(seen.rules).toBeGreaterThan(100);
  expect(seen.painted).toBe(1);
  await expect(page.locator('main h1')).toHaveCSS('font-size', '24px');
});

// Pages whose cards open dialogs (Directions, Show to a taxi driver): what they keep must pass
// the worker's check of kept markup, or their next visit starts from the shell with "Loading".
for (const path of ['/events/taishan-roots-clinic-2027', '/contacts/foreign-talent-station']) {
  test(`${path} comes back from its snapshot, dialog buttons and all`, async ({ page, context }) => {
    await recordStates(context);
    await firstVisit(page);
    await page.goto(path);
    const heading = ((await page.locator('main h1').textContent()) ?? '').trim();
    await waitForKept(page, path, heading);
    const kept = await keptMarkup(page, path);
    expect(kept).toContain('commandfor=');
    expect(isAppMarkup(kept), 'the worker accepts the kept markup').toBe(true);

    await context.setOffline(true);
    await slowDown(context, page);
    await page.reload();
    await appTookOver(page);
    const parsed = (await recordedStates(page)).filter((state) => !state.parsing);
    expect(parsed[0]?.snapshot, 'the first screen is the snapshot').toBe(true);
    for (const { text } of parsed) expect(text.startsWith(`${heading} | `), text).toBe(true);
  });
}

/**
 * Reloads offline on a slow phone (so the snapshot stays on screen a while) and taps the first
 * `selector` of the snapshot (with `text`, if given) while the root is still the snapshot, in
 * the same task as that check. Marks the window, so a test can tell that no page was loaded
 * since. Returns the CDP session that slows the CPU.
 */
async function tapOnSnapshot(context: BrowserContext, page: Page, selector: string, text?: string) {
  await context.setOffline(true);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await page.reload({ waitUntil: 'commit' });
  await page.waitForSelector('#root[data-snapshot] main h1');
  // Until the app's code runs, a tap is the browser's own (a link loads its page, offline too,
  // from the worker): the test taps once the app holds taps for its own screen.
  await page.waitForFunction(() => performance.getEntriesByName('citylink:taps-held').length > 0);
  const tapped = await page.evaluate(
    ([selector, text]) => {
      const root = document.getElementById('root');
      const control = [...(root?.querySelectorAll<HTMLElement>(selector) ?? [])].find(
        (element) => text === undefined || element.textContent?.trim() === text,
      );
      if (!root?.hasAttribute('data-snapshot') || !control) return false;
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
      control.click();
      return true;
    },
    [selector, text] as const,
  );
  expect(tapped).toBe(true);
  return cdp;
}

test('a tap on a control of the snapshot is given to the same control of the app', async ({
  page,
  context,
}) => {
  await openFirstItem(page);

  await tapOnSnapshot(context, page, 'button', 'Save');
  await appTookOver(page);
  // The app's Save button got the tap: the item is saved, once.
  await expect(page.getByRole('button', { name: 'Saved' })).toHaveAttribute('aria-pressed', 'true');
});

test("a tap on the snapshot before the app's code has run is given to the app too", async ({
  page,
  context,
}) => {
  await openFirstItem(page);
  await context.setOffline(true);
  // Taps Save once the snapshot is parsed and before any module runs: the document turns
  // "interactive" before its deferred scripts (the app's code) run. A string: the test
  // runner's helpers would not survive serialising a function.
  await page.addInitScript(`
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      const save = [...document.querySelectorAll('#root[data-snapshot] button')].find(
        (button) => button.textContent.trim() === 'Save',
      );
      window.tappedEarly = !!save && performance.getEntriesByName('citylink:taps-held').length === 0;
      save?.click();
    });
  `);
  await page.reload();
  expect(await page.evaluate(() => (window as unknown as { tappedEarly: boolean }).tappedEarly)).toBe(true);
  await appTookOver(page);
  await expect(page.getByRole('button', { name: 'Saved' })).toHaveAttribute('aria-pressed', 'true');
});

test('a tap on a link of the snapshot moves inside the app once it has taken over, not by loading a page', async ({
  page,
  context,
}) => {
  await firstVisit(page);
  await waitForKept(page, '/', 'Search');

  const cdp = await tapOnSnapshot(context, page, 'a[href="/search"]');
  await appTookOver(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect(page).toHaveURL(/\/search$/);
  // The app's own move: its search screen puts focus in the field, and the page was not reloaded.
  await expect(page.getByRole('searchbox', { name: 'Search news, events and contacts' })).toBeFocused();
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
    true,
  );
});

test('an offline return visit shows the offline banner from the first paint, and nothing moves when the app takes over', async () => {
  // A profile on disk, so the browser can be started again offline from the first document
  // on (a phone in flight mode): a context switched offline later gives its next documents
  // `navigator.onLine` true while their first script runs.
  const dir = mkdtempSync(join(tmpdir(), 'citylink-profile-'));
  const open: BrowserContext[] = [];
  const launch = async (offline: boolean) => {
    // This project's browser: the launch options of the Playwright project running the test.
    const options = test.info().project.use.launchOptions;
    const context = await chromium.launchPersistentContext(dir, {
      ...options,
      // DevTools' offline emulation does not always reach the worker of a browser started
      // offline (on Chromium 149 its feed request went through in 5 of 8 runs): a proxy that
      // is not there, loopback included, also stops every request at the network, as flight
      // mode does.
      args: [
        ...(options?.args ?? []),
        ...(offline ? ['--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=<-loopback>'] : []),
      ],
      baseURL: String(test.info().project.use.baseURL),
      viewport: { width: 390, height: 844 },
      locale: 'en-GB',
      offline,
    });
    open.push(context);
    await watchCsp(context);
    return { context, page: context.pages()[0] ?? (await context.newPage()) };
  };
  try {
    const online = await launch(false);
    await firstVisit(online.page);
    const title = (
      (await online.page.locator('.card-list .card-title a').first().textContent()) ?? ''
    ).trim();
    await waitForKept(online.page, '/', title);
    // Kept online, with the banner hidden: it shows only when a page loads offline.
    expect(await keptMarkup(online.page, '/')).toContain('data-if-offline');
    await expect(online.page.locator('.status .banner.offline')).toHaveCount(0);
    await online.context.close();

    // The reader comes back offline. Not slowed through a DevTools session: one attached to
    // the page gives it `navigator.onLine` true again (why the slowed tests above see "Could not
    // reach the feed" rather than the offline banner).
    const { page } = await launch(true);
    // Every frame while the snapshot is on screen: is its offline banner shown, and where is
    // the screen's heading? (The layout-shift API cannot tell: the app's render replaces the
    // snapshot's nodes with new ones, and new nodes never count as shifted.)
    await page.addInitScript(`
      window.__onSnapshot = [];
      const look = () => {
        const banner = document.querySelector('#root[data-snapshot] .status .banner.offline');
        const heading = document.querySelector('#root[data-snapshot] main h1');
        if (banner && heading) {
          window.__onSnapshot.push({
            shown: getComputedStyle(banner).display !== 'none',
            top: heading.getBoundingClientRect().top,
          });
        }
        const taken = document.documentElement.hasAttribute('data-hydrated') && !document.querySelector('#root[data-snapshot]');
        if (!taken) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    `);
    await page.goto('/');
    await appTookOver(page);
    const frames = await page.evaluate(
      () => (window as unknown as { __onSnapshot: { shown: boolean; top: number }[] }).__onSnapshot,
    );
    expect(frames.length, 'frames painted with the snapshot').toBeGreaterThan(0);
    expect(
      frames.every((frame) => frame.shown),
      'the snapshot showed its offline banner in every frame',
    ).toBe(true);
    await expect(page.getByRole('status').filter({ hasText: 'You are offline.' })).toBeVisible();
    await expect(page.locator('.status .banner.offline')).toHaveCount(1);
    await expect(page.locator('.card-list .card-title a').first()).toHaveText(title);
    // The app's banner took the snapshot's place: the heading has not moved.
    const top = await page.locator('main h1').evaluate((heading) => heading.getBoundingClientRect().top);
    expect(frames.map((frame) => frame.top)).toEqual(frames.map(() => top));
  } finally {
    for (const context of open) await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
