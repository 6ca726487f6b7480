/**
 * Server rendering at build time. After `vite build`, renders the app's own Solid components
 * (src/entry-server.tsx, loaded through a Vite SSR server) for `/`, `/events`, `/contacts` and
 * every item of the build-time feed, at each one's address (`dist/news/<key>/index.html`, …).
 * Each page holds its first screen as HTML with the CSS inline, the head tags link previews
 * read, and what the page needs to hydrate; `dist/shell.html` is the same page with an empty
 * root, which the worker serves offline. Also writes `sitemap.xml` and `robots.txt`.
 *
 * Runs by itself at the end of every production build (the Vite plugin below). Canonical and
 * Open Graph links use the city's site address (citylink.config.ts, or `CITYLINK_SITE_URL`).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { createServer, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';
import type * as ServerEntryModule from '../src/entry-server';
import { LANGUAGES } from '../packages/core/src/languages';
import type { FeedMeta } from '../packages/core/src/model';
import { itemPath, itemUrl } from '../packages/core/src/paths';
import { translationGroups } from '../packages/core/src/translations';
import { pageLocale, SCREEN_MODULES, screenPreloads, textParts, type ManifestChunk } from './chunks';
import { describe, headTags, httpOnly, type PageHead } from './head';
import { LOADER_MODULE } from './loader';
import { appHead, assemble, inlineStylesheet, SHELL, stylesheetOf, textOf } from './html';
import { safeKey } from './pages';
import { robots, sitemap } from './sitemap';

type ServerEntry = typeof ServerEntryModule;

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
  /**
   * The feed another system publishes (citylink.config.ts), read over the network by the app's
   * own sync: the pages are rendered from it, and the build fails when it cannot be read.
   * Without it, the build's own `feed.json`.
   */
  feedUrl?: string;
}

/** The pages the build follows of a feed another system publishes: all of them, within reason. */
export const BUILD_FEED_PAGES = 1000;

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
  const loaderFile = manifest[LOADER_MODULE]?.file;
  if (!loaderFile) throw new Error(`The build has no ${LOADER_MODULE} (vite.config.ts builds it).`);
  const loader = readFileSync(join(distDir, loaderFile), 'utf8');
  const cssFile = stylesheetOf(template);
  const css = cssFile ? readFileSync(join(distDir, cssFile), 'utf8') : '';
  const app = appHead(template);
  const siteName = app.title ?? 'Citylink';
  const appDescription = app.description ?? '';
  const report: PrerenderReport = { pages: [], skipped: [] };
  writeFileSync(join(distDir, 'robots.txt'), robots(site));

  const { entry, close } = await loadServerEntry(options);
  try {
    let sync;
    if (options.feedUrl) {
      // The city's feed from another system: the app's own sync, its timeout and paging rules.
      sync = await entry.storeFeed(options.feedUrl, fetch, now, BUILD_FEED_PAGES);
      if (sync.outcome !== 'updated') {
        const why = sync.error ? `${sync.error.kind}: ${sync.error.detail}` : `${sync.outcome}`;
        throw new Error(`prerender: could not read the city's feed at ${options.feedUrl} (${why}).`);
      }
    } else {
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
      sync = existsSync(join(distDir, 'feed.json'))
        ? await entry.storeFeed(feedUrl, readDist, now)
        : undefined;
      if (sync?.outcome !== 'updated') {
        console.warn(`prerender: the build's feed was not stored (${sync?.error?.detail ?? 'no feed.json'})`);
      }
    }
    const meta: FeedMeta | undefined = await entry.getFeedMeta();
    const items = await entry.allItems();

    const write = async (path: string, screen: string, head: Omit<PageHead, 'siteName' | 'title'>) => {
      const locale = pageLocale(head.lang);
      const context = { locale, now, path, origin: site };
      const rendered = await entry.renderScreen(context);
      // A component that throws on the server does not stop the render: Solid serializes the
      // error for the page to rethrow. A build must not ship that.
      const thrown = /Object\.assign\(new \w*Error\("([^"]*)"/.exec(rendered.html);
      if (thrown) throw new Error(`prerender: rendering ${path} threw: ${thrown[1]}`);
      const page = assemble(template, {
        lang: head.lang,
        // The screen's own title (src/state/title.ts), as the app sets it once hydrated.
        title: rendered.title,
        head: headTags({ ...head, siteName, title: rendered.name ?? siteName }),
        hydrationScript: rendered.hydrationScript,
        css,
        loader,
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
    for (const path of ['/', '/events', '/contacts']) {
      await write(path, SCREEN_MODULES[path] ?? '', {
        lang: listLang,
        description: appDescription,
        canonical: `${site}${path}`,
        type: 'website',
        alternates: [],
      });
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
      await write(itemPath(item), SCREEN_MODULES[item.kind] ?? '', {
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
      });
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

/** Vite plugin: renders the pages at the end of every production build, so `vite build` alone does it. */
export function prerenderPlugin(feed: { site: string; feedUrl?: string }): Plugin {
  let distDir = 'dist';
  let root = process.cwd();
  let define: Record<string, unknown> | undefined;
  let mode = 'production';
  return {
    name: 'citylink-prerender',
    apply: 'build',
    configResolved(config) {
      distDir = resolve(config.root, config.build.outDir);
      root = config.root;
      define = config.define;
      mode = config.mode;
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
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        // Other builds in the same run (the worker's) have no index.html: nothing to do there.
        if (!existsSync(join(distDir, 'index.html'))) return;
        const started = Date.now();
        const report = await prerender({ distDir, ...feed, root, define, mode });
        console.log(
          `prerender: ${report.pages.length} pages in ${Date.now() - started} ms, sitemap.xml and robots.txt for ${feed.site}`,
        );
      },
    },
  };
}
