/** A page's HTML: the built `index.html` with one screen, its head and its loader put in. */
import { parse } from 'parse5';
import { escapeHtml } from '../packages/core/src/text';
import { loaderTags } from './loader';
import { applySplices, attribute, elements, text, type Element, type Splice } from './markup';

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

/** An emitted asset's content as text. */
export function textOf(source: string | Uint8Array): string {
  return typeof source === 'string' ? source : new TextDecoder().decode(source);
}

/** The built `index.html` parsed, its elements with where they are in its source. */
function elementsOf(html: string): Element[] {
  return [...elements(parse(html, { sourceCodeLocationInfo: true }))];
}

/** Where an element is in its document's source. */
function place(element: Element): { start: number; end: number } {
  const at = element.sourceCodeLocation;
  if (!at) throw new Error(`The built index.html's <${element.tagName}> has no place in its source.`);
  return { start: at.startOffset, end: at.endOffset };
}

/** The splice that removes an element, with the white space before it (its line). */
function removal(html: string, element: Element): Splice {
  let { start } = place(element);
  while (start > 0 && /\s/.test(html[start - 1] ?? '')) start--;
  return { start, end: place(element).end, text: '' };
}

const isStylesheet = (element: Element) =>
  element.tagName === 'link' && attribute(element, 'rel') === 'stylesheet';

/** The stylesheet the built `index.html` links (the app's CSS), if any. */
export function stylesheetOf(template: string): string | undefined {
  const link = elementsOf(template).find(isStylesheet);
  return link && attribute(link, 'href');
}

/** The document title and description the built `index.html` gives the app. */
export function appHead(template: string): { title?: string; description?: string } {
  const all = elementsOf(template);
  const title = all.find((element) => element.tagName === 'title');
  const description = all.find(
    (element) => element.tagName === 'meta' && attribute(element, 'name') === 'description',
  );
  return { title: title && text(title), description: description && attribute(description, 'content') };
}

/** CSS as the text of a `<style>` element: nothing in it can close the element. */
function styleText(css: string): string {
  return css.replace(/<\/style/gi, '<\\/style');
}

/** The splice that puts `css` inline before the stylesheet link and disables the link. */
function inlining(html: string, all: Element[], css: string): Splice {
  const link = all.find(isStylesheet);
  if (!link) throw new Error('The built index.html has no stylesheet link.');
  const { start, end } = place(link);
  const tag = html.slice(start, end);
  return { start, end, text: `<style>${styleText(css)}</style>${tag.replace(/\s*\/?>$/, ' disabled>')}` };
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
  return applySplices(html, [inlining(html, elementsOf(html), css)]);
}

/**
 * A page: the built `index.html` (the template) with one screen rendered into it. The template
 * is read with parse5 and changed in its source, so that what is put in (the rendered screen
 * above all, which hydration reads back node for node) goes in exactly as it is.
 */
export function assemble(template: string, parts: PageParts): string {
  const all = elementsOf(template);
  const one = (what: string, test: (element: Element) => boolean) => {
    const found = all.find(test);
    if (!found) throw new Error(`The built index.html has no ${what}.`);
    return found;
  };
  const splices: Splice[] = [];

  const root = one('<html lang>', (element) => element.tagName === 'html');
  const lang = root.sourceCodeLocation?.attrs?.lang;
  if (!lang) throw new Error('The built index.html has no <html lang>.');
  splices.push({ start: lang.startOffset, end: lang.endOffset, text: `lang="${escapeHtml(parts.lang)}"` });
  splices.push({
    ...place(one('<title>', (element) => element.tagName === 'title')),
    text: `<title>${escapeHtml(parts.title)}</title>`,
  });
  // The page's own description comes with its head tags.
  const description = all.find(
    (element) => element.tagName === 'meta' && attribute(element, 'name') === 'description',
  );
  if (description) splices.push(removal(template, description));
  splices.push(inlining(template, all, parts.css));

  const head = one('</head>', (element) => element.tagName === 'head').sourceCodeLocation?.endTag;
  if (!head) throw new Error('The built index.html has no </head>.');
  const headTags = `  ${[parts.head, parts.hydrationScript].join('\n    ')}\n  `;
  splices.push({ start: head.startOffset, end: head.startOffset, text: headTags });

  const screen = one(
    '<div id="root">',
    (element) => element.tagName === 'div' && attribute(element, 'id') === 'root',
  );
  const attributes = Object.entries(parts.rootAttributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  splices.push({ ...place(screen), text: `<div id="root"${attributes}>${parts.body}</div>` });

  // The page carries its content: "needs JavaScript" would be untrue.
  const noscript = all.find((element) => element.tagName === 'noscript');
  if (noscript) splices.push(removal(template, noscript));

  // The app's code is asked for once the page has painted, not from the head: the first screen
  // is in the HTML, and on a slow connection nothing should compete with it for the first paint.
  const entry = one(
    'module script',
    (element) =>
      element.tagName === 'script' &&
      attribute(element, 'type') === 'module' &&
      attribute(element, 'src') !== undefined,
  );
  splices.push(removal(template, entry));
  const preloads: string[] = [];
  for (const link of all.filter(
    (element) => element.tagName === 'link' && attribute(element, 'rel') === 'modulepreload',
  )) {
    preloads.push(attribute(link, 'href') ?? '');
    splices.push(removal(template, link));
  }
  const body = one('</body>', (element) => element.tagName === 'body').sourceCodeLocation?.endTag;
  if (!body) throw new Error('The built index.html has no </body>.');
  const loader = loaderTags(parts.loader, {
    entry: attribute(entry, 'src') ?? '',
    preloads: [...preloads, ...parts.preloads],
    catalogues: parts.catalogues,
  });
  splices.push({ start: body.startOffset, end: body.startOffset, text: `  ${loader}\n  ` });
  return applySplices(template, splices);
}
