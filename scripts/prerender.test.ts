import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ogLocale, prerender, robots, safeKey, siteUrl, sitemap } from './prerender';

const template = `<!doctype html><html lang="en"><head><meta charset="UTF-8">
<meta name="description" content="The app."><title>Citylink Jiangmen</title>
<script type="module" src="/assets/index.js"></script></head>
<body><div id="root"></div><noscript>Needs JavaScript.</noscript></body></html>`;

const site = 'https://city.example';

const feed = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Test city',
  language: 'en',
  _city: { timezone: 'Asia/Shanghai' },
  items: [
    {
      id: 'hostile',
      title: 'Fares </title><script>alert(1)</script> & "more"',
      summary: 'Cheaper <b>fares</b> "soon"',
      image: '/img/train.png',
      date_published: '2026-11-20T09:00:00+08:00',
      content_html:
        '<p>Safe text.</p><img src="x" onerror="alert(2)"><script>alert(3)</script><a href="javascript:alert(4)">x</a>',
      _city: { slug: 'fares', translations: [{ language: 'zh-Hans', id: 'hostile-zh' }] },
    },
    {
      id: 'hostile-zh',
      title: '票价',
      language: 'zh-Hans',
      content_text: '第一段。\n\n第二段。',
      _city: { slug: 'fares-zh' },
    },
    {
      id: 'talk',
      title: 'A talk',
      content_text: 'Come along.',
      _city: {
        kind: 'event',
        slug: 'talk',
        event: { start: '2027-03-09T19:00:00+08:00', venue: { name: 'Library <hall>', address: '1 Road' } },
      },
    },
    {
      id: 'desk',
      title: 'Help desk',
      _city: {
        kind: 'contact',
        slug: 'desk',
        contact: {
          name: 'Help desk',
          phone: '+86 750 555 0100',
          email: 'desk@example.org',
          website: 'javascript:alert(5)',
        },
      },
    },
    { id: 'https://city.example/odd/id', title: 'Id as a URL', content_text: 'No slug.' },
  ],
};

let dist: string | undefined;
afterEach(() => {
  if (dist) rmSync(dist, { recursive: true, force: true });
  dist = undefined;
  vi.restoreAllMocks();
});

function build(): { read: (path: string) => Document; report: ReturnType<typeof prerender> } {
  dist = mkdtempSync(join(tmpdir(), 'citylink-prerender-'));
  writeFileSync(join(dist, 'index.html'), template);
  writeFileSync(join(dist, 'feed.json'), JSON.stringify(feed));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const report = prerender({ distDir: dist, site, now: Date.parse('2026-11-25T00:00:00Z') });
  const root = dist;
  return {
    report,
    read: (path) => new JSDOM(readFileSync(join(root, path), 'utf8')).window.document,
  };
}

