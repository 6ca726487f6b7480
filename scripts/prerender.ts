/**
 * Link previews and reading without JavaScript. After `vite build`, writes a static page for
 * every item of the build-time feed at the item's own address (`dist/news/<key>/index.html`,
 * …): the built `index.html` with the item's title, description, canonical link, Open Graph and
 * Twitter card tags, and its readable text in the root element, which the app replaces when it
 * starts. Also writes `sitemap.xml` and `robots.txt`.
 *
 * Runs by itself at the end of every production build (the Vite plugin below); by hand:
 * `npx tsx scripts/prerender.ts [dist]`. Canonical links use `CITYLINK_SITE_URL`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import type { Plugin } from 'vite';
import type { FeedMeta, Item } from '../src/data/model';
import { parseFeed } from '../src/data/parse';
import { itemPath, itemUrl, SECTION } from '../src/data/paths';
import { bodyText, displayTitle, truncate } from '../src/data/text';
import { en, type Catalogue } from '../src/i18n/en';
import { zhHans } from '../src/i18n/zh-Hans';
import { formatEventTime } from '../src/lib/event-time';
import { formatDate, formatList, languageName } from '../src/lib/format';
import { telHref } from '../src/lib/phone';
import { createSanitizer } from '../src/lib/sanitize';

/** Where a local build is served (`npm start`): the origin used when none is configured. */
export const DEFAULT_SITE_URL = 'http://127.0.0.1:4173';

/**
 * The origin canonical links point at: `CITYLINK_SITE_URL`, else the local preview's. The app
 * lives at the root of its origin (its worker's scope is `/`), so only the origin counts.
 */
export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  const configured = env.CITYLINK_SITE_URL?.trim() || DEFAULT_SITE_URL;
  // A wrong address would put wrong links in every preview: the build stops instead.
  const url = new URL(configured);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`CITYLINK_SITE_URL must be an http(s) address, not "${configured}".`);
  }
  return url.origin;
}

// Keys that are the same as a file name and as an address segment; anything else (an id that
// is a URL, `..`) could escape the output folder or need escaping the server may not undo.
const SAFE_KEY = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,199}$/;

/** Whether an item's key can be a folder name under `dist/<section>/`. */
export function safeKey(key: string): boolean {
  return SAFE_KEY.test(key);
}

/** What every page of one build shares. */
export interface PageContext {
  /** The site's origin, e.g. `https://citylink.example.org`. */
  site: string;
  /** The app's name, for `og:site_name` and titles. */
  siteName: string;
  feed: FeedMeta;
  /** The built `index.html`, parsed once; each page starts as a copy of it. */
  template: Document;
  /** Every item of the feed by id, to link translations. */
  byId: ReadonlyMap<string, Item>;
  sanitize: (html: string) => string;
}

const catalogueFor = (language: string): { ui: Catalogue; locale: string } =>
  language.toLowerCase().startsWith('zh') ? { ui: zhHans, locale: 'zh-Hans' } : { ui: en, locale: 'en' };

/** Open Graph's `ll_CC` form of a language tag (`zh-Hans` → `zh_CN`), when it has one. */
export function ogLocale(tag: string): string | undefined {
  try {
    const full = new Intl.Locale(tag).maximize();
    return full.region ? `${full.language}_${full.region}` : undefined;
  } catch {
    return undefined;
  }
}

/** The item's translations in the feed, linked either way round. */
function translationsOf(item: Item, ctx: PageContext): Item[] {
  const linked = new Set(item.translations.map((tr) => tr.id));
  return [...ctx.byId.values()].filter(
    (other) =>
      other.id !== item.id &&
      other.kind === item.kind &&
      (linked.has(other.id) || other.translations.some((tr) => tr.id === item.id)),
  );
}

/** One or two sentences for previews: the summary, else the start of the text, else the facts. */
function describe(item: Item, locale: string): string {
  const text = item.summary?.trim() || truncate(bodyText(item), 200);
  if (text) return text;
  if (item.event) {
    const venue = item.event.venue?.name ?? item.event.venue?.address;
    return [formatEventTime(item.event, locale, item.event.timezone), venue].filter(Boolean).join(' · ');
  }
  const contact = item.contact;
  return contact ? [contact.role, contact.organization, contact.address].filter(Boolean).join(' · ') : '';
}

