import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { recordFigure } from '../../tools/support/figures';
import { collectErrors, waitForNews } from './helpers';
import { demoFeed } from '../../tools/support/demo-feed';

const MEMORY_EN = 'so nothing can be kept on this device for offline use';
const MEMORY_ZH = '因此无法保存内容供离线使用';

/** Waits for the end of this page's next sync (the app marks `<html data-sync-done>`). */
async function waitForSync(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-sync-done', /\d+/, { timeout: 20_000 });
}

// Each breaks IndexedDB in the page before any of the app's code runs. The worker keeps its
// own, working IndexedDB: the page must not rely on what the worker stores.
// An aborted upgrade fails only while the database needs one: once the worker (whose own
// IndexedDB works here) has made it, the page's next open succeeds, rightly. Whether it has
// by the reload is a race, and either way is right, so only the first load is checked.
const PASSING_FAULTS = new Set(['open() failing through an aborted upgrade']);

const FAULTS: Record<string, () => void> = {
  'IndexedDB missing': () => {
    Object.defineProperty(window, 'indexedDB', { configurable: true, value: undefined });
  },
  'IndexedDB a getter that throws': () => {
    Object.defineProperty(window, 'indexedDB', {
      configurable: true,
      get() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    });
  },
  'open() failing through an aborted upgrade': () => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(this)
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
      const request = open.call(this, name, version);
      request.addEventListener('upgradeneeded', () => request.transaction?.abort());
      return request;
    };
  },
  'an open that never settles': () => {
    // A genuine request object (IndexedDB's own class) that no event ever reaches.
    IDBFactory.prototype.open = () =>
      Object.setPrototypeOf(new EventTarget(), IDBOpenDBRequest.prototype) as IDBOpenDBRequest;
  },
};

// Counted as the tests run, so a partial run records only what it tried.
const tried: string[] = [];
const survived: string[] = [];

test.afterAll(() => {
  recordFigure('storage-faults-e2e', { tried: tried.length, survived: survived.length, faults: tried });
});

for (const [fault, breakIt] of Object.entries(FAULTS)) {
  test(`${fault}: the fetched feed shows from memory, the reader is told, nothing throws`, async ({
    context,
  }) => {
    tried.push(fault);
    await context.addInitScript(breakIt);
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto('/');
    await waitForNews(page);
    await expect(page.getByText(MEMORY_EN)).toBeVisible();
    // Items open from memory too, and a reload (now under the worker) syncs the page again.
    const first = page.locator('.card-list .card-title a').first();
    const title = (await first.textContent())?.trim() ?? '';
    await first.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title, { timeout: 20_000 });
    if (!PASSING_FAULTS.has(fault)) await expect(page.getByText(MEMORY_EN)).toBeVisible();
    await waitForSync(page);
    expect(errors).toEqual([]);
    survived.push(fault);
  });
}

test('IndexedDB missing: a failed refresh and going offline never claim anything is saved on this device', async ({
  context,
}) => {
  await context.addInitScript(FAULTS['IndexedDB missing']!);
  const page = await context.newPage();
  await page.goto('/');
  await waitForNews(page);
  const status = page.getByRole('region', { name: 'Updates' });
  // The feed's server goes away while the reader is online: the refresh fails as `offline`.
  await page.route('**/feed.json', (route) => route.abort('connectionrefused'));
  const done = await page.locator('html').getAttribute('data-sync-done');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-sync-done', done ?? '');
  await expect(status).toContainText('Could not reach Citylink. Showing what this tab has already loaded.');
  await context.setOffline(true);
  await expect(status).toContainText('You are offline. Only what this tab has already loaded still opens.');
  await expect(status).toContainText(MEMORY_EN);
  await expect(status).not.toContainText('saved on this device');
  await context.setOffline(false);
});

