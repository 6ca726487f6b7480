/**
 * Server rendering at build time. After `vite build`, renders the app's own Solid components
 * (src/entry-server.tsx, loaded through a Vite SSR server) for `/`, `/events`, `/contacts` and
 * every item of the build-time feed, at each one's address (`dist/news/<key>/index.html`, …).
 * Each page holds its first screen as HTML with the CSS inline, the head tags link previews
 * read, and what the page needs to hydrate; `dist/shell.html` is the same page with an empty
 * root, which the worker serves offline. Also writes `sitemap.xml` and `robots.txt`.
 *
 * Runs by itself at the end of every production build (the Vite plugin below). Canonical and
 * Open Graph links use `CITYLINK_SITE_URL`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { createServer, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';
import type * as ServerEntryModule from '../src/entry-server';
import { chooseLanguage, LANGUAGES, type Language } from '../packages/core/src/languages';
import type { FeedMeta, Item } from '../packages/core/src/model';
import { isAppPage, itemPath, itemUrl, SECTION } from '../packages/core/src/paths';
import { bodyText, displayTitle, escapeHtml, truncate } from '../packages/core/src/text';
import { translationGroups } from '../packages/core/src/translations';
import { formatEventTime, zoneName } from '../packages/core/src/event-time';

type ServerEntry = typeof ServerEntryModule;

/** Where a local build is served (`npm start`): the origin used when none is configured. */
export const DEFAULT_SITE_URL = 'http://127.0.0.1:4173';

/** The page the worker answers every navigation with: the app with an empty root. */
export const SHELL = 'shell.html';

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

/** Open Graph's `ll_CC` form of a language tag (`zh-Hans` → `zh_CN`), when it has one. */
export function ogLocale(tag: string): string | undefined {
  try {
    const full = new Intl.Locale(tag).maximize();
    return full.region ? `${full.language}_${full.region}` : undefined;
  } catch {
    return undefined;
  }
}

/** The interface language a page in `tag` is rendered in. */
export function pageLocale(tag: string | undefined): Language {
  return chooseLanguage(tag ? [tag] : []);
}

/** One or two sentences for previews: the summary, else the start of the text, else the facts. */
export function describe(item: Item, locale: string): string {
  const text = item.summary?.trim() || truncate(bodyText(item), 200);
  if (text) return text;
  if (item.event) {
    const venue = item.event.venue?.name ?? item.event.venue?.address;
    return [eventTime(item.event, locale), venue].filter(Boolean).join(' · ');
  }
  const contact = item.contact;
  return contact ? [contact.role, contact.organization, contact.address].filter(Boolean).join(' · ') : '';
}

/** An event's date and time for a preview, in the venue's zone, named (calendar days need none). */
function eventTime(event: NonNullable<Item['event']>, locale: string): string {
  const time = formatEventTime(event, locale, event.timezone, { date: 'medium' });
  if (event.allDay) return time;
  const zone = zoneName(locale, event.timezone);
  return locale.startsWith('zh') ? `${time}（${zone}）` : `${time} (${zone})`;
}

const httpOnly = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

/** What the head of one page says about it. */
export interface PageHead {
  lang: string;
  title: string;
  description: string;
  /** Absolute. */
  canonical: string;
  type: 'website' | 'article';
  siteName: string;
  image?: string;
  /** Other language versions of the page: `[hreflang, absolute url]`. */
  alternates: [string, string][];
  published?: string;
  modified?: string;
}

/** The head tags for one page: description, canonical, hreflang, Open Graph and Twitter card. */
export function headTags(head: PageHead): string {
  const tags: string[] = [];
  const meta = (key: 'name' | 'property', name: string, content: string | undefined) => {
    if (content) tags.push(`<meta ${key}="${name}" content="${escapeHtml(content)}">`);
  };
  meta('name', 'description', head.description);
  tags.push(`<link rel="canonical" href="${escapeHtml(head.canonical)}">`);
  if (head.alternates.length) {
    for (const [lang, href] of [[head.lang, head.canonical], ...head.alternates]) {
      tags.push(
        `<link rel="alternate" hreflang="${escapeHtml(lang ?? '')}" href="${escapeHtml(href ?? '')}">`,
      );
    }
  }
  meta('property', 'og:type', head.type);
  meta('property', 'og:site_name', head.siteName);
  meta('property', 'og:title', head.title);
  meta('property', 'og:description', head.description);
  meta('property', 'og:url', head.canonical);
  meta('property', 'og:locale', ogLocale(head.lang));
  for (const [lang] of head.alternates) meta('property', 'og:locale:alternate', ogLocale(lang));
  meta('property', 'og:image', head.image);
  meta('property', 'article:published_time', head.published);
  meta('property', 'article:modified_time', head.modified);
  meta('name', 'twitter:card', head.image ? 'summary_large_image' : 'summary');
  meta('name', 'twitter:title', head.title);
  meta('name', 'twitter:description', head.description);
  meta('name', 'twitter:image', head.image);
  return tags.join('\n    ');
}

