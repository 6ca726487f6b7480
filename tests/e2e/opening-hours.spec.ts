import type { Request } from '@playwright/test';
import { expect, test } from './fixtures';
import { ON_DEMAND_CACHE, ON_DEMAND_DIR } from '../../src/data/config';
import { hoursDecision, waitForController, waitForNews } from './helpers';
import { demoFeed } from '../../tools/support/demo-feed';

// The opening_hours parser is not precached (build-output.spec.ts): a device fetches it only
// when its feed has opening hours, after the first paint, and the worker keeps it offline.

const onDemand = (url: string) => new URL(url).pathname.startsWith(`/${ON_DEMAND_DIR}`);

const demo = demoFeed<{
  items: { _city?: { kind?: string; contact?: { opening_hours?: string } } }[];
}>();
const demoContacts = demo.items.filter((item) => item._city?.kind === 'contact').length;

test('a feed with opening hours: the parser comes after the first paint, and "open now" shows offline', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await waitForController(page);
  await waitForNews(page);
  expect(await hoursDecision(page, demoContacts)).toEqual({
    contacts: demoContacts,
    withHours: demoContacts,
    kept: true,
  });

  // The home screen shows no hours: the page fetched the chunk by itself, after its first paint.
  const timings = await page.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    fetched: performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/assets/on-demand/'))
      .map((entry) => entry.startTime),
  }));
  expect(timings.paint).toBeGreaterThan(0);
  expect(timings.fetched.length).toBeGreaterThan(0);
  for (const start of timings.fetched) expect(start).toBeGreaterThan(timings.paint ?? Infinity);
  const kept = await page.evaluate(
    async (name) => (await (await caches.open(name)).keys()).map((request) => request.url),
    ON_DEMAND_CACHE,
  );
  expect(kept).toHaveLength(1);
  expect(kept[0]).toMatch(/\/assets\/on-demand\/hours-[\w-]+\.js$/);

  await context.setOffline(true);
  await page.reload();
  await waitForNews(page);
  await page.getByRole('link', { name: 'Contacts' }).click();
  // A tab's screen replaces the last one only once it is ready (and a tap on a link of an offline
  // reload's snapshot waits for the app): count cards on the Contacts screen, not on News.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contacts');
  const cards = page.locator('.card-list .card');
  await expect(cards.first()).toBeVisible();
  await expect(page.locator('.card-list .open-state')).toHaveCount(await cards.count());
});

test('a feed without opening hours: the parser is never fetched', async ({ page, context }) => {
  const fetched: string[] = [];
  // The context sees the worker's requests too, so a fetch by either side is counted.
  context.on('request', (request: Request) => {
    if (onDemand(request.url())) fetched.push(request.url());
  });
  for (const item of demo.items) delete item._city?.contact?.opening_hours;
  const body = JSON.stringify(demo);
  await context.route('**/feed.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/feed+json', body }),
  );

  await page.goto('/');
  await waitForController(page);
  await waitForNews(page);
  // The decision was taken on the stored feed, with a worker in control that could have kept it.
  expect(await hoursDecision(page, demoContacts)).toEqual({
    contacts: demoContacts,
    withHours: 0,
    kept: false,
  });
  await page.getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contacts');
  await expect(page.locator('.card-list .card').first()).toBeVisible();
  await expect(page.locator('.card-list .open-state')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.card-list .card').first()).toBeVisible();
  expect(await hoursDecision(page, demoContacts)).toMatchObject({ withHours: 0, kept: false });
  expect(fetched).toEqual([]);
});
