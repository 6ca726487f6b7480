/**
 * Kept screens are checked by the worker before it paints one (issue 22): only markup the app
 * writes, by this build's code, taken after the last retraction. Each attack has its negative
 * control: the same entry without the attack is painted, so the check is what refused it.
 */
import type { Page } from '@playwright/test';
import { serveBuild } from '../../tools/support/builds';
import { keptMarkup } from '../../tools/support/snapshots';
import { demoFeedWith, typhoon } from '../support/urgent-feed';
import { expect, test } from './fixtures';
import { firstVisit, recordStates, recordedStates, waitForController, waitForSync } from './helpers';

/** Waits until the screen of `path` is kept, then rewrites its entry with `change`. */
async function poison(page: Page, path: string, change: { html?: (html: string) => string; code?: string }) {
  await expect.poll(() => keptMarkup(page, path), { timeout: 15_000 }).toContain('<h1');
  await page.evaluate(
    async ({ at, code, from, to }) => {
      for (const name of await caches.keys()) {
        if (!name.startsWith('citylink-snapshots-')) continue;
        const cache = await caches.open(name);
        const key = new URL(at, location.origin).href;
        const response = await cache.match(key);
        if (!response) continue;
        const entry = (await response.json()) as { html: string; code: string };
        // The attack goes right after the screen's heading opens.
        if (from !== undefined && to !== undefined) entry.html = entry.html.replace(from, to);
        if (code !== undefined) entry.code = code;
        await cache.put(
          key,
          new Response(JSON.stringify(entry), { headers: { 'content-type': 'application/json' } }),
        );
      }
    },
    { at: path, code: change.code, from: change.html ? '<h1' : undefined, to: change.html?.('<h1') },
  );
}

/** Opens `path` again offline and says whether its first screen was a snapshot holding `marker`. */
async function reopenOffline(page: Page, path: string, marker: string): Promise<boolean> {
  await page.context().setOffline(true);
  await page.goto(path);
  await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
  await expect(page.locator('#root')).not.toHaveAttribute('data-snapshot');
  await page.context().setOffline(false);
  return (await recordedStates(page)).some((state) => state.snapshot && state.text.includes(marker));
}

test.beforeEach(async ({ context }) => {
  await recordStates(context);
});

test('a kept screen with a meta refresh is not painted, and the page stays where it is', async ({ page }) => {
  await firstVisit(page, '/contacts');
  // Negative control: a marker in markup the app could have written is painted.
  await poison(page, '/contacts', { html: (h1) => `<p>MARKER-OK</p>${h1}` });
  expect(await reopenOffline(page, '/contacts', 'MARKER-OK')).toBe(true);

  await poison(page, '/contacts', {
    html: (h1) => `<meta http-equiv="refresh" content="0;url=/news?poisoned"><p>MARKER-BAD</p>${h1}`,
  });
  expect(await reopenOffline(page, '/contacts', 'MARKER-BAD')).toBe(false);
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/contacts');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('a kept screen written by another deploy of the same build name is not painted', async ({ page }) => {
  await firstVisit(page, '/contacts');
  await poison(page, '/contacts', {
    html: (h1) => `<p>MARKER-OLD</p>${h1}`,
    code: '/assets/index-0ldDep1oy.js',
  });
  expect(await reopenOffline(page, '/contacts', 'MARKER-OLD')).toBe(false);
});

test('a kept screen larger than the cap is not painted', async ({ page }) => {
  await firstVisit(page, '/contacts');
  await poison(page, '/contacts', { html: (h1) => `<p>MARKER-BIG ${'x'.repeat(2_000_000)}</p>${h1}` });
  expect(await reopenOffline(page, '/contacts', 'MARKER-BIG')).toBe(false);
});

test('a dismissed urgent notice leaves every kept screen, not only the one it was dismissed on', async ({
  page,
}) => {
  const site = await serveBuild(new URL('../../dist', import.meta.url).pathname);
  try {
    const TYPHOON = 'Typhoon signal No. 8';
    site.feed = () => demoFeedWith(typhoon());
    await page.goto(`${site.origin}/contacts`);
    await waitForController(page);
    await waitForSync(page);
    await expect.poll(() => keptMarkup(page, '/contacts'), { timeout: 15_000 }).toContain(TYPHOON);
    await page.locator('.tab-bar a[href="/events"]').click();
    await expect.poll(() => keptMarkup(page, '/events'), { timeout: 15_000 }).toContain(TYPHOON);
    await page.getByRole('button', { name: `Dismiss: ${TYPHOON}: service desks closed today` }).click();
    // The screen it was dismissed on is kept again without it; the other one is not kept with it.
    await expect.poll(() => keptMarkup(page, '/events'), { timeout: 15_000 }).toContain('<h1');
    await expect.poll(() => keptMarkup(page, '/events'), { timeout: 15_000 }).not.toContain(TYPHOON);
    expect(await keptMarkup(page, '/contacts')).not.toContain(TYPHOON);
    await page.context().setOffline(true);
    await page.goto(`${site.origin}/contacts`);
    await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
    await page.context().setOffline(false);
    const painted = await recordedStates(page);
    expect(painted.length).toBeGreaterThan(0);
    expect(await page.locator('body').textContent()).not.toContain(TYPHOON);
  } finally {
    await site.close();
  }
});