/** The parts of a rendered page that go into the built `index.html`. */
export interface PageParts {
  lang: string;
  /** The document title. */
  title: string;
  /** Head tags from `headTags`. */
  head: string;
  /** Solid's hydration bootstrap script. */
  hydrationScript: string;
  /** The app's CSS, inlined so the first paint needs no other request. */
  css: string;
  /** Script chunks the page's screen needs, preloaded with the entry's rather than after it. */
  preloads: string[];
  /** The chunks of the other languages' interface catalogues, for a reader of one of them. */
  catalogues: Record<string, string[]>;
  /** Attributes of `#root` (the render's context, src/lib/hydration.ts). */
  rootAttributes: Record<string, string>;
  /** The rendered screen. */
  body: string;
}

/** The stylesheet the built `index.html` links (the app's CSS), if any. */
export function stylesheetOf(template: string): string | undefined {
  return /<link rel="stylesheet"[^>]*href="([^"]+)"/.exec(template)?.[1];
}

/** An emitted asset's content as text. */
export function textOf(source: string | Uint8Array): string {
  return typeof source === 'string' ? source : new TextDecoder().decode(source);
}

/** CSS as the text of a `<style>` element: nothing in it can close the element. */
function styleText(css: string): string {
  return css.replace(/<\/style/gi, '<\\/style');
}

/**
 * `html` (the built `index.html`: a rendered page, or the shell the worker answers every
 * navigation with, often with the address's last screen in its root, src/sw/snapshot.ts) with
 * the app's stylesheet inline, so the first paint waits on no request. The link stays,
 * `disabled`, which browsers do not fetch: Vite's loader links a chunk's CSS when the chunk is
 * imported unless the page already has a stylesheet link to it, and would otherwise fetch the
 * sheet again and restyle the whole page while the app takes over.
 */
export function inlineStylesheet(html: string, css: string): string {
  const link = /<link rel="stylesheet"[^>]*>/;
  if (!link.test(html)) throw new Error('The built index.html has no stylesheet link.');
  return html.replace(
    link,
    (tag) => `<style>${styleText(css)}</style>${tag.replace(/\s*\/?>$/, ' disabled>')}`,
  );
}

/** A page: the built `index.html` (the template) with one screen rendered into it. */
export function assemble(template: string, parts: PageParts): string {
  const root = Object.entries(parts.rootAttributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  const swap = (out: string, pattern: RegExp, replacement: string) => {
    if (!pattern.test(out)) throw new Error(`The built index.html has no ${pattern.source}.`);
    return out.replace(pattern, () => replacement);
  };
  let out = template;
  out = swap(out, /<html lang="[^"]*"/, `<html lang="${escapeHtml(parts.lang)}"`);
  out = swap(out, /<title>[^<]*<\/title>/, `<title>${escapeHtml(parts.title)}</title>`);
  out = out.replace(/\s*<meta name="description"[^>]*>/, '');
  out = inlineStylesheet(out, parts.css);
  out = swap(out, /<\/head>/, `  ${[parts.head, parts.hydrationScript].join('\n    ')}\n  </head>`);
  out = swap(out, /<div id="root"><\/div>/, `<div id="root"${root}>${parts.body}</div>`);
  // The page carries its content: "needs JavaScript" would be untrue.
  out = out.replace(/\s*<noscript>[\s\S]*?<\/noscript>/, '');
  // The app's code is asked for once the page has painted, not from the head: the first screen
  // is in the HTML, and on a slow connection nothing should compete with it for the first paint.
  const entry = /\s*<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>/.exec(out);
  if (!entry?.[1]) throw new Error('The built index.html has no module script.');
  out = out.replace(entry[0], '');
  const preloads: string[] = [];
  out = out.replace(/\s*<link rel="modulepreload"[^>]*\shref="([^"]+)"[^>]*>/g, (_tag, href: string) => {
    preloads.push(href);
    return '';
  });
  return swap(
    out,
    /<\/body>/,
    `  ${loader(entry[1], [...preloads, ...parts.preloads], parts.catalogues)}\n  </body>`,
  );
}

