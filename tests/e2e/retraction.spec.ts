/**
 * A retracted item stays retracted (issue 22): once the device has seen a retraction, no path
 * shows the item again: not the sync of a feed that still holds the old copy, not a push sent
 * before the retraction and delivered after it (nor the same message replayed), not a kept
 * screen, not search, not the saved list. Only a copy published again with a later
 * `date_modified` comes back.
 */
import type { Page } from '@playwright/test';
import { serveBuild, type BuildServer } from '../../tools/support/builds';
import { notifications, registrationId, storedItem } from '../support/push';
import { keptMarkup } from '../../tools/support/snapshots';
import { demoFeedWith } from '../support/urgent-feed';
import { expect, test } from './fixtures';
import { recordStates, recordedStates, waitForController, waitForSync } from './helpers';

const TITLE = 'Boil-water notice for Pengjiang district';
const PUBLISHED = new Date(Date.now() - 3_600_000).toISOString();
const item = (extra: Record<string, unknown> = {}) => ({
  id: 'boil-water-1',
  title: TITLE,
  content_html: '<p>Boil tap water before drinking until further notice.</p>',
  language: 'en',
  date_published: PUBLISHED,
  _city: { slug: 'boil-water' },
  ...extra,
});
const retraction = { id: 'boil-water-1', _city: { deleted: true } };
/** The push message the push service sent for the item before it was retracted. */
const message = (id: string, title: string, copy: unknown) =>
  JSON.stringify({
    v: 1,
    notice: `notice-${id}`,
    kind: 'urgent',
    lang: 'en',
    title,
    body: 'Boil tap water before drinking.',
    path: `/news/${id}`,
    item: copy,
  });

let site: BuildServer;
test.beforeAll(async () => {
  site = await serveBuild(new URL('../../dist', import.meta.url).pathname);
});
test.afterAll(() => site.close());

/** Ends once this tab's next sync has reported (its `data-sync-done` changes). */
async function nextSync(page: Page, open: () => Promise<unknown>): Promise<void> {
  const before = (await page.locator('html').getAttribute('data-sync-done')) ?? '';
  await open();
  await expect(page.locator('html')).toHaveAttribute('data-sync-done', /\d+/, { timeout: 30_000 });
  await expect(page.locator('html')).not.toHaveAttribute('data-sync-done', before, { timeout: 30_000 });
}

test('no path brings a retracted item back, a late and replayed push included', async ({ page, context }) => {
  test.setTimeout(180_000);
  await context.grantPermissions(['notifications'], { origin: site.origin });
  await recordStates(context);
  site.feed = () => demoFeedWith([item()]);
  await page.goto(`${site.origin}/`);
  await waitForController(page);
  await waitForSync(page);

  // The reader opens and saves it; its screen and the home screen are kept for the next visit.
  await page.getByRole('link', { name: TITLE }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => keptMarkup(page, '/news/boil-water'), { timeout: 15_000 }).toContain(TITLE);

  // The city retracts it; the next sync applies the retraction.
  site.feed = () => demoFeedWith([retraction]);
  await nextSync(page, () => page.goto(`${site.origin}/saved`));
  await expect(page.getByText(`“${TITLE}” was withdrawn by its publisher`)).toBeVisible();
  expect(await storedItem(page, 'boil-water-1')).toBeUndefined();
  expect(await keptMarkup(page, '/news/boil-water')).toBe('');

  // Offline, the push service delivers the notice it sent before the retraction, twice; then a
  // notice of another item, whose notification is the signal that the first two were handled.
  await context.setOffline(true);
  const worker = await registrationId(page);
  const deliver = (data: string) =>
    worker.send('ServiceWorker.deliverPushMessage', { origin: site.origin, registrationId: worker.id, data });
  await deliver(message('boil-water', TITLE, item()));
  await deliver(message('boil-water', TITLE, item()));
  const control = item({ id: 'control-1', title: 'Control notice', _city: { slug: 'control' } });
  await deliver(message('control', 'Control notice', control));
  await expect.poll(() => notifications(page), { timeout: 30_000 }).toHaveLength(1);
  expect((await notifications(page))[0]?.title).toBe('Control notice');
  expect(await storedItem(page, 'control-1')).toBeDefined();
  expect(await storedItem(page, 'boil-water-1')).toBeUndefined();

  // Offline, across reloads: its address, the home screen, search and the saved list.
  await page.goto(`${site.origin}/news/boil-water`);
  await expect(page.getByText('not on this device')).toBeVisible();
  for (const path of ['/', '/saved']) {
    await page.goto(`${site.origin}${path}`);
    await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
    await expect(page.locator('#root')).not.toHaveAttribute('data-snapshot');
    await expect(page.locator('main')).not.toContainText(TITLE);
  }
  const painted = (await recordedStates(page)).map((state) => state.text);
  expect(painted.some((text) => text.includes(TITLE))).toBe(false);
  await page.goto(`${site.origin}/search`);
  // Both notices have the word: the control is found, the retracted one is not.
  await page.getByRole('searchbox', { name: 'Search news, events and contacts' }).pressSequentially('notice');
  await expect(page.getByRole('heading', { name: 'Control notice' })).toBeVisible();
  await expect(page.locator('main')).not.toContainText(TITLE);
  await context.setOffline(false);

  // Online, a feed that lost the retraction but still holds the old copy: still out.
  site.feed = () => demoFeedWith([item()]);
  await nextSync(page, () => page.goto(`${site.origin}/`));
  expect(await storedItem(page, 'boil-water-1')).toBeUndefined();
  await expect(page.locator('main')).not.toContainText(TITLE);

  // Published again, corrected, with a later date_modified: it comes back.
  const corrected = `${TITLE} (corrected)`;
  site.feed = () => demoFeedWith([item({ title: corrected, date_modified: new Date().toISOString() })]);
  await nextSync(page, () => page.goto(`${site.origin}/`));
  await expect(page.getByRole('link', { name: corrected }).first()).toBeVisible();
});