test('Cache Storage refusing: "Clear cached content" still clears the feed, says what it could not, and refreshes', async ({
  page,
  context,
}) => {
  const errors = collectErrors(page);
  await page.goto('/more');
  await waitForSync(page);
  await context.addInitScript(() => {
    CacheStorage.prototype.delete = () => Promise.reject(new DOMException('denied', 'SecurityError'));
  });
  await page.reload();
  await waitForSync(page);
  const synced = await page.locator('html').getAttribute('data-sync-done');
  await page.getByRole('button', { name: 'Clear cached content' }).click();
  await expect(page.getByText('Cached content cleared, but this browser did not let')).toBeVisible();
  // The feed is read again at once (the lists re-read what it stores).
  await expect(page.locator('html')).not.toHaveAttribute('data-sync-done', synced ?? '');
  await page.getByRole('link', { name: 'News' }).first().click();
  await expect(page.locator('.card-list .card').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('IndexedDB missing: the reader is told in Chinese', async ({ context }) => {
    await context.addInitScript(FAULTS['IndexedDB missing']!);
    const page = await context.newPage();
    await page.goto('/');
    await waitForNews(page);
    await expect(page.getByText(MEMORY_ZH)).toBeVisible();
  });
});

test.describe('with the page syncing by itself', () => {
  // The worker would hold its own connection to the database; these tests are about tabs.
  test.use({ serviceWorkers: 'block' });

  test('an upgrade blocked by an old tab: the old tab is asked to reload, the new one waits and says so', async ({
    context,
  }) => {
    tried.push('an upgrade blocked by an old tab');
    const old = await context.newPage();
    const errors = collectErrors(old);
    await old.goto('/');
    await waitForNews(old);
    // An old tab that does not give way: a connection with no `versionchange` handler, as an
    // app version from before that handler would hold.
    await old.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const request = indexedDB.open('citylink');
          request.onsuccess = () => {
            (window as { held?: IDBDatabase }).held = request.result;
            resolve();
          };
        }),
    );
    // The next version of the app: the same code asking for the next database version.
    await context.addInitScript(() => {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(this)
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
        return open.call(this, name, version === undefined ? undefined : version + 1);
      };
    });
    const next = await context.newPage();
    await next.goto('/');
    await expect(next.getByText('Citylink is open in another tab with an older version.')).toBeVisible();
    // While it waits, the page keeps what the server rendered into it: no blank, no spinner.
    await expect(next.locator('.card-list .card').first()).toBeVisible();
    await expect(next.locator('html')).not.toHaveAttribute('data-synced');
    const prompt = old.getByText('A newer version of Citylink was opened in another tab.');
    await expect(prompt).toBeVisible();

    await prompt.getByRole('button', { name: 'Reload' }).click();
    await waitForNews(next);
    await expect(next.getByText('Citylink is open in another tab')).toHaveCount(0);
    await waitForNews(old);
    await expect(old.getByText('A newer version of Citylink')).toHaveCount(0);
    expect(errors).toEqual([]);
    survived.push('an upgrade blocked by an old tab');
  });

  test('over quota: saving says so and loses nothing, and so does a sync', async ({ page, context }) => {
    tried.push('over quota');
    await context.addInitScript(() => {
      for (const method of ['put', 'add'] as const) {
        // eslint-disable-next-line @typescript-eslint/unbound-method -- applied to `this` below
        const original = IDBObjectStore.prototype[method];
        IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
          if (sessionStorage.getItem('test.overQuota'))
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return original.apply(this, args);
        };
      }
    });
    // Without a service worker the page syncs in a dedicated worker of its own, which the
    // script above cannot reach; with that worker's script refused, the page falls back to
    // syncing itself, in the context whose writes are refused.
    await page.route('**/assets/page-sync-*.js', (route) => route.abort());
    const errors = collectErrors(page);
    const demo = demoFeed<{ items: { id: string; title?: string }[] }>();
    let items = demo.items;
    await page.route('**/feed.json', (route) =>
      route.fulfill({ contentType: 'application/feed+json', body: JSON.stringify({ ...demo, items }) }),
    );
    await page.goto('/');
    await waitForNews(page);
    const links = page.locator('.card-list .card-title a');
    const newsCount = await links.count();
    const [firstTitle, secondTitle] = [
      (await links.nth(0).textContent())?.trim(),
      (await links.nth(1).textContent())?.trim(),
    ];
    await links.nth(0).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('button', { name: 'Saved' })).toHaveAttribute('aria-pressed', 'true');

    // From now on the device is full: every write is refused as a browser over quota does.
    // (CDP's Storage.overrideQuotaForOrigin changes nothing in this Chromium.)
    await page.evaluate(() => sessionStorage.setItem('test.overQuota', '1'));
    await page.goBack();
    await page.locator('.card-list .card-title a').nth(1).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(secondTitle ?? '');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'Not saved: this device is out of storage space. Nothing saved before was lost.',
    );
    await expect(page.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-pressed', 'false');

    // A sync that brings a new item cannot store it either: it says so and keeps the rest.
    const fresh = {
      id: 'brand-new',
      title: 'Brand new item',
      content_text: 'New.',
      date_published: '2031-01-01T00:00:00Z',
    };
    items = [fresh, ...demo.items];
    // Refresh is on the lists (and More), not on an item's page.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'News' }).click();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(
      page.getByText('This device is out of storage space. Free some space, then try again.'),
    ).toBeVisible();

    await page.evaluate(() => sessionStorage.removeItem('test.overQuota'));
    await page.goto('/saved');
    await expect(page.getByRole('link', { name: firstTitle ?? '' })).toBeVisible();
    await expect(page.getByRole('link', { name: secondTitle ?? '' })).toHaveCount(0);
    await page.goto('/');
    await waitForSync(page);
    await expect(page.getByRole('link', { name: 'Brand new item' })).toBeVisible();
    await expect(links).toHaveCount(newsCount + 1);
    expect(errors).toEqual([]);
    survived.push('over quota');
  });
});
