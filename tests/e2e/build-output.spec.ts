import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { JSDOM } from 'jsdom';
import { htmlFiles, policyOf } from '../../build/csp';
import { keepable, NOT_KEPT, settled } from '../../src/app/kept-screen';
import { isAppMarkup } from '../../src/data/snapshot-markup';
import { BUDGET, entryHtml, interactiveJs } from '../../tools/bytes';
import { expect, test } from './fixtures';

// A check of the build itself (no browser): what the worker precaches.
const sw = readFileSync(new URL('../../dist/sw.js', import.meta.url), 'utf8');
const precached = [...sw.matchAll(/"?url"?:\s*"([^"]+)"/g)].map((m) => m[1] ?? '');

test('the precache lists the app shell, not the rendered pages', () => {
  expect(precached).toContain('shell.html');
  // index.html is the home page rendered for first visits; offline, every address gets the shell.
  expect(precached).not.toContain('index.html');
  expect(precached.some((url) => /^assets\/index-[\w-]+\.js$/.test(url))).toBe(true);
  expect(precached.some((url) => /\.css$/.test(url))).toBe(true);
});

test('the precache does not list the feed', () => {
  expect(precached.length).toBeGreaterThan(3);
  expect(precached.filter((url) => /feed/i.test(url))).toEqual([]);
});

test('the opening_hours parser is its own chunk, built but not precached', () => {
  const chunks = readdirSync(new URL('../../dist/assets/on-demand/', import.meta.url));
  expect(chunks).toEqual([expect.stringMatching(/^hours-[\w-]+\.js$/)]);
  // hours-prefetch is the small watcher that decides to fetch the parser: precached like any screen.
  const parser = (url: string) => url.startsWith('assets/on-demand/') || /hours(?!-prefetch-)/.test(url);
  expect(precached.filter(parser)).toEqual([]);
  // Nothing else in the precache is near its size: the parser is in no other chunk either.
  const parserTable = /Tag der Deutschen Einheit/; // a holiday name from its tables
  for (const url of precached.filter((entry) => entry.endsWith('.js'))) {
    expect(readFileSync(new URL(`../../dist/${url}`, import.meta.url), 'utf8')).not.toMatch(parserTable);
  }
});

test("the precache's revision of the shell is the file served, policy included", () => {
  const entry = /\{"revision":"([0-9a-f]+)","url":"shell\.html"\}/.exec(sw);
  const served = createHash('md5')
    .update(readFileSync(new URL('../../dist/shell.html', import.meta.url)))
    .digest('hex');
  expect(entry?.[1]).toBe(served);
});

test('the shell carries the app’s stylesheet inline, allowed by its policy, and links it only disabled', () => {
  const shell = readFileSync(new URL('../../dist/shell.html', import.meta.url), 'utf8');
  const styles = [...shell.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
  expect(styles).toHaveLength(1);
  const href = /<link rel="stylesheet"[^>]*href="\/([^"]+)"[^>]*\sdisabled>/.exec(shell)?.[1] ?? '';
  expect(href).toMatch(/^assets\/app-[\w-]+\.css$/);
  expect(styles[0]).toBe(readFileSync(new URL(`../../dist/${href}`, import.meta.url), 'utf8'));
  expect(shell.match(/<link rel="stylesheet"/g)).toHaveLength(1);
  const hash = createHash('sha256')
    .update(styles[0] ?? '')
    .digest('base64');
  expect(policyOf(shell)).toContain(`'sha256-${hash}'`);
});

test('every HTML file carries a policy meta with the hashes of its own inline scripts', () => {
  const files = htmlFiles(new URL('../../dist/', import.meta.url).pathname);
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    const policy = policyOf(html) ?? '';
    expect(html.match(/http-equiv="Content-Security-Policy"/g), file).toHaveLength(1);
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
      (m) =>
        `'sha256-${createHash('sha256')
          .update(m[1] ?? '')
          .digest('base64')}'`,
    );
    expect(inline.length, file).toBeGreaterThan(0);
    for (const hash of inline) expect(policy, file).toContain(hash);
  }
});

test('the worker is a classic script, not an ES module', () => {
  expect(sw).not.toMatch(/^export\s|\bexport\s+default\b|^import\s/m);
});

test('prerendered item pages, sitemap.xml and robots.txt are built but not precached', () => {
  const dist = new URL('../../dist/', import.meta.url);
  const sitemap = readFileSync(new URL('sitemap.xml', dist), 'utf8');
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
  const items = locs.filter((path) => /^\/(news|events|contacts)\/[^/]+$/.test(path));
  expect(items.length).toBeGreaterThan(10);
  for (const path of items) {
    expect(readFileSync(new URL(`.${path}/index.html`, dist), 'utf8')).toContain('rel="canonical"');
  }
  expect(readFileSync(new URL('robots.txt', dist), 'utf8')).toMatch(
    /^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m,
  );
  expect(
    precached.filter((url) => /^(news|events|contacts)\//.test(url) || /sitemap|robots/.test(url)),
  ).toEqual([]);
});

const distDir = new URL('../../dist/', import.meta.url).pathname;

// The worker refuses a kept screen whose markup it does not know (src/data/snapshot-markup.ts),
// and the next visit then starts from the shell: a component that writes an element or an
// attribute new to the check fails here, on every screen the build renders, not only in the
// repeat visit of a screen that happens to have it.
test('every rendered screen, as the app would keep it, passes the worker’s check of kept markup', () => {
  const screens = htmlFiles(distDir)
    .filter((file) => file.endsWith('/index.html'))
    .flatMap((file) => {
      const path = `/${relative(distDir, dirname(file))}`;
      const root = new JSDOM(readFileSync(file, 'utf8')).window.document.getElementById('root');
      if (!root || NOT_KEPT.test(path)) return [];
      // Hydration drops the root's nodes that the app's render does not claim: the script that
      // hands the page's data over is gone from the live page, so from what it keeps.
      for (const script of root.querySelectorAll(':scope > script')) script.remove();
      if (!settled(root) || !keepable(root)) return [];
      return [{ path, html: root.innerHTML }];
    });
  expect(screens.length).toBeGreaterThan(40);
  expect(screens.filter((screen) => !isAppMarkup(screen.html)).map((screen) => screen.path)).toEqual([]);
});

// Issue 10's budget for the first screen's HTML, as the exact size of this build
// (tools/bytes.ts, shared with `npm run bench`: gzip -9).
test(`the entry HTML of / is at most ${BUDGET.entryHtmlGzip} bytes gzip, first screen included`, () => {
  expect(readFileSync(new URL('../../dist/index.html', import.meta.url), 'utf8')).toContain('class="card"');
  expect(entryHtml(distDir).gzip).toBeLessThanOrEqual(BUDGET.entryHtmlGzip);
});

// Issue 10's budget for the code the home needs before it is interactive, as exact bytes
// (brotli -q 11, each file on its own).
test(`the JavaScript before the home is interactive is at most ${BUDGET.interactiveJsBrotli} bytes brotli`, async () => {
  const { files, total } = await interactiveJs(distDir);
  // The measure found the home's code: the entry and the chunk with the framework.
  expect(files.some((file) => /\/assets\/index-[\w-]+\.js$/.test(file))).toBe(true);
  expect(total.raw).toBeGreaterThan(40_000);
  expect(total.brotli).toBeLessThanOrEqual(BUDGET.interactiveJsBrotli);
});
