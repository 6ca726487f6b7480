import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, watchCsp } from './fixtures';
import { serveBuild, type BuildServer } from '../../tools/support/builds';
import { waitForController, waitForNews } from './helpers';
import { demoFeed as readDemoFeed } from '../../tools/support/demo-feed';

// Keys that are not plain file names: each must open as an item address, online and offline,
// in a new tab (cold), served by the rules of docs/deployment.md (tools/support/builds.ts).
const demoFeed = readDemoFeed<{ items: unknown[] }>();
const ODD = [
  { id: 'release-v1.2', title: 'Release 1.2 notes' },
  { id: 'https://example.org/2026/03/water-notice.html', title: 'Water notice by URL id' },
  { id: 'café 50% 中文', title: 'Percent-encoded key' },
  { id: 'tag:example.org,2026:a/b?c#d', title: 'Key with slash, query and hash' },
];
const feed = JSON.stringify({
  ...demoFeed,
  items: [
    ...ODD.map((item, i) => ({
      ...item,
      content_text: `Body of ${item.title}.`,
      date_published: `2030-01-0${i + 1}T09:00:00Z`,
    })),
    ...demoFeed.items,
  ],
});
const address = (id: string) => `/news/${encodeURIComponent(id)}`;

let server: BuildServer;

test.beforeEach(async () => {
  // `npm run test:e2e` builds dist/ before the suite; this server serves that same build.
  server = await serveBuild(resolve('dist'));
  server.feed = () => feed;
});

test.afterEach(async () => {
  await server.close();
});

async function expectItem(page: Page, title: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title, { timeout: 20_000 });
}

test('every key opens as an address online, cold, in a new browser', async ({ browser }) => {
  for (const item of ODD) {
    const context = await browser.newContext();
    await watchCsp(context);
    const page = await context.newPage();
    const response = await page.goto(server.origin + address(item.id));
    expect(response?.status(), item.id).toBe(200);
    await expectItem(page, item.title);
    await context.close();
  }
});

test('every key opens as an address offline, cold, in a new tab', async ({ context }) => {
  const first = await context.newPage();
  await first.goto(server.origin + '/');
  await waitForController(first);
  await waitForNews(first);
  // The links the app itself writes are these addresses.
  for (const item of ODD) {
    await expect(first.getByRole('link', { name: item.title })).toHaveAttribute('href', address(item.id));
  }
  await first.close();

  await context.setOffline(true);
  for (const item of ODD) {
    const tab = await context.newPage();
    await tab.goto(server.origin + address(item.id));
    await expectItem(tab, item.title);
    // With a query string and a trailing slash too.
    await tab.goto(`${server.origin}${address(item.id)}/?utm_source=x.y`);
    await expectItem(tab, item.title);
    await tab.close();
  }
});

test('files with a query string or a trailing slash never get the app page', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(server.origin + '/');
  await waitForController(page);
  await waitForNews(page);

  const feedResponse = await page.goto(server.origin + '/feed.json?x=1');
  expect(await feedResponse?.text()).toBe(feed);
  const slashed = await page.goto(server.origin + '/feed.json/');
  expect(slashed?.status()).toBe(404);
  expect(await page.locator('#root').count()).toBe(0);

  await context.setOffline(true);
  for (const path of ['/feed.json?x=1', '/feed.json/', '/sitemap.xml?page=2']) {
    // The worker leaves a file to the network, which is down: the navigation fails.
    await expect(page.goto(server.origin + path), path).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
  }
});
