/**
 * Byte sizes of a production build, read from `dist/` (no browser): shared by `npm run bench`
 * and the build-output test, which holds them to the budgets of issue 10.
 *
 * Compressed sizes are what a host serving precompressed files sends: gzip at level 9 and
 * brotli at quality 11, each file compressed on its own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';
import { SETTINGS_ID, type LoaderSettings } from '../src/loader/start';

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

/** Budgets (bytes) from issue 10. */
export const BUDGET = {
  /** The entry HTML of `/`, first screen included, gzip. */
  entryHtmlGzip: 14_000,
  /** JavaScript before the home screen is interactive, brotli. */
  interactiveJsBrotli: 25_000,
};

export function sizes(bytes: Uint8Array): Sizes {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

const sum = (list: Sizes[]): Sizes =>
  list.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });

/** The entry HTML of `/`: `dist/index.html`. */
export function entryHtml(dist: string): Sizes {
  return sizes(readFileSync(join(dist, 'index.html')));
}

/** A path of the site (`/assets/x.js`) as a file under `dist`. */
const fileOf = (dist: string, path: string) => join(dist, decodeURIComponent(path.replace(/^\//, '')));

/**
 * The scripts the home screen needs before it is interactive: the module scripts and
 * modulepreloads of `dist/index.html` (in tags, or in the loader settings of a rendered page), and
 * everything they import statically, transitively.
 * Dynamic `import()`s (lazy routes, the workers' code) are left out: they load later.
 */
export async function interactiveJs(dist: string): Promise<{ files: string[]; total: Sizes }> {
  await init();
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const tags = [...html.matchAll(/<(?:script|link)\b[^>]*>/gi)].map((m) => m[0]);
  const entries = tags.flatMap((tag) => {
    const isModule = /^<script\b/i.test(tag) && /\btype=["']?module\b/i.test(tag);
    const isPreload = /^<link\b/i.test(tag) && /\brel=["']?modulepreload\b/i.test(tag);
    const url = /\b(?:src|href)=["']?([^"'\s>]+)/i.exec(tag)?.[1];
    return (isModule || isPreload) && url ? [new URL(url, 'http://site/').pathname] : [];
  });
  // A rendered page loads its code after the first paint: its loader (a module script, above)
  // reads the entry and the chunks to preload from the page's settings (build/loader.ts).
  // Not the catalogues of the other languages: only a reader of one of those loads them.
  const settings = new RegExp(`<script type="application/json" id="${SETTINGS_ID}">([^<]*)</script>`).exec(
    html,
  );
  if (settings?.[1]) {
    const { entry, preloads } = JSON.parse(settings[1]) as LoaderSettings;
    entries.push(...preloads, entry);
  }
  const files = new Set<string>();
  const visit = (path: string) => {
    if (files.has(path)) return;
    files.add(path);
    const [imports] = parse(readFileSync(fileOf(dist, path), 'utf8'));
    for (const spec of imports) {
      // Static imports and re-exports load with the module; `import()` and `import.meta` do not.
      if (spec.type === 'static' || spec.type === 'reexport-star') {
        visit(new URL(spec.specifier, `http://site${path}`).pathname);
      }
    }
  };
  entries.forEach(visit);
  const list = [...files];
  return { files: list, total: sum(list.map((path) => sizes(readFileSync(fileOf(dist, path))))) };
}

/** The URLs the worker precaches, read from the manifest injected into `dist/sw.js`. */
export function precacheUrls(dist: string): string[] {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  return [...sw.matchAll(/"?url"?:\s*"([^"]+)"/g)].map((m) => m[1] ?? '');
}

/** What the precache stores (raw) and what fetching it costs compressed. */
export function precache(dist: string): { files: number; total: Sizes } {
  const urls = precacheUrls(dist);
  return { files: urls.length, total: sum(urls.map((url) => sizes(readFileSync(fileOf(dist, url))))) };
}
