import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync, brotliCompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { entryHtml, interactiveJs, precache, precacheUrls, sizes } from './bytes';
import { loaderTags } from '../build/loader';

let dist = '';
/** A fake `dist/` holding `files` (path → text). */
function build(files: Record<string, string>): void {
  dist = mkdtempSync(join(tmpdir(), 'bytes-test-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
}
afterEach(() => rmSync(dist, { recursive: true, force: true }));

describe('byte sizes of a build', () => {
  it('are the sizes of gzip -9 and brotli -q 11 output, which decode back to the file', () => {
    const text = Buffer.from('<p>Citylink Jiangmen</p>'.repeat(200));
    const gzip = gzipSync(text, { level: 9 });
    const brotli = brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    expect(gunzipSync(gzip)).toEqual(text);
    expect(brotliDecompressSync(brotli)).toEqual(text);
    expect(sizes(text)).toEqual({ raw: text.length, gzip: gzip.length, brotli: brotli.length });
  });

  it('measure the entry HTML of /', () => {
    build({ 'index.html': '<!doctype html><title>x</title>' });
    expect(entryHtml(dist).raw).toBe(31);
  });

  it('count the entry script, modulepreloads and static imports, transitively, but not import()', async () => {
    const js = {
      'assets/entry.js':
        'import{x}from"./shared.js";export*from"./more.js";import("./lazy.js");console.log(x)',
      'assets/shared.js': 'export const x=1',
      'assets/more.js': 'import"./shared.js";export const y=2',
      'assets/preloaded.js': 'export const z=3',
    };
    build({
      'index.html':
        '<script>var inline = 1</script><script type="module" crossorigin src="/assets/entry.js"></script>' +
        '<link rel="modulepreload" crossorigin href="/assets/preloaded.js"><link rel="stylesheet" href="/assets/a.css">',
      ...js,
      'assets/lazy.js': 'import"./lazy-dep.js"',
      'assets/lazy-dep.js': 'export const w=4',
      'assets/a.css': 'p{}',
    });
    const { files, total } = await interactiveJs(dist);
    expect(files.sort()).toEqual(
      Object.keys(js)
        .map((path) => `/${path}`)
        .sort(),
    );
    const brotli = Object.values(js).reduce((sum, text) => sum + sizes(Buffer.from(text)).brotli, 0);
    expect(total.brotli).toBe(brotli);
  });

  it("count what a rendered page's loader preloads and imports, and their static imports", async () => {
    const js = {
      'assets/entry.js': 'import"./app.js";import("./lazy.js")',
      'assets/app.js': 'export const x=1',
      'assets/screen.js': 'import"./app.js";export const y=2',
      'assets/en.js': 'export const en={}',
    };
    build({
      // The loader tags build/html.ts writes; the Chinese catalogue is only for a reader of
      // Chinese.
      'index.html': `<div id="root" data-render-locale="en"></div>${loaderTags('import("/assets/entry.js")', {
        entry: '/assets/entry.js',
        preloads: ['/assets/app.js', '/assets/screen.js', '/assets/en.js'],
        catalogues: { 'zh-Hans': ['/assets/zh-Hans.js'] },
      })}`,
      ...js,
      'assets/lazy.js': 'export const w=4',
      'assets/zh-Hans.js': 'export const zhHans={}',
    });
    const { files } = await interactiveJs(dist);
    expect(files.sort()).toEqual(
      Object.keys(js)
        .map((path) => `/${path}`)
        .sort(),
    );
  });

  it("read the precache list from the worker's injected manifest", () => {
    build({
      'sw.js':
        'self.m=[{"revision":"1","url":"index.html"},{"revision":null,"url":"assets/a.js"}];function f(r){return{url:r}}',
      'index.html': '<p>hi</p>',
      'assets/a.js': 'export{}',
    });
    expect(precacheUrls(dist)).toEqual(['index.html', 'assets/a.js']);
    expect(precache(dist)).toMatchObject({ files: 2, total: { raw: 9 + 8 } });
  });
});
