import { describe, expect, it } from 'vitest';

import { servesAppPage } from '@citylink/core/paths';

const at = (path: string, feedPath = '/feed.json') =>
  servesAppPage(new URL(path, 'https://city.example'), feedPath);

describe('the worker answers navigations with the app page', () => {
  it.each([
    '/',
    '/news',
    '/events?tag=talent',
    '/search?q=v1.2',
    '/more/',
    '/news/chenpi-season',
    '/news/chenpi-season/',
    '/news/release-v1.2',
    '/news/release-v1.2?utm_source=x.y',
    '/events/caf%C3%A9%20%E4%B8%AD%E6%96%87',
    `/news/${encodeURIComponent('https://example.org/2026/notice.html')}`,
    `/contacts/${encodeURIComponent('tag:example.org,2026:office.v2')}/`,
  ])('%s', (path) => expect(at(path)).toBe(true));
});

describe('files reach the network, never the app page', () => {
  it.each([
    '/feed.json',
    '/feed.json?x=1',
    '/feed.json/',
    '/feed.json//',
    '/sitemap.xml',
    '/sitemap.xml?page=2',
    '/robots.txt/',
    '/sw.js',
    '/assets/index-abc123.js',
    '/demo/juno.svg',
    '/news/chenpi-season/index.html',
    '/api/items',
  ])('%s', (path) => expect(at(path)).toBe(false));

  it('the feed, wherever it lives and whatever its name', () => {
    expect(at('/data/city-feed', '/data/city-feed')).toBe(false);
    expect(at('/data/city-feed/?v=2', '/data/city-feed')).toBe(false);
    expect(at('/data/other', '/data/city-feed')).toBe(true);
  });
});
