import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import jiangmen from '../citylink.config';
import { checkCity, cityDefines } from './city';
import { prerender } from './prerender';

// A city whose feed another system publishes: the build reads it over HTTP with the app's own
// sync (its timeout, its paging, its parser) and renders the pages from it, never from a
// feed.json that happens to be in the output.

const template = `<!doctype html><html lang="en"><head><meta charset="UTF-8">
<meta name="description" content="Harbourton's news."><title>Citylink Harbourton</title>
<script type="module" src="/assets/index.js"></script>
<link rel="stylesheet" crossorigin href="/assets/index.css"></head>
<body><div id="root"></div></body></html>`;

const manifest = {
  'index.html': { file: 'assets/index.js', isEntry: true },
  'src/loader/main.ts': { file: 'assets/main.js', isEntry: true },
};

const head = (origin: string) => ({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Harbourton',
  language: 'en',
  next_url: `${origin}/feed/archive-1.json`,
  _city: { timezone: 'America/Vancouver', city: { en: 'Harbourton' } },
  items: [
    {
      id: 'ferry',
      title: 'Night ferry returns to the inner harbour',
      content_text: 'From Friday.',
      date_published: '2026-11-20T09:00:00-08:00',
      _city: { slug: 'night-ferry' },
    },
  ],
});

const archive = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Harbourton',
  items: [
    {
      id: 'library',
      title: 'Harbour library opens on Sundays',
      content_text: 'All winter.',
      date_published: '2026-10-01T09:00:00-07:00',
      _city: { slug: 'library-sundays' },
    },
  ],
};

// What a stray file in the output would hold: it must never reach a page.
const stray = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Demo',
  items: [{ id: 'demo', title: 'Demo item', content_text: 'x', _city: { slug: 'demo' } }],
};

let server: Server;
let origin = '';
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body =
      req.url === '/feed.json' ? head(origin) : req.url === '/feed/archive-1.json' ? archive : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/feed+json' });
    res.end(body ? JSON.stringify(body) : 'gone');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const dists: string[] = [];
afterAll(() => dists.forEach((dist) => rmSync(dist, { recursive: true, force: true })));

function makeDist(): string {
  const dist = mkdtempSync(join(tmpdir(), 'citylink-feed-url-'));
  dists.push(dist);
  mkdirSync(join(dist, '.vite'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), template);
  writeFileSync(join(dist, 'assets', 'index.css'), 'main{color:#123}');
  writeFileSync(join(dist, 'assets', 'main.js'), 'startApp();\n');
  writeFileSync(join(dist, '.vite', 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dist, 'feed.json'), JSON.stringify(stray));
  return dist;
}

const city = checkCity(jiangmen, 'citylink.config.ts');
// What vite.config.ts defines for the app (the feed's address is the one under test).
const define = {
  __CITYLINK_BUILD__: '"test"',
  __CITYLINK_KILL_SWITCH__: 'false',
  ...cityDefines(city),
};
const site = 'https://harbourton.example';
const now = Date.parse('2026-11-25T00:00:00Z');

describe('a feed another system publishes', () => {
  it('is read with all its pages, and the pages are rendered from it', async () => {
    const dist = makeDist();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const report = await prerender({ distDir: dist, site, now, define, feedUrl: `${origin}/feed.json` });
    vi.restoreAllMocks();
    expect(requests).toEqual(expect.arrayContaining(['/feed.json', '/feed/archive-1.json']));
    expect(report.pages.sort()).toEqual([
      '/',
      '/contacts',
      '/events',
      '/news/library-sundays',
      '/news/night-ferry',
    ]);
    const home = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(home).toContain('Night ferry returns to the inner harbour');
    expect(readFileSync(join(dist, 'news/library-sundays/index.html'), 'utf8')).toContain(
      'Harbour library opens on Sundays',
    );
    const sitemap = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`${site}/news/night-ferry`);
    expect(sitemap).not.toContain('/news/demo');
    expect(existsSync(join(dist, 'news/demo'))).toBe(false);
    expect(home).not.toContain('Demo item');
  }, 60_000);

  it('fails the build with the reason when the address is dead, never rendering the demo', async () => {
    const dead = `${origin}/moved.json`;
    const dist = makeDist();
    await expect(prerender({ distDir: dist, site, now, define, feedUrl: dead })).rejects.toThrow(
      `prerender: could not read the city's feed at ${dead} (http: HTTP 404`,
    );
    expect(existsSync(join(dist, 'news'))).toBe(false);

    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await expect(
      prerender({ distDir: makeDist(), site, now, define, feedUrl: `http://127.0.0.1:${port}/feed.json` }),
    ).rejects.toThrow(
      /^prerender: could not read the city's feed at http:\/\/127\.0\.0\.1:\d+\/feed\.json \(offline: Could not read .*fetch failed\)\.$/,
    );
  }, 60_000);
});
