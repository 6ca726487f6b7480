import type { Page } from '@playwright/test';
import { serveBuild, type BuildServer } from '../../tools/support/builds';
import { demoFeedWith, typhoon } from '../support/urgent-feed';
import { expect, test } from './fixtures';
import { axeViolations, collectErrors, waitForController, waitForSync } from './helpers';

/**
 * Urgent notices (issue 14): a banner above every screen, announced once, dismissed, expired
 * and retracted, offline too, in English and Chinese. The build is served with a feed of our
 * own (the demo feed and a typhoon notice), to the page and its worker.
 */

let server: BuildServer;
test.beforeAll(async () => {
  server = await serveBuild(new URL('../../dist', import.meta.url).pathname);
});
test.afterAll(() => server.close());

const banner = (page: Page) => page.locator('.urgent-notices');
const announcer = (page: Page) => page.locator('[data-urgent-announcer]');

/** A first visit: the feed is stored, the worker controls the page, the banner has read the store. */
async function firstVisit(page: Page, path = '/'): Promise<void> {
  await page.goto(`${server.origin}${path}`);
  await waitForController(page);
  await waitForSync(page);
}

/** Waits until the banner has read the store and shows `count` notices. */
async function shown(page: Page, count: number): Promise<void> {
  await expect(announcer(page)).toHaveAttribute('data-urgent-shown', String(count), { timeout: 30_000 });
}

test('an urgent notice shows above every screen, is announced once, survives offline, and leaves when dismissed', async ({
  page,
  context,
}) => {
  server.feed = () => demoFeedWith(typhoon());
  const errors = collectErrors(page);
  await firstVisit(page);
  await shown(page, 1);
  const notice = banner(page).locator('.urgent-notice');
  await expect(notice).toContainText('Typhoon signal No. 8: service desks closed today');
  await expect(notice).toContainText('Urgent');
  await expect(announcer(page)).toHaveText('Urgent notice: Typhoon signal No. 8: service desks closed today');
  // Rendered after hydration from the device's store: the server's HTML and hydration agree.
  expect(errors).toEqual([]);
  expect(await axeViolations(page, { include: '.urgent-notices' })).toEqual([]);

  // Above every screen: the banner stays as the reader moves on, and is not announced again.
  await page.locator('.tab-bar a[href="/events"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Events');
  await expect(banner(page)).toBeVisible();
  await page.locator('.tab-bar a[href="/more"]').click();
  await expect(banner(page)).toBeVisible();
  await expect(announcer(page)).toHaveText('Urgent notice: Typhoon signal No. 8: service desks closed today');

  // A reload, offline: the notice is read from IndexedDB, and screen readers are not told again.
  await context.setOffline(true);
  await page.reload();
  await shown(page, 1);
  await expect(banner(page)).toContainText('Typhoon signal No. 8');
  await expect(announcer(page)).toHaveText('');

  await page
    .getByRole('button', { name: 'Dismiss: Typhoon signal No. 8: service desks closed today' })
    .click();
  await shown(page, 0);
  await expect(banner(page)).toHaveCount(0);
  // Focus stays in the page's content, not lost with the button.
  await expect(page.locator('#main')).toBeFocused();
  await page.reload();
  await shown(page, 0);
  await expect(banner(page)).toHaveCount(0);
  await context.setOffline(false);
});

test('opening the notice settles it; a retraction removes it; an expired one leaves by itself', async ({
  page,
}) => {
  const soon = Date.now() + 10 * 60_000;
  server.feed = () => demoFeedWith(typhoon(new Date(soon).toISOString()));
  // The app's clock, under the test's hand: it ticks every 30 s (src/state/clock.ts).
  await page.clock.install();
  await firstVisit(page);
  await shown(page, 1);

  // Opened: the reader is on the notice, then it is settled on every screen.
  await banner(page).getByRole('link').click();
  await expect(page).toHaveURL(/\/news\/typhoon-8$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Typhoon signal No. 8: service desks closed today',
  );
  await shown(page, 0);
  await page.locator('.tab-bar a[href="/"]').click();
  await shown(page, 0);

  // A new notice (another id), then its retraction by the publisher.
  server.feed = () => demoFeedWith(typhoon(new Date(soon).toISOString(), '-b'));
  await page.getByRole('button', { name: 'Refresh' }).click();
  await shown(page, 1);
  server.feed = () =>
    demoFeedWith([
      { id: 'typhoon-8-en-b', _city: { deleted: true } },
      { id: 'typhoon-8-zh-b', _city: { deleted: true } },
    ]);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await shown(page, 0);

  // Expiry: a third notice, gone once the app's clock passes its `expires`, with no reload.
  server.feed = () => demoFeedWith(typhoon(new Date(soon).toISOString(), '-c'));
  await page.getByRole('button', { name: 'Refresh' }).click();
  await shown(page, 1);
  await page.clock.fastForward('15:00');
  await shown(page, 0);
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the Chinese notice, its mark and its announcement, with full-width punctuation', async ({ page }) => {
    server.feed = () => demoFeedWith(typhoon());
    await firstVisit(page);
    await shown(page, 1);
    await expect(banner(page)).toHaveAttribute('aria-label', '紧急通知');
    await expect(banner(page).locator('.urgent-notice')).toContainText('紧急');
    await expect(banner(page).locator('.urgent-notice')).toContainText('八号风球：今日服务大厅关闭');
    await expect(announcer(page)).toHaveText('紧急通知：八号风球：今日服务大厅关闭');
    await page.getByRole('button', { name: '关闭：八号风球：今日服务大厅关闭' }).click();
    await shown(page, 0);
  });
});
