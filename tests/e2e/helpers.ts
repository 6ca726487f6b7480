import { expect, type Page } from '@playwright/test';

/** Waits until a service worker controls the page (the first worker claims its clients). */
export async function waitForController(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 30_000,
  });
}

/** Waits until this tab's sync has ended and the screens have re-read what it stored. */
export async function waitForSync(page: Page): Promise<void> {
  await page.waitForSelector('html[data-synced]', { state: 'attached', timeout: 30_000 });
}

/**
 * Waits until the news list shows at least one item from the device (the first sync stored the
 * feed): a server-rendered list shows the build's items before that.
 */
export async function waitForNews(page: Page): Promise<void> {
  await waitForSync(page);
  await expect(page.locator('.card-list .card').first()).toBeVisible({ timeout: 30_000 });
}

/** First visit, online: the list appears and the worker takes over. */
export async function firstVisit(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await waitForController(page);
  await waitForNews(page);
}
