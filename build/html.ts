/** A page's HTML: the built `index.html` with one screen, its head and its loader put in. */
import { html } from './head';
import { loaderTags } from './loader';

/** The page the worker answers every navigation with: the app with an empty root. */
export const SHELL = 'shell.html';

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
  /** The loader's built code (build/loader.ts). */
  loader: string;
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
    .map(([name, value]) => ` ${name}="${html(value)}"`)
    .join('');
  const swap = (out: string, pattern: RegExp, replacement: string) => {
    if (!pattern.test(out)) throw new Error(`The built index.html has no ${pattern.source}.`);
    return out.replace(pattern, () => replacement);
  };
  let out = template;
  out = swap(out, /<html lang="[^"]*"/, `<html lang="${html(parts.lang)}"`);
  out = swap(out, /<title>[^<]*<\/title>/, `<title>${html(parts.title)}</title>`);
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
    `  ${loaderTags(parts.loader, { entry: entry[1], preloads: [...preloads, ...parts.preloads], catalogues: parts.catalogues })}\n  </body>`,
  );
}