/**
 * The script that loads the app once the page has painted, loaded (`load`) and shown the
 * pictures on its first screen: module preloads for every chunk the screen needs, then the
 * entry. A dynamic `import()`, not a script element, so that no string goes to a Trusted Types
 * sink.
 *
 * Why so late: the first screen is in the HTML, and a request started before the largest paint
 * holds that paint up on a slow connection (Lighthouse's LCP counts every such request). An
 * item's picture is often its largest paint, and feed pictures are `loading="lazy"` (so that
 * data saver, which hides them, never fetches them): lazy pictures do not hold up `load`, so
 * the loader waits for those on the first screen itself (at most PICTURE_WAIT_MS), then a frame.
 *
 * A reader whose language is not the page's reads the page's until the app starts: for them it
 * starts after the first paint without waiting for `load` or pictures, and preloads their
 * catalogue too (`catalogues`: chunks by language). Their language is found as the app finds it
 * (src/i18n/index.ts: the setting chosen by hand, else the first of the device's languages we
 * have), from the same stored record index.html's first script reads.
 */
export function loader(
  entry: string,
  preloads: readonly string[],
  catalogues: Record<string, string[]> = {},
): string {
  const js = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  return (
    `<script>(function () { var catalogues = ${js(catalogues)};` +
    ` function go() { ${js(preloads)}.concat(early && catalogues[lang] || []).forEach(function (href) { var link = document.createElement('link'); link.rel = 'modulepreload'; link.href = href; document.head.appendChild(link); });` +
    ` import(${js(entry)}); }` +
    ' function afterPaint(next) { requestAnimationFrame(function () { setTimeout(next, 0); }); }' +
    ' function afterPictures(next) { var left = 0, done = false;' +
    ' function finish() { if (!done) { done = true; afterPaint(next); } } function one() { if (--left === 0) finish(); }' +
    ' for (var i = 0; i < document.images.length; i++) { var img = document.images[i], box = img.getBoundingClientRect();' +
    " if (!img.complete && box.width > 0 && box.bottom > 0 && box.top < innerHeight) { left++; img.addEventListener('load', one); img.addEventListener('error', one); } }" +
    ` if (left === 0) finish(); else setTimeout(finish, ${PICTURE_WAIT_MS}); }` +
    ' function start() { afterPaint(function () { afterPictures(go); }); }' +
    " function reader() { try { var s = JSON.parse(localStorage.getItem('citylink.settings') || '{}') || {};" +
    " if (s.language === 'en' || s.language === 'zh-Hans') return s.language; } catch (e) {}" +
    ' var tags = navigator.languages || []; for (var i = 0; i < tags.length; i++) { var tag = String(tags[i]).toLowerCase();' +
    " if (tag.indexOf('zh') === 0) return 'zh-Hans'; if (tag.indexOf('en') === 0) return 'en'; } return 'en'; }" +
    " var lang = reader(), early = lang !== document.getElementById('root').getAttribute('data-render-locale');" +
    " if (early) afterPaint(go); else if (document.readyState === 'complete') start(); else addEventListener('load', start); })();</script>"
  );
}

/**
 * The longest the app's code waits for the first screen's pictures (ms): on a slow connection
 * a large picture must not keep the app (search, saving, offline) from the reader for long.
 */
export const PICTURE_WAIT_MS = 3000;

/** The screen module each kind of address shows, as Vite's manifest names it. */
const SCREEN_MODULES: Record<string, string> = {
  '/': 'src/features/news/NewsList.tsx',
  '/events': 'src/features/events/EventsList.tsx',
  '/contacts': 'src/features/contacts/ContactsList.tsx',
  news: 'src/features/news/Article.tsx',
  event: 'src/features/events/EventPage.tsx',
  contact: 'src/features/contacts/ContactPage.tsx',
};

