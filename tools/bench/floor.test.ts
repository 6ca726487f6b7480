import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { floorHtml, htmlFileOf } from './floor';

let dist = '';
afterEach(() => rmSync(dist, { recursive: true, force: true }));

describe('the floor of a page', () => {
  it('is the same HTML without scripts or modulepreloads, with its stylesheet inlined', () => {
    dist = mkdtempSync(join(tmpdir(), 'floor-test-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'assets/index.css'),
      'body{background:url(bg.png)}h1{background:url("/icon.svg")}p{background:url(data:image/png;base64,AA)}',
    );
    const html = `<!doctype html><html><head><title>An item</title>
<script>
  var theme = 'dark';
</script>
<script type="module" crossorigin src="/assets/index.js"></script>
<link rel="modulepreload" crossorigin href="/assets/chunk.js">
<link rel="stylesheet" crossorigin href="/assets/index.css">
<link rel="manifest" href="/manifest.webmanifest"></head>
<body><div id="root"><main><h1>An item</h1><p>Its text.</p></main></div></body></html>`;

    const floor = floorHtml(dist, html);
    expect(floor).not.toMatch(/<script|modulepreload|rel="stylesheet"/);
    expect(floor).toContain(
      '<style>body{background:url(/assets/bg.png)}h1{background:url("/icon.svg")}p{background:url(data:image/png;base64,AA)}</style>',
    );
    expect(floor).toContain('<link rel="manifest" href="/manifest.webmanifest">');
    expect(floor).toContain('<div id="root"><main><h1>An item</h1><p>Its text.</p></main></div>');
  });

  it('drops a disabled stylesheet link, whose sheet the page already has inline', () => {
    dist = mkdtempSync(join(tmpdir(), 'floor-test-'));
    const html =
      '<head><style>h1{color:red}</style><link rel="stylesheet" crossorigin href="/assets/gone.css" disabled></head>';
    expect(floorHtml(dist, html)).toBe('<head><style>h1{color:red}</style></head>');
  });

  it("is read from the HTML file of the page's address", () => {
    expect(htmlFileOf('/')).toBe('index.html');
    expect(htmlFileOf('/news/chenpi-season')).toBe('news/chenpi-season/index.html');
  });
});
