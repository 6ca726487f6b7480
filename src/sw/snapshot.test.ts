import { describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../data/snapshots';

// workbox reads the worker's global scope when it loads; splicing itself needs none.
vi.stubGlobal('self', globalThis);
vi.stubGlobal('__CITYLINK_BUILD__', 'test');
const { spliceSnapshot } = await import('./snapshot');

const SHELL =
  '<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>Citylink Jiangmen</title>' +
  '<script>/* settings */</script></head><body><div id="root"></div><noscript>…</noscript></body></html>';

const snapshot = (patch: Partial<Snapshot> = {}): Snapshot => ({
  path: '/news/a',
  html: '<main id="main"><h1>A &amp; B</h1></main>',
  title: 'A & B · Citylink',
  lang: 'zh-Hans',
  renderKey: '["zh-Hans",false,false]',
  takenAt: 0,
  code: '/assets/index-abc.js',
  ...patch,
});

describe('the shell with a snapshot', () => {
  it('holds the screen in its root, marked, with the screen’s title and language', () => {
    const page = spliceSnapshot(SHELL, snapshot());
    expect(page).toContain(
      '<div id="root" data-snapshot="[&quot;zh-Hans&quot;,false,false]"><main id="main"><h1>A &amp; B</h1></main></div>',
    );
    expect(page).toContain('<html lang="zh-Hans">');
    expect(page).toContain('<title>A &amp; B · Citylink</title>');
    // Everything else is the shell's, its inline script (hashed by the policy) included.
    expect(page).toContain('<script>/* settings */</script>');
    expect(page?.endsWith('</div><noscript>…</noscript></body></html>')).toBe(true);
  });

  it('marks the page offline only when the worker found the network failing', () => {
    expect(spliceSnapshot(SHELL, snapshot(), true)).toContain('<html lang="zh-Hans" data-offline="">');
    expect(spliceSnapshot(SHELL, snapshot())).not.toContain('data-offline');
  });

  it('holds the first paint until the whole root has been parsed, from the head', () => {
    const page = spliceSnapshot(SHELL, snapshot()) ?? '';
    const at = page.indexOf('<link rel="expect" href="#root" blocking="render">');
    expect(at).toBeGreaterThan(0);
    // Before the shell's script, so that no yield of the parser after it can come first.
    expect(at).toBeLessThan(page.indexOf('<script>'));
    expect(at).toBeLessThan(page.indexOf('</head>'));
  });

  it('escapes the title, so that it cannot close the element', () => {
    expect(spliceSnapshot(SHELL, snapshot({ title: '</title><script>x()</script>' }))).toContain(
      '<title>&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;</title>',
    );
  });

  it('takes only a language tag as the language', () => {
    expect(spliceSnapshot(SHELL, snapshot({ lang: 'en" onload="x()' }))).toBeUndefined();
  });

  it('leaves a shell without the empty root alone', () => {
    expect(spliceSnapshot(SHELL.replace('<div id="root"></div>', '<div id="root">x</div>'), snapshot())).toBe(
      undefined,
    );
  });
});