const httpOnly = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

/**
 * The prerendered page of one item, from the built `index.html`. Every feed value goes in as
 * a DOM text or attribute value, and feed HTML through the app's own sanitizer rules.
 */
export function renderItemPage(item: Item, ctx: PageContext): string {
  // A copy of the parsed template: parsing it again for each item took most of the build's time.
  const doc = ctx.template.implementation.createHTMLDocument('');
  doc.replaceChild(doc.importNode(ctx.template.documentElement, true), doc.documentElement);
  const languageOf = (version: Item) => version.language ?? ctx.feed.language;
  const language = languageOf(item) ?? 'en';
  const { ui, locale } = catalogueFor(language);
  const title = displayTitle(item);
  const description = describe(item, locale);
  const url = itemUrl(item, ctx.site);
  const image = httpOnly(item.image ?? item.bannerImage);
  const others = translationsOf(item, ctx);

  const el = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attributes: Record<string, string | undefined> = {},
    ...children: (Node | string | undefined)[]
  ): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value !== undefined) node.setAttribute(name, value);
    }
    for (const child of children) if (child !== undefined) node.append(child);
    return node;
  };

  // The head: what chat apps, search engines and feed readers read.
  doc.documentElement.lang = language;
  const head = doc.head;
  doc.title = `${title} · ${ctx.siteName}`;
  // The app's name, for the app to restore as the title when it takes over (src/main.tsx).
  head.append(el('meta', { name: 'application-name', content: ctx.siteName }));
  doc.querySelectorAll('meta[name="description"]').forEach((node) => node.remove());
  const meta = (key: 'name' | 'property', name: string, content: string | undefined) => {
    if (content) head.append(el('meta', { [key]: name, content }));
  };
  meta('name', 'description', description);
  head.append(el('link', { rel: 'canonical', href: url }));
  for (const version of [item, ...others]) {
    const hreflang = languageOf(version);
    if (hreflang && others.length) {
      head.append(el('link', { rel: 'alternate', hreflang, href: itemUrl(version, ctx.site) }));
    }
  }
  meta('property', 'og:type', 'article');
  meta('property', 'og:site_name', ctx.siteName);
  meta('property', 'og:title', title);
  meta('property', 'og:description', description);
  meta('property', 'og:url', url);
  meta('property', 'og:locale', ogLocale(language));
  for (const other of others) {
    const lang = languageOf(other);
    if (lang) meta('property', 'og:locale:alternate', ogLocale(lang));
  }
  meta('property', 'og:image', image);
  if (item.kind === 'news') {
    meta('property', 'article:published_time', item.datePublished);
    meta('property', 'article:modified_time', item.dateModified);
  }
  meta('name', 'twitter:card', image ? 'summary_large_image' : 'summary');
  meta('name', 'twitter:title', title);
  meta('name', 'twitter:description', description);
  meta('name', 'twitter:image', image);
  // The page has its text: "needs JavaScript" would now be untrue.
  doc.querySelectorAll('noscript').forEach((node) => node.remove());

  // The body: the item itself, readable without JavaScript, in the app's own classes.
  const article = el('article', { class: 'page article', lang: language });
  article.append(el('h1', {}, title));
  const named = others.filter((other) => languageOf(other) && languageOf(other) !== language);
  if (named.length) {
    const line = el('p', { class: 'other-languages' }, `${ui.item.readIn} `);
    named.forEach((other, index) => {
      const lang = languageOf(other) ?? '';
      if (index) line.append(' · ');
      line.append(el('a', { href: itemPath(other), hreflang: lang, lang }, languageName(lang, lang)));
    });
    article.append(line);
  }
  if (item.kind === 'news') {
    const authors = item.authors.flatMap((a) => (a.name ? [a.name] : []));
    const line = el('p', { class: 'article-meta' });
    if (item.datePublished) {
      line.append(
        el(
          'time',
          { datetime: item.datePublished },
          formatDate(item.datePublished, locale, ctx.feed.timezone),
        ),
        ' ',
      );
    }
    if (authors.length)
      line.append(el('span', {}, ui.item.by.replace('{{ names }}', formatList(authors, locale))));
    if (line.childNodes.length) article.append(line);
  }
  const facts = el('dl', { class: 'facts' });
  const fact = (label: string, value: Node | string | undefined) => {
    if (value) facts.append(el('dt', {}, label), el('dd', {}, value));
  };
  if (item.event) {
    fact(ui.events.when, formatEventTime(item.event, locale, item.event.timezone));
    const venue = item.event.venue;
    fact(ui.events.venue, [venue?.name, venue?.address].filter(Boolean).join(', '));
  }
  const contact = item.contact;
  if (contact) {
    const tel = contact.phone ? telHref(contact.phone) : undefined;
    fact(ui.contacts.phone, contact.phone && (tel ? el('a', { href: tel }, contact.phone) : contact.phone));
    fact(ui.contacts.email, contact.email && el('a', { href: `mailto:${contact.email}` }, contact.email));
    const website = httpOnly(contact.website);
    fact(ui.contacts.website, website && el('a', { href: website, rel: 'noopener' }, website));
    fact(ui.contacts.address, contact.address);
    fact(ui.contacts.hours, contact.hours);
    fact(
      ui.contacts.languages,
      formatList(
        contact.languages.map((tag) => languageName(tag, locale)),
        locale,
      ),
    );
  }
  if (facts.childNodes.length) article.append(facts);
  if (image) {
    // On the page itself an image of this site is linked by path, so any host of the build works.
    const src = image.startsWith(`${ctx.site}/`) ? image.slice(ctx.site.length) : image;
    article.append(el('img', { class: 'article-image', src, alt: '' }));
  }
  const prose = el('div', { class: 'prose', lang: language });
  if (item.contentHtml) {
    prose.innerHTML = ctx.sanitize(item.contentHtml);
  } else {
    for (const paragraph of (item.contentText ?? '').split(/\n\s*\n/)) {
      if (paragraph.trim()) prose.append(el('p', {}, paragraph));
    }
  }
  article.append(prose);
  const original = httpOnly(item.externalUrl ?? item.url);
  if (original) {
    article.append(
      el(
        'p',
        { class: 'original' },
        el('a', { href: original, rel: 'noopener noreferrer' }, ui.item.original),
      ),
    );
  }
  const root = doc.getElementById('root');
  if (!root) throw new Error('The built index.html has no #root element.');
  // The app's own header and main column, so the page reads like the app and the switch to
  // the app when it starts does not move the text.
  const brand = el(
    'a',
    { href: '/', class: 'brand' },
    el('img', { src: '/icon.svg', alt: '', width: '28', height: '28' }),
  );
  brand.append(el('span', {}, ctx.siteName));
  root.replaceChildren(el('header', { class: 'app-header' }, brand), el('main', { id: 'main' }, article));
  return `<!DOCTYPE html>\n${doc.documentElement.outerHTML}\n`;
}