/**
 * The parts of a language's interface catalogue a screen hydrates with (src/i18n/index.ts): the
 * home screen's text is all in the core part; every other screen's route also awaits the rest
 * (`loadMore()`, src/app/App.tsx).
 */
function textParts(locale: string, screen: string): string[] {
  const core = `src/i18n/${locale}.core.ts`;
  return screen === SCREEN_MODULES['/'] ? [core] : [core, `src/i18n/${locale}.more.ts`];
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
  css?: string[];
}

/** The chunks a screen needs that the entry does not already preload, from Vite's manifest. */
function screenPreloads(manifest: Record<string, ManifestChunk>, screen: string): string[] {
  const closure = (key: string, into = new Set<string>()) => {
    if (into.has(key)) return into;
    into.add(key);
    for (const next of manifest[key]?.imports ?? []) closure(next, into);
    return into;
  };
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  const loaded = entry ? closure(entry) : new Set<string>();
  return [...closure(screen)]
    .filter((key) => !loaded.has(key))
    .map((key) => `/${manifest[key]?.file ?? key}`);
}
/** The newest of the item's dates, for `<lastmod>`. */
const lastModified = (item: Item) => item.dateModified ?? item.datePublished;

/** `sitemap.xml`: the section pages and every item's address, with dates and translations. */
export function sitemap(items: readonly Item[], site: string, feedLanguage?: string): string {
  const groups = translationGroups(items);
  const newest = (kind: Item['kind']) =>
    items
      .filter((item) => item.kind === kind)
      .map(lastModified)
      .filter((date): date is string => date !== undefined)
      .sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  const entry = (loc: string, lastmod?: string, alternates: string[] = []) =>
    `  <url>\n    <loc>${escapeHtml(loc)}</loc>\n${lastmod ? `    <lastmod>${escapeHtml(lastmod)}</lastmod>\n` : ''}${alternates.join('')}  </url>\n`;
  const sections = [
    entry(`${site}/`, newest('news')),
    entry(`${site}/${SECTION.event}`, newest('event')),
    entry(`${site}/${SECTION.contact}`, newest('contact')),
  ];
  const pages = items.map((item) => {
    const group = groups.members(item.id);
    const alternates =
      group.length > 1
        ? group.flatMap((version) => {
            const hreflang = version.language ?? feedLanguage;
            return hreflang
              ? [
                  `    <xhtml:link rel="alternate" hreflang="${escapeHtml(hreflang)}" href="${escapeHtml(itemUrl(version, site))}"/>\n`,
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

/** What a build tells the prerender. */
export interface PrerenderOptions {
  distDir: string;
  site: string;
  /** The project root, where `src/entry-server.tsx` is. */
  root?: string;
  /** The build's `define` and mode, so the server render sees the same constants. */
  define?: Record<string, unknown>;
  mode?: string;
  /** The build's "now" (tests fix it). */
  now?: number;
}

/** Loads the server entry through a Vite SSR server, with a database of its own. */
async function loadServerEntry(
  options: PrerenderOptions,
): Promise<{ entry: ServerEntry; close: () => Promise<void> }> {
  // IndexedDB's classes (IDBRequest…) as fake-indexeddb/auto would install them, and a fresh
  // database for each run: the data layer opens whatever `indexedDB` is.
  const fake: Record<string, unknown> = { ...(await import('fake-indexeddb')) };
  for (const [name, value] of Object.entries(fake)) {
    if (name.startsWith('IDB')) Object.assign(globalThis, { [name]: value });
  }
  const { IDBFactory } = await import('fake-indexeddb');
  globalThis.indexedDB = new IDBFactory();
  const server = await createServer({
    configFile: false,
    root: options.root ?? process.cwd(),
    mode: options.mode ?? 'production',
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
    define: options.define,
    // ESM packages Node would otherwise load through their CommonJS builds.
    ssr: { noExternal: ['workbox-window'] },
    plugins: [solid({ ssr: true })],
  });
  const entry = (await server.ssrLoadModule('/src/entry-server.tsx')) as ServerEntry;
  entry.sanitizeOver(new JSDOM('').window, options.site);
  return { entry, close: () => server.close() };
}

/**
 * Writes the rendered pages, the items' calendar and contact files, sitemap.xml and robots.txt
 * into a built `dist` folder.
 */
export async function prerender(options: PrerenderOptions): Promise<PrerenderReport> {
  const { distDir, site } = options;
  const now = options.now ?? Date.now();
  const template = readFileSync(join(distDir, 'index.html'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const cssFile = stylesheetOf(template);
  const css = cssFile ? readFileSync(join(distDir, cssFile), 'utf8') : '';
  const siteName = /<title>([^<]*)<\/title>/.exec(template)?.[1] ?? 'Citylink';
  const appDescription = /<meta name="description" content="([^"]*)"/.exec(template)?.[1] ?? '';
  const report: PrerenderReport = { pages: [], skipped: [] };
  writeFileSync(join(distDir, 'robots.txt'), robots(site));

  const { entry, close } = await loadServerEntry(options);
  try {
    // The feed of the build, stored by the app's own sync; its pages are files of the build.
    const feedUrl = `${site}/feed.json`;
    const readDist: typeof fetch = (input) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const file = join(distDir, decodeURIComponent(url.pathname));
      const found = url.origin === site && existsSync(file) && !file.endsWith('/');
      return Promise.resolve(
        found
          ? new Response(readFileSync(file), { headers: { 'content-type': 'application/feed+json' } })
          : new Response('Not in the build', { status: 404 }),
      );
    };
    const sync = existsSync(join(distDir, 'feed.json'))
      ? await entry.storeFeed(feedUrl, readDist, now)
      : undefined;
    if (sync?.outcome !== 'updated') {
      console.warn(`prerender: the build's feed was not stored (${sync?.error?.detail ?? 'no feed.json'})`);
    }
    const meta: FeedMeta | undefined = await entry.getFeedMeta();
    const items = await entry.allItems();

    const write = async (
      path: string,
      screen: string,
      head: Omit<PageHead, 'siteName' | 'title'>,
      name?: string,
    ) => {
      const locale = pageLocale(head.lang);
      const context = { locale, now, path, origin: site };
      const rendered = await entry.renderScreen(context);
      // A component that throws on the server does not stop the render: Solid serializes the
      // error for the page to rethrow. A build must not ship that.
      const thrown = /Object\.assign\(new \w*Error\("([^"]*)"/.exec(rendered.html);
      if (thrown) throw new Error(`prerender: rendering ${path} threw: ${thrown[1]}`);
      const page = assemble(template, {
        lang: head.lang,
        title: entry.documentTitle(locale, name),
        head: headTags({ ...head, siteName, title: name ?? siteName }),
        hydrationScript: rendered.hydrationScript,
        css,
        catalogues: Object.fromEntries(
          LANGUAGES.filter((other) => other !== locale).map((other) => [
            other,
            textParts(other, screen).flatMap((part) => screenPreloads(manifest, part)),
          ]),
        ),
        // The page's catalogue: hydration speaks the page's language (src/i18n/index.ts).
        preloads: [
          ...new Set([
            ...screenPreloads(manifest, screen),
            ...textParts(locale, screen).flatMap((part) => screenPreloads(manifest, part)),
          ]),
        ],
        rootAttributes: entry.renderAttributes(context),
        body: rendered.html,
      });
      const file = join(distDir, path, 'index.html');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, page);
      report.pages.push(path);
    };

    const listLang = meta?.language ?? 'en';
    const lists = [
      ['/', 'nav.news'],
      ['/events', 'nav.events'],
      ['/contacts', 'nav.contacts'],
    ] as const;
    for (const [path, label] of lists) {
      await write(
        path,
        SCREEN_MODULES[path] ?? '',
        {
          lang: listLang,
          description: appDescription,
          canonical: `${site}${path}`,
          type: 'website',
          alternates: [],
        },
        path === '/' ? undefined : entry.translate(pageLocale(listLang), label),
      );
    }

    const groups = translationGroups(items);
    for (const item of items) {
      if (!safeKey(item.key)) {
        report.skipped.push(item.key);
        console.warn(`prerender: skipped "${item.key}": not usable as a file name (the app still opens it)`);
        continue;
      }
      const lang = item.language ?? meta?.language ?? 'en';
      const others = groups.members(item.id).filter((other) => other !== item);
      await write(
        itemPath(item),
        SCREEN_MODULES[item.kind] ?? '',
        {
          lang,
          description: describe(item, pageLocale(lang)),
          canonical: itemUrl(item, site),
          type: 'article',
          image: httpOnly(item.image ?? item.bannerImage),
          alternates: others.flatMap((other) => {
            const tag = other.language ?? meta?.language;
            return tag ? [[tag, itemUrl(other, site)] as [string, string]] : [];
          }),
          published: item.kind === 'news' ? item.datePublished : undefined,
          modified: item.kind === 'news' ? item.dateModified : undefined,
        },
        displayTitle(item),
      );
      // "Add to calendar" and "Save contact" link to these, for readers without JavaScript.
      const context = { locale: pageLocale(lang), now, path: itemPath(item), origin: site };
      for (const file of entry.itemFiles(item, context)) {
        const target = join(distDir, decodeURIComponent(file.path));
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, file.text);
      }
    }
    writeFileSync(join(distDir, 'sitemap.xml'), sitemap(items, site, meta?.language));
  } finally {
    await close();
  }
  return report;
}

/** Item and list addresses that have a rendered page (`/news/<key>`, `/events`), for `vite preview`. */
function renderedPage(distDir: string, path: string): string | undefined {
  const match = /^\/([a-z]+)(?:\/([^/]+))?\/?$/.exec(path);
  if (!match || !Object.values(SECTION).includes(match[1] ?? '')) return undefined;
  if (match[2] !== undefined && !safeKey(match[2])) return undefined;
  const page = `${path.replace(/\/$/, '')}/index.html`;
  return existsSync(join(distDir, page)) ? page : undefined;
}

/** Vite plugin: renders the pages at the end of every production build, so `vite build` alone does it. */
export function prerenderPlugin(): Plugin {
  let distDir = 'dist';
  let root = process.cwd();
  let define: Record<string, unknown> | undefined;
  let mode = 'production';
  // Path prefixes `preview.proxy` forwards (the push service's /push/): never the app's page.
  let proxied: string[] = [];
  return {
    name: 'citylink-prerender',
    apply: (_config, env) => env.command === 'build' || env.isPreview === true,
    configResolved(config) {
      distDir = resolve(config.root, config.build.outDir);
      root = config.root;
      define = config.define;
      mode = config.mode;
      proxied = Object.keys(config.preview.proxy ?? {}).filter((key) => key.startsWith('/'));
    },
    // The shell is the built index.html before any screen is rendered into it, its stylesheet
    // inline as in the rendered pages (`inlineStylesheet`). Emitted with the bundle, so the worker's
    // precache (made before the pages are rendered) lists it; cspPlugin() hashes its style.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const index = bundle['index.html'];
        if (index?.type !== 'asset') return;
        const source = textOf(index.source);
        const href = stylesheetOf(source);
        const css = href ? bundle[href.replace(/^\//, '')] : undefined;
        if (href && css?.type !== 'asset') {
          throw new Error(`The built index.html links ${href}, not in the bundle.`);
        }
        const shell = css?.type === 'asset' ? inlineStylesheet(source, textOf(css.source)) : source;
        this.emitFile({ type: 'asset', fileName: SHELL, source: shell });
      },
    },
    configurePreviewServer(server) {
      // As a host would (docs/deployment.md): an address with a rendered page gets it, any
      // other page address the shell; files are served as they are, and what the preview
      // proxies (the push service, docs/push.md) goes on to its proxy untouched.
      server.middlewares.use((req, _res, next) => {
        const [path = '', query] = (req.url ?? '').split('?', 2);
        if (proxied.some((prefix) => path.startsWith(prefix))) return next();
        const page = renderedPage(distDir, path);
        if (page) req.url = page;
        else if (path !== '/' && isAppPage(path) && !existsSync(join(distDir, path))) req.url = `/${SHELL}`;
        if (query !== undefined) req.url += `?${query}`;
        next();
      });
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        // Other builds in the same run (the worker's) have no index.html: nothing to do there.
        if (!existsSync(join(distDir, 'index.html'))) return;
        const started = Date.now();
        const report = await prerender({ distDir, site: siteUrl(), root, define, mode });
        console.log(
          `prerender: ${report.pages.length} pages in ${Date.now() - started} ms, sitemap.xml and robots.txt for ${siteUrl()}`,
        );
      },
    },
  };
}