describe('prerender', () => {
  it('writes a page per item at its address, and skips keys that cannot be file names', () => {
    const { report } = build();
    expect(report.pages.sort()).toEqual(['/contacts/desk', '/events/talk', '/news/fares', '/news/fares-zh']);
    expect(report.skipped).toEqual(['https://city.example/odd/id']);
    expect(existsSync(join(dist ?? '', 'news', 'fares', 'index.html'))).toBe(true);
  });

  it('puts title, description, canonical and preview tags in the head, escaped', () => {
    const doc = build().read('news/fares/index.html');
    const attr = (selector: string, name = 'content') => doc.querySelector(selector)?.getAttribute(name);
    expect(doc.title).toBe('Fares </title><script>alert(1)</script> & "more" · Citylink Jiangmen');
    expect(doc.querySelectorAll('meta[name="description"]')).toHaveLength(1);
    expect(attr('meta[name="description"]')).toBe('Cheaper <b>fares</b> "soon"');
    expect(attr('link[rel="canonical"]', 'href')).toBe('https://city.example/news/fares');
    expect(attr('meta[property="og:url"]')).toBe('https://city.example/news/fares');
    expect(attr('meta[property="og:image"]')).toBe('https://city.example/img/train.png');
    expect(attr('meta[property="og:locale"]')).toBe('en_US');
    expect(attr('meta[property="og:locale:alternate"]')).toBe('zh_CN');
    expect(attr('meta[name="twitter:card"]')).toBe('summary_large_image');
    expect(attr('link[rel="alternate"][hreflang="zh-Hans"]', 'href')).toBe(
      'https://city.example/news/fares-zh',
    );
    expect(doc.querySelector('script[src="/assets/index.js"]')).not.toBeNull();
    expect(doc.querySelector('noscript')).toBeNull();
    expect(attr('meta[name="application-name"]')).toBe('Citylink Jiangmen');
  });

  it('carries the readable text with no script, handler or javascript: link from the feed', () => {
    const doc = build().read('news/fares/index.html');
    const root = doc.getElementById('root');
    expect(root?.querySelector('h1')?.textContent).toBe('Fares </title><script>alert(1)</script> & "more"');
    expect(root?.querySelector('.prose')?.textContent).toContain('Safe text.');
    expect(root?.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-20T09:00:00+08:00');
    expect(root?.querySelectorAll('script, [onerror]')).toHaveLength(0);
    expect(root?.querySelector('.prose')?.innerHTML).not.toMatch(/javascript:|alert/);
    expect(doc.querySelectorAll('script')).toHaveLength(1);
    // The page's own image by path, so any host of the build shows it.
    expect(root?.querySelector('.article-image')?.getAttribute('src')).toBe('/img/train.png');
  });

  it('writes plain text as paragraphs, in the item language, with its interface words', () => {
    const doc = build().read('news/fares-zh/index.html');
    expect(doc.documentElement.lang).toBe('zh-Hans');
    expect([...doc.querySelectorAll('.prose p')].map((p) => p.textContent)).toEqual(['第一段。', '第二段。']);
    expect(doc.querySelector('.other-languages')?.textContent).toContain('切换到');
    expect(doc.querySelector('meta[name="twitter:card"]')?.getAttribute('content')).toBe('summary');
  });

  it('gives an event its time and venue, and a contact its phone and email', () => {
    const { read } = build();
    const event = read('events/talk/index.html');
    const facts = event.querySelector('.facts')?.textContent ?? '';
    expect(facts).toContain('Library <hall>, 1 Road');
    expect(facts).toMatch(/Mar 9, 2027|9 Mar 2027/);
    const contact = read('contacts/desk/index.html');
    expect(contact.querySelector('a[href^="tel:"]')?.textContent).toBe('+86 750 555 0100');
    expect(contact.querySelector('a[href="mailto:desk@example.org"]')).not.toBeNull();
    expect(contact.body.innerHTML).not.toContain('javascript:');
  });

  it('writes a sitemap of every address and a robots.txt that names it', () => {
    build();
    const xml = readFileSync(join(dist ?? '', 'sitemap.xml'), 'utf8');
    const doc = new JSDOM(xml, { contentType: 'text/xml' }).window.document;
    const locs = [...doc.getElementsByTagName('loc')].map((loc) => loc.textContent);
    expect(locs).toContain('https://city.example/');
    expect(locs).toContain('https://city.example/events');
    expect(locs).toContain('https://city.example/news/fares');
    expect(locs).toContain('https://city.example/news/https%3A%2F%2Fcity.example%2Fodd%2Fid');
    expect(xml).toContain('<lastmod>2026-11-20T09:00:00+08:00</lastmod>');
    expect(readFileSync(join(dist ?? '', 'robots.txt'), 'utf8')).toBe(robots(site));
    expect(robots(site)).toContain('Sitemap: https://city.example/sitemap.xml');
  });

  it('escapes what it puts in XML', () => {
    expect(sitemap([], 'https://a.example/?x=<&>')).toContain('https://a.example/?x=&lt;&amp;&gt;/');
  });
});

describe('helpers', () => {
  it('reads the site origin from CITYLINK_SITE_URL, with a local default', () => {
    expect(siteUrl({ CITYLINK_SITE_URL: 'https://city.example/some/path/' })).toBe('https://city.example');
    expect(siteUrl({})).toBe('http://127.0.0.1:4173');
    expect(() => siteUrl({ CITYLINK_SITE_URL: 'ftp://city.example' })).toThrow(/http/);
    expect(() => siteUrl({ CITYLINK_SITE_URL: 'not a url' })).toThrow();
  });

  it('accepts only keys that are file names and address segments as they are', () => {
    expect(safeKey('rail-links-2027')).toBe(true);
    for (const key of ['..', '.hidden', 'a/b', 'a%2Fb', 'https://x', '中文', '', 'a b']) {
      expect(safeKey(key)).toBe(false);
    }
  });

  it('turns language tags into Open Graph locales', () => {
    expect(ogLocale('zh-Hans')).toBe('zh_CN');
    expect(ogLocale('en')).toBe('en_US');
    expect(ogLocale('not a tag')).toBeUndefined();
  });
});
