import { expect, type Page } from '@playwright/test';

/** Waits until a service worker controls the page (the first worker claims its clients). */
export async function waitForController(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 30_000,
  });
}

/** Waits until the news list shows at least one item (the first sync stored the feed). */
export async function waitForNews(page: Page): Promise<void> {
  await expect(page.locator('.card-list .card').first()).toBeVisible({ timeout: 30_000 });
}

/** First visit, online: the list appears and the worker takes over. */
export async function firstVisit(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await waitForController(page);
  await waitForNews(page);
}
