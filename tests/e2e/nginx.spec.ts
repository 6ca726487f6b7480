import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { staticHeaderPolicy, workerPolicy } from '../../build/csp';
import { copyBuild, removeCopy, startNginx, type Nginx } from '../../tools/support/nginx';
import { expect, test, watchCsp } from './fixtures';
import { waitForController, waitForNews, waitForSync } from './helpers';

// The build behind Debian's nginx, configured exactly as docs/deployment.md says
// (build/deploy-config.ts): headers, types, caching, ETags and the app's addresses.

// An item published after the build, whose key has a dot: no page was rendered for it, and a
// server that took `.2` for an extension would answer 404.
const DOTTED = { id: 'release-v1.2', title: 'Release 1.2 notes' };

let nginx: Nginx;
let root: string;
let archive: string;
let asset: string;
let shell: string;

test.beforeAll(async () => {
  // A copy of `npm run test:e2e`'s build, readable by the unprivileged server, with the dotted
  // item in its feed and two files of the types a city may serve beside the app.
  root = copyBuild(resolve('dist'));
  const feed = JSON.parse(readFileSync(join(root, 'feed.json'), 'utf8')) as { items: unknown[] };
  feed.items.unshift({ ...DOTTED, content_text: 'Notes.', date_published: '2030-01-01T09:00:00+08:00' });
  writeFileSync(join(root, 'feed.json'), JSON.stringify(feed));
  // The build writes item files there too (src/lib/item-files.ts).
  mkdirSync(join(root, 'files'), { recursive: true });
  writeFileSync(join(root, 'files', 'welcome.ics'), 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
  writeFileSync(join(root, 'files', 'desk.vcf'), 'BEGIN:VCARD\r\nEND:VCARD\r\n');
  archive = `/feed/${readdirSync(join(root, 'feed'))[0] ?? ''}`;
  asset = `/assets/${readdirSync(join(root, 'assets')).find((name) => name.endsWith('.js')) ?? ''}`;
  shell = readFileSync(join(root, 'shell.html'), 'utf8');
  nginx = await startNginx(root);
});

test.afterAll(async () => {
  await nginx.stop();
  removeCopy(root);
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(nginx.origin + path, { headers, redirect: 'manual' });

test('headers: policy, caching and types as documented', async () => {
  const page = await get('/');
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(page.headers.get('content-security-policy')).toBe(staticHeaderPolicy());
  expect(page.headers.get('cache-control')).toBe('no-cache');
  expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  expect(await page.text()).toContain('<meta http-equiv="Content-Security-Policy"');

  const worker = await get('/sw.js');
  expect(worker.headers.get('content-security-policy')).toBe(workerPolicy());
  expect(worker.headers.get('cache-control')).toBe('no-cache');
  expect(worker.headers.get('content-type')).toMatch(/^application\/javascript/);

  const expected: [string, string, string][] = [
    ['/feed.json', 'application/feed+json; charset=utf-8', 'no-cache'],
    [archive, 'application/feed+json; charset=utf-8', 'public, max-age=31536000, immutable'],
    [asset, 'application/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/manifest.webmanifest', 'application/manifest+json; charset=utf-8', 'no-cache'],
    ['/files/welcome.ics', 'text/calendar; charset=utf-8', 'no-cache'],
    ['/calendars/events.ics', 'text/calendar; charset=utf-8', 'no-cache'],
    ['/files/desk.vcf', 'text/vcard; charset=utf-8', 'no-cache'],
    ['/robots.txt', 'text/plain; charset=utf-8', 'no-cache'],
  ];
  for (const [path, type, cache] of expected) {
    const response = await get(path);
    expect(response.status, path).toBe(200);
    expect([path, response.headers.get('content-type'), response.headers.get('cache-control')]).toEqual([
      path,
      type,
      cache,
    ]);
    // Only HTML needs the page policy; the worker has its own.
    expect(response.headers.get('content-security-policy'), path).toBeNull();
  }

  const compressed = await get('/feed.json', { 'Accept-Encoding': 'gzip' });
  expect(compressed.headers.get('content-encoding')).toBe('gzip');
  expect(compressed.headers.get('vary')).toBe('Accept-Encoding');
});

test('the feed: an unchanged one answers 304 by ETag and by date, and the app sync gets that 304', async ({
  page,
}) => {
  const first = await get('/feed.json');
  const etag = first.headers.get('etag');
  const modified = first.headers.get('last-modified');
  expect(etag).toBeTruthy();
  expect(modified).toBeTruthy();
  expect((await get('/feed.json', { 'If-None-Match': etag ?? '' })).status).toBe(304);
  expect((await get('/feed.json', { 'If-Modified-Since': modified ?? '' })).status).toBe(304);
  expect((await get('/feed.json', { 'If-None-Match': '"other"' })).status).toBe(200);

  await page.goto(`${nginx.origin}/`);
  await waitForController(page);
  await waitForNews(page);
  const before = nginx.requests().length;
  await page.reload();
  await waitForSync(page);
  const feedAnswers = nginx
    .requests()
    .slice(before)
    .filter((request) => request.uri === '/feed.json');
  expect(feedAnswers.map((request) => request.status)).toEqual([304]);
});

test('a cold deep link: the rendered page at once, then the app, with the policy kept', async ({
  browser,
}) => {
  const context = await browser.newContext();
  await watchCsp(context);
  const page = await context.newPage();
  const response = await page.goto(`${nginx.origin}/events/taishan-roots-clinic-2027`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toBe(staticHeaderPolicy());
  // The page rendered at build time, not the shell: its title is in the HTML itself.
  expect(await response?.text()).toContain('Family Roots Clinic in Taishan');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Family Roots Clinic in Taishan');
  await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
  await context.close();
});

test('an item whose key has a dot is an app page, with or without a slash or a query', async ({
  browser,
}) => {
  for (const suffix of ['', '/', '?utm_source=a.b']) {
    const response = await get(`/news/${DOTTED.id}${suffix}`);
    expect(response.status, suffix).toBe(200);
    expect(response.headers.get('content-type'), suffix).toBe('text/html; charset=utf-8');
    // The shell, byte for byte: not the rendered home page, whose content belongs to `/`.
    expect(await response.text(), suffix).toBe(shell);
  }
  const context = await browser.newContext();
  await watchCsp(context);
  const page = await context.newPage();
  await page.goto(`${nginx.origin}/news/${DOTTED.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DOTTED.title, { timeout: 20_000 });
  await context.close();
});

test('files are themselves or 404, never the app; other paths are the app', async () => {
  for (const path of [
    '/feed.json/',
    '/missing.js',
    '/assets/missing.js',
    '/feed/archive-9-000000000000.json',
  ]) {
    const response = await get(path);
    expect([path, response.status]).toEqual([path, 404]);
  }
  expect((await get('/sitemap.xml?page=2')).headers.get('content-type')).toMatch(/xml/);
  for (const path of [
    '/saved',
    '/search?q=x',
    '/events',
    '/contacts/',
    '/news/https%3A%2F%2Fexample.org%2Fa.html',
  ]) {
    const response = await get(path);
    expect([path, response.status, response.headers.get('content-type')]).toEqual([
      path,
      200,
      'text/html; charset=utf-8',
    ]);
  }
});

test('offline: after a first visit through nginx, the app reloads and opens item addresses', async ({
  page,
  context,
}) => {
  await page.goto(`${nginx.origin}/`);
  await waitForController(page);
  await waitForNews(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.card-list .card').first()).toBeVisible();
  await expect(page.getByText('You are offline')).toBeVisible();
  const tab = await context.newPage();
  await tab.goto(`${nginx.origin}/news/${DOTTED.id}`);
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText(DOTTED.title);
  await tab.goto(`${nginx.origin}/contacts/foreign-talent-station`);
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Jiangmen Foreign Talent Station');
});
