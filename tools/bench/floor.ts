/**
 * The floor of a page for the benchmark: what its HTML alone paints, with no JavaScript.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The floor of a page: its own HTML with every script and modulepreload removed and its
 * stylesheets inlined (a disabled one dropped), so it paints exactly the first screen the HTML
 * holds, without JavaScript.
 */
export function floorHtml(dist: string, html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<link\b[^>]*\brel=["']?modulepreload\b[^>]*>/gi, '')
    .replace(/<link\b[^>]*\brel=["']?stylesheet\b[^>]*>/gi, (tag) => {
      // A disabled link (its sheet is already inline) paints nothing: nothing to inline.
      if (/\sdisabled\b/i.test(tag)) return '';
      const href = /\bhref=["']?([^"'\s>]+)/i.exec(tag)?.[1];
      if (!href) return tag;
      const path = new URL(href, 'http://site/').pathname;
      const css = readFileSync(join(dist, path), 'utf8');
      // url(...) in the stylesheet is relative to the stylesheet, not to the page.
      const rebased = css.replace(
        /url\((["']?)(?!data:|\/|[a-z]+:)([^)"']+)\1\)/gi,
        (_m, quote: string, url: string) => {
          return `url(${quote}${new URL(url, `http://site${path}`).pathname}${quote})`;
        },
      );
      return `<style>${rebased}</style>`;
    });
}

/** The file holding the HTML of an address: `/` → `index.html`, `/news/x` → `news/x/index.html`. */
export function htmlFileOf(path: string): string {
  return path === '/' ? 'index.html' : join(path.replace(/^\//, ''), 'index.html');
}
