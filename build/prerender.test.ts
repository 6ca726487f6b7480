import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ogLocale } from './head';
import { inlineStylesheet } from './html';
import { safeKey } from './pages';
import { prerender, type PrerenderReport } from './prerender';
import { siteUrl } from './site';
import { robots, sitemap } from './sitemap';
import { TAKEOVER_HTML, TRACKER } from '../tools/support/takeover';

const template = `<!doctype html><html lang="en"><head><meta charset="UTF-8">
<meta name="description" content="The app."><title>Citylink Jiangmen</title>
<script type="module" src="/assets/index.js"></script>
<link rel="modulepreload" crossorigin href="/assets/web.js">
<link rel="stylesheet" crossorigin href="/assets/index.css"></head>
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
    { id: 'takeover', title: 'Takeover', content_html: TAKEOVER_HTML, _city: { slug: 'takeover' } },
  ],
};

const manifest = {
  'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_web.js'] },
  'src/loader/main.ts': { file: 'assets/main.js', isEntry: true },
  '_web.js': { file: 'assets/web.js' },
  'src/features/news/Article.tsx': { file: 'assets/Article.js', imports: ['_web.js', '_body.js'] },
  '_body.js': { file: 'assets/body.js' },
  'src/i18n/en.core.ts': { file: 'assets/en.core.js', isDynamicEntry: true },
  'src/i18n/en.more.ts': { file: 'assets/en.more.js', isDynamicEntry: true },
  'src/i18n/zh-Hans.core.ts': { file: 'assets/zh-Hans.core.js', isDynamicEntry: true },
  'src/i18n/zh-Hans.more.ts': { file: 'assets/zh-Hans.more.js', isDynamicEntry: true },
  'src/i18n/zh-Hant.core.ts': { file: 'assets/zh-Hant.core.js', isDynamicEntry: true },
  'src/i18n/zh-Hant.more.ts': { file: 'assets/zh-Hant.more.js', isDynamicEntry: true },
};

let dist = '';
let report: PrerenderReport;
const read = (path: string) => new JSDOM(readFileSync(join(dist, path), 'utf8')).window.document;

// One build for all: it starts a Vite SSR server and renders the app's own components.
beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'citylink-prerender-'));
  mkdirSync(join(dist, '.vite'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), template);
  writeFileSync(join(dist, 'assets', 'index.css'), 'main{color:#123}');
  writeFileSync(join(dist, 'assets', 'main.js'), 'startApp();\n');
  writeFileSync(join(dist, '.vite', 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dist, 'feed.json'), JSON.stringify(feed));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  report = await prerender({
    distDir: dist,
    site,
    now: Date.parse('2026-11-25T00:00:00Z'),
    // What vite.config.ts defines for the app.
    define: { __CITYLINK_BUILD__: '"test"', __CITYLINK_KILL_SWITCH__: 'false' },
  });
  vi.restoreAllMocks();
}, 60_000);
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('prerender', () => {
  it('writes the lists and a page per item at its address, and skips keys that cannot be file names', () => {
    expect(report.pages.sort()).toEqual([
      '/',
      '/contacts',
      '/contacts/desk',
      '/events',
      '/events/talk',
      '/news/fares',
      '/news/fares-zh',
      '/news/takeover',
    ]);
    expect(report.skipped).toEqual(['https://city.example/odd/id']);
    expect(existsSync(join(dist, 'news', 'fares', 'index.html'))).toBe(true);
  });

  it('puts title, description, canonical and preview tags in the head, escaped', () => {
    const doc = read('news/fares/index.html');
    const attr = (selector: string, name = 'content') => doc.querySelector(selector)?.getAttribute(name);
    expect(doc.title).toBe('Fares </title><script>alert(1)</script> & "more" · Citylink');
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
    expect(attr('link[rel="alternate"][hreflang="en"]', 'href')).toBe('https://city.example/news/fares');
    // The app's code loads after the first paint (the loader at the end of the body).
    expect(doc.querySelector('script[src]')).toBeNull();
    expect(doc.querySelector('noscript')).toBeNull();
  });

  it('inlines the CSS, and loads the entry and the screen’s chunks after the page has loaded and painted', () => {
    const doc = read('news/fares/index.html');
    // Its link stays, disabled (never fetched), so the app's chunks do not link the sheet again.
    const links = [...doc.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')];
    expect(links.map((link) => [link.getAttribute('href'), link.hasAttribute('disabled')])).toEqual([
      ['/assets/index.css', true],
    ]);
    expect(doc.querySelector('style')?.textContent).toBe('main{color:#123}');
    expect(doc.querySelector('link[rel="modulepreload"]')).toBeNull();
    const settings = (path: string) =>
      JSON.parse(read(path).getElementById('citylink-load')?.textContent ?? '{}') as unknown;
    // The loader itself is the built file the manifest names, inline after its settings.
    const loader = [...doc.querySelectorAll('body > script')].at(-1);
    expect([loader?.getAttribute('type'), loader?.textContent]).toEqual(['module', 'startApp();']);
    // The page's catalogue too (src/i18n/index.ts): hydration speaks the page's language. An
    // item page needs both its parts; the home page only the core. The other
    // languages' catalogues are there only for a reader of them.
    expect(settings('news/fares/index.html')).toEqual({
      entry: '/assets/index.js',
      preloads: [
        '/assets/web.js',
        '/assets/Article.js',
        '/assets/body.js',
        '/assets/en.core.js',
        '/assets/en.more.js',
      ],
      catalogues: {
        'zh-Hans': ['/assets/zh-Hans.core.js', '/assets/zh-Hans.more.js'],
        'zh-Hant': ['/assets/zh-Hant.core.js', '/assets/zh-Hant.more.js'],
      },
    });
    expect(settings('news/fares-zh/index.html')).toEqual({
      entry: '/assets/index.js',
      preloads: [
        '/assets/web.js',
        '/assets/Article.js',
        '/assets/body.js',
        '/assets/zh-Hans.core.js',
        '/assets/zh-Hans.more.js',
      ],
      // A Traditional reader of a Simplified page loads their own catalogue, early.
      catalogues: {
        en: ['/assets/en.core.js', '/assets/en.more.js'],
        'zh-Hant': ['/assets/zh-Hant.core.js', '/assets/zh-Hant.more.js'],
      },
    });
  });

  it('renders the app’s own screen, with no script, handler or javascript: link from the feed', () => {
    const doc = read('news/fares/index.html');
    const root = doc.getElementById('root');
    expect(root?.dataset.renderPath).toBe('/news/fares');
    expect(root?.dataset.renderLocale).toBe('en');
    // An item opened cold: the app bar leads back to its tab's list, and names the tab.
    expect(root?.querySelector('header .app-bar-back')?.getAttribute('href')).toBe('/');
    expect(root?.querySelector('header .app-bar-title')?.textContent).toBe('News');
    expect(root?.querySelector('nav.tab-bar')).not.toBeNull();
    expect(root?.querySelector('h1')?.textContent).toBe('Fares </title><script>alert(1)</script> & "more"');
    expect(root?.querySelector('.prose')?.textContent).toContain('Safe text.');
    expect(root?.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-20T09:00:00+08:00');
    expect(root?.querySelectorAll('[onerror]')).toHaveLength(0);
    // The only scripts in the screen are Solid's serialized data, which holds feed text as strings.
    for (const script of root?.querySelectorAll('script') ?? [])
      expect(script.textContent).toMatch(/^self\.\$R/);
    expect(root?.querySelector('.prose')?.innerHTML).not.toMatch(/javascript:|alert/);
    const other = root?.querySelector<HTMLAnchorElement>('.other-languages a[hreflang="zh-Hans"]');
    expect(other?.getAttribute('href')).toBe('/news/fares-zh');
    // Solid's hydration bootstrap, and the data the screen was rendered from, as inline scripts.
    expect(doc.querySelectorAll('script:not([src])').length).toBeGreaterThanOrEqual(2);
  });

  it('renders feed HTML by the one policy: nothing hydration claims, nothing of the app’s, pictures held', () => {
    const doc = read('news/takeover/index.html');
    const prose = doc.querySelector('#root .prose');
    expect(prose).not.toBeNull();
    // Hydration claims elements by data-hk: none inside the body, and the app's one tab bar.
    expect(prose?.querySelectorAll('[data-hk], nav, [role], [style], [aria-label]')).toHaveLength(0);
    expect(doc.querySelectorAll('nav.tab-bar')).toHaveLength(1);
    expect(doc.querySelectorAll('#root')).toHaveLength(1);
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(doc.querySelector('[name="citylinkInstallPrompt"]')).toBeNull();
    expect([...(prose?.querySelectorAll('[class]') ?? [])].map((element) => element.className)).toEqual([
      'held-image',
      'held-image',
    ]);
    // No picture from the tracker loads; each is a button in the page's language.
    expect(prose?.innerHTML).not.toMatch(new RegExp(`\\s(src|background)="[^"]*${TRACKER}`));
    expect([...(prose?.querySelectorAll('button.held-image') ?? [])].map((b) => b.textContent)).toEqual([
      `Show image from ${TRACKER}`,
      `Show image from ${TRACKER}`,
    ]);
  });

  it('writes plain text as paragraphs, in the item language, with its interface words', () => {
    const doc = read('news/fares-zh/index.html');
    expect(doc.documentElement.lang).toBe('zh-Hans');
    expect(doc.getElementById('root')?.dataset.renderLocale).toBe('zh-Hans');
    expect([...doc.querySelectorAll('.prose p')].map((p) => p.textContent)).toEqual(['第一段。', '第二段。']);
    expect(doc.querySelector('nav.tab-bar')?.textContent).toContain('新闻');
    expect(doc.querySelector('meta[name="twitter:card"]')?.getAttribute('content')).toBe('summary');
    // Only the English item names this one as its translation: the link is read both ways.
    const english = doc.querySelector('.other-languages a[hreflang="en"]');
    expect(english?.getAttribute('href')).toBe('/news/fares');
    expect(english?.textContent).toContain('English');
    expect(doc.querySelector('link[rel="alternate"][hreflang="en"]')?.getAttribute('href')).toBe(
      'https://city.example/news/fares',
    );
  });

  it('gives an event its time and venue, and a contact its phone and email', () => {
    const event = read('events/talk/index.html').getElementById('root')?.textContent ?? '';
    expect(event).toContain('Library <hall>');
    expect(event).toContain('1 Road');
    // The venue's time in the page's language's default (British) formats, named with its zone
    // (this feed names no city).
    expect(event).toContain('Tuesday, 9 March 2027, 19:00 China Standard Time');
    expect(event).toContain('Upcoming');
    // The reader's own zone is unknown to the server: the "Your time" row is there, empty, its
    // line held until the app runs.
    const doc = read('events/talk/index.html');
    expect(doc.querySelector('.facts .your-time')?.textContent).toBe('');
    const contact = read('contacts/desk/index.html');
    expect(contact.querySelector('a[href^="tel:"]')?.textContent).toContain('+86 750 555 0100');
    expect(contact.querySelector('a[href="mailto:desk@example.org"]')).not.toBeNull();
    expect(contact.body.innerHTML).not.toContain('javascript:');
  });

  it('renders the lists with their items', () => {
    const home = read('index.html');
    expect(home.querySelector('main')?.textContent).toContain('Fares');
    expect(home.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://city.example/');
    expect(read('events/index.html').querySelector('main')?.textContent).toContain('A talk');
    expect(read('contacts/index.html').querySelector('main')?.textContent).toContain('Help desk');
  });

  it('writes a sitemap of every address and a robots.txt that names it', () => {
    const xml = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
    const doc = new JSDOM(xml, { contentType: 'text/xml' }).window.document;
    const locs = [...doc.getElementsByTagName('loc')].map((loc) => loc.textContent);
    expect(locs).toContain('https://city.example/');
    expect(locs).toContain('https://city.example/events');
    expect(locs).toContain('https://city.example/news/fares');
    expect(locs).toContain('https://city.example/news/https%3A%2F%2Fcity.example%2Fodd%2Fid');
    expect(xml).toContain('<lastmod>2026-11-20T09:00:00+08:00</lastmod>');
    // Each side of the one-way translation lists both versions.
    const alternates = (loc: string) =>
      [...doc.getElementsByTagName('url')]
        .find((url) => url.getElementsByTagName('loc')[0]?.textContent === loc)
        ?.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'link');
    for (const loc of ['https://city.example/news/fares', 'https://city.example/news/fares-zh']) {
      expect([...(alternates(loc) ?? [])].map((link) => link.getAttribute('href')).sort()).toEqual([
        'https://city.example/news/fares',
        'https://city.example/news/fares-zh',
      ]);
    }
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toBe(robots(site));
    expect(robots(site)).toContain('Sitemap: https://city.example/sitemap.xml');
  });

  it('escapes what it puts in XML', () => {
    expect(sitemap([], 'https://a.example/?x=<&>')).toContain('https://a.example/?x=&lt;&amp;&gt;/');
  });
});

describe('the shell', () => {
  const shell = inlineStylesheet(template, 'main{color:green}</style><script>x()</script>');

  it('has the stylesheet inline, where the link was, and nothing in it can close the element', () => {
    expect(shell).toContain('<style>main{color:green}<\\/style><script>x()</script></style>');
    expect(shell.indexOf('<style>')).toBeLessThan(shell.indexOf('</head>'));
    // Only the stylesheet changed: the root stays empty for the worker's snapshot.
    expect(shell.replace(/<style>[\s\S]*?<\/style>/, '')).toBe(
      template.replace(
        'crossorigin href="/assets/index.css">',
        'crossorigin href="/assets/index.css" disabled>',
      ),
    );
  });

  it('keeps the link disabled, so that Vite’s loader finds the sheet and the browser fetches nothing', () => {
    const { document } = new JSDOM(inlineStylesheet(template, 'main{color:green}')).window;
    const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')];
    expect(links.map((link) => [link.getAttribute('href'), link.hasAttribute('disabled')])).toEqual([
      ['/assets/index.css', true],
    ]);
    expect(document.querySelectorAll('style')).toHaveLength(1);
  });

  it('needs the built page’s stylesheet link', () => {
    expect(() => inlineStylesheet(template.replace(/<link rel="stylesheet"[^>]*>/, ''), 'a{}')).toThrow(
      /stylesheet/,
    );
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
