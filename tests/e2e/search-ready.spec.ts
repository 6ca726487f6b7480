/**
 * Search is ready when it opens (issue 25): the sync stores the search index, and search
 * loads it. A reader syncs, goes offline, reloads, opens search and types key by key: results
 * come at once, from the stored index, and an item retracted by the last sync is not found,
 * even before the worker has taken that retraction into the stored index.
 */
import type { Page } from '@playwright/test';
import { serveBuild, type BuildServer } from '../../tools/support/builds';
import { storedItem } from '../support/push';
import { demoFeedWith } from '../support/urgent-feed';
import { expect, test } from './fixtures';
import { waitForController, waitForSync } from './helpers';

const published = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
const story = (id: string, title: string, hoursAgo: number) => ({
  id,
  title,
  content_html: '<p>The Jiangmen lighthouse keepers open the tower for the winter solstice.</p>',
  language: 'en',
  date_published: published(hoursAgo),
  _city: { slug: id },
});
const KEPT = 'Lighthouse open day at Yamen';
const RETRACTED = 'Lighthouse tours cancelled';

/** The stored search index's revision and the marks it has not taken in, read from IndexedDB. */
function storedIndex(page: Page): Promise<{ revision: number; pending: number }> {
  return page.evaluate(
    () =>
      new Promise<{ revision: number; pending: number }>((resolve, reject) => {
        const open = indexedDB.open('citylink');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const t = db.transaction(['search', 'searchPending']);
          const record = t.objectStore('search').get('index');
          const pending = t.objectStore('searchPending').count();
          t.oncomplete = () => {
            resolve({
              revision: (record.result as { revision?: number } | undefined)?.revision ?? 0,
              pending: pending.result,
            });
            db.close();
          };
          t.onerror = () => reject(new Error(String(t.error)));
        };
      }),
  );
}

let site: BuildServer;
test.beforeAll(async () => {
  site = await serveBuild(new URL('../../dist', import.meta.url).pathname);
});
test.afterAll(() => site.close());

test('search opens ready offline from the stored index, without a retracted item', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  site.feed = () =>
    demoFeedWith([story('lighthouse-open', KEPT, 1), story('lighthouse-tours', RETRACTED, 2)]);
  await page.goto(`${site.origin}/`);
  await waitForController(page);
  await waitForSync(page);
  // The worker stores the index after its sync, with every item taken in.
  await expect.poll(async () => (await storedIndex(page)).pending, { timeout: 30_000 }).toBe(0);
  expect((await storedIndex(page)).revision).toBeGreaterThan(0);

  // The city retracts one story; the reader's next visit syncs it away.
  site.feed = () =>
    demoFeedWith([story('lighthouse-open', KEPT, 1), { id: 'lighthouse-tours', _city: { deleted: true } }]);
  const before = (await page.locator('html').getAttribute('data-sync-done')) ?? '';
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-sync-done', /\d+/, { timeout: 30_000 });
  await expect(page.locator('html')).not.toHaveAttribute('data-sync-done', before, { timeout: 30_000 });
  expect(await storedItem(page, 'lighthouse-tours')).toBeUndefined();

  // Offline, a reload, and search opened from the tab bar.
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
  await page.getByRole('link', { name: 'Search' }).first().click();
  const box = page.getByRole('searchbox', { name: 'Search news, events and contacts' });
  await expect(box).toBeVisible();
  // Key by key: each prefix from the second letter on finds the story at once.
  for (const key of 'lighthouse') {
    await box.press(key);
    if ((await box.inputValue()).length < 2) continue;
    await expect(page.getByRole('heading', { name: KEPT })).toBeVisible({ timeout: 2_000 });
    await expect(page.locator('main')).not.toContainText(RETRACTED);
  }
  await context.setOffline(false);
});