const xml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  );

/** The newest of the item's dates, for `<lastmod>`. */
const lastModified = (item: Item) => item.dateModified ?? item.datePublished;

/** `sitemap.xml`: the section pages and every item's address, with dates and translations. */
export function sitemap(items: readonly Item[], site: string, feedLanguage?: string): string {
  const byId = new Map(items.map((item) => [item.id, item]));
  const newest = (kind: Item['kind']) =>
    items
      .filter((item) => item.kind === kind)
      .map(lastModified)
      .filter((date): date is string => date !== undefined)
      .sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  const entry = (loc: string, lastmod?: string, alternates: string[] = []) =>
    `  <url>\n    <loc>${xml(loc)}</loc>\n${lastmod ? `    <lastmod>${xml(lastmod)}</lastmod>\n` : ''}${alternates.join('')}  </url>\n`;
  const sections = [
    entry(`${site}/`, newest('news')),
    entry(`${site}/${SECTION.event}`, newest('event')),
    entry(`${site}/${SECTION.contact}`, newest('contact')),
  ];
  const pages = items.map((item) => {
    const group = [item, ...item.translations.flatMap((tr) => byId.get(tr.id) ?? [])];
    const alternates =
      group.length > 1
        ? group.flatMap((version) => {
            const hreflang = version.language ?? feedLanguage;
            return hreflang
              ? [
                  `    <xhtml:link rel="alternate" hreflang="${xml(hreflang)}" href="${xml(itemUrl(version, site))}"/>\n`,
                ]
              : [];
          })
        : [];
    return entry(itemUrl(item, site), lastModified(item), alternates);
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
    [...sections, ...pages].join('') +
    '</urlset>\n'
  );
}

/** `robots.txt`: everything may be crawled; the sitemap says where the items are. */
export function robots(site: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${site}/sitemap.xml\n`;
}

/** What a prerender run wrote and what it left out. */
export interface PrerenderReport {
  pages: string[];
  skipped: string[];
}

/** Writes the item pages, sitemap.xml and robots.txt into a built `dist` folder. */
export function prerender(options: { distDir: string; site: string; now?: number }): PrerenderReport {
  const { distDir, site } = options;
  const template = readFileSync(join(distDir, 'index.html'), 'utf8');
  const report: PrerenderReport = { pages: [], skipped: [] };
  writeFileSync(join(distDir, 'robots.txt'), robots(site));

  const feedFile = join(distDir, 'feed.json');
  const parsed = existsSync(feedFile)
    ? parseFeed(readFileSync(feedFile, 'utf8'), {
        baseUrl: `${site}/feed.json`,
        receivedAt: options.now ?? Date.now(),
      })
    : ({ ok: false, error: 'There is no feed.json in the build.' } as const);
  if (!parsed.ok) {
    console.warn(`prerender: no item pages (${parsed.error})`);
    writeFileSync(join(distDir, 'sitemap.xml'), sitemap([], site));
    return report;
  }
  const { items, meta } = parsed;
  const { window } = new JSDOM(template);
  const ctx: PageContext = {
    site,
    siteName: window.document.title || meta.title,
    feed: meta,
    template: window.document,
    byId: new Map(items.map((item) => [item.id, item])),
    sanitize: createSanitizer(window),
  };
  for (const item of items) {
    if (!safeKey(item.key)) {
      report.skipped.push(item.key);
      console.warn(`prerender: skipped "${item.key}": not usable as a file name (the app still opens it)`);
      continue;
    }
    const folder = join(distDir, SECTION[item.kind], item.key);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'index.html'), renderItemPage(item, ctx));
    report.pages.push(itemPath(item));
  }
  writeFileSync(join(distDir, 'sitemap.xml'), sitemap(items, site, meta.language));
  return report;
}

/** Vite plugin: prerenders at the end of every production build, so `vite build` alone does it. */
export function prerenderPlugin(): Plugin {
  let distDir = 'dist';
  return {
    name: 'citylink-prerender',
    apply: (_config, env) => env.command === 'build' || env.isPreview === true,
    configResolved(config) {
      distDir = resolve(config.root, config.build.outDir);
    },
    configurePreviewServer(server) {
      // `vite preview` answers `/news/<key>` with `news/<key>.html` or the SPA fallback, never
      // `news/<key>/index.html`: point item addresses at their prerendered page, as a host would.
      server.middlewares.use((req, _res, next) => {
        const [path = '', query] = (req.url ?? '').split('?', 2);
        const match = /^\/([a-z]+)\/([^/]+)$/.exec(path);
        if (
          match &&
          Object.values(SECTION).includes(match[1] ?? '') &&
          safeKey(match[2] ?? '') &&
          existsSync(join(distDir, path, 'index.html'))
        ) {
          req.url = `${path}/index.html${query === undefined ? '' : `?${query}`}`;
        }
        next();
      });
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        // Other builds in the same run (the worker's) have no index.html: nothing to do there.
        if (!existsSync(join(distDir, 'index.html'))) return;
        const report = prerender({ distDir, site: siteUrl() });
        console.log(
          `prerender: ${report.pages.length} item pages, sitemap.xml and robots.txt for ${siteUrl()}`,
        );
      },
    },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const report = prerender({ distDir: resolve(process.argv[2] ?? 'dist'), site: siteUrl() });
  console.log(`prerender: ${report.pages.length} item pages, ${report.skipped.length} skipped`);
}
