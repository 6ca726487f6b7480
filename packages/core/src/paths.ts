/**
 * Every item's canonical address in the app. Shared so that the page, the worker (links in
 * notifications) and the build (prerendered pages, sitemap) agree.
 */
import type { Item, ItemKind } from './model';

/** The first path segment of each kind's pages. */
export const SECTION: Record<ItemKind, string> = { news: 'news', event: 'events', contact: 'contacts' };

/** `/news/<slug or id>`, `/events/…`, `/contacts/…`. */
export function itemPath(item: Pick<Item, 'kind' | 'key'>): string {
  return `/${SECTION[item.kind]}/${encodeURIComponent(item.key)}`;
}

/** The item key in an address segment, as the router hands it over (still percent-encoded). */
export function keyFromSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape (a hand-edited link) is looked up as typed, and then not found.
    return segment;
  }
}

/** The item's absolute, shareable address on a site (`origin` such as `https://city.example`). */
export function itemUrl(item: Pick<Item, 'kind' | 'key'>, origin: string): string {
  return new URL(itemPath(item), origin).href;
}

// `/news`, `/events/<key>`…: a section's list, or an item in it (one segment, as `itemPath`
// writes it), with or without the trailing slash some hosts add.
const SECTION_ADDRESS = new RegExp(`^/(${Object.values(SECTION).join('|')})(?:/([^/]+))?/?$`);

/**
 * The section a list or item address is in, and the item's key segment (still percent-encoded)
 * if it is an item's: `/events/x/` → `{ section: 'events', segment: 'x' }`. Undefined for any
 * other address.
 */
export function sectionAddress(pathname: string): { section: string; segment?: string } | undefined {
  const match = SECTION_ADDRESS.exec(pathname);
  return match ? { section: match[1] ?? '', segment: match[2] } : undefined;
}
// A last segment with an extension names a file: `feed.json`, `sitemap.xml`, `sw.js`, `a.png`.
const FILE_NAME = /\.[A-Za-z0-9]+$/;

/**
 * Whether a navigation to `pathname` gets the app's page, or is a file that must be served as
 * itself or not at all. One rule for the worker and for the documented server rules
 * (docs/deployment.md): item addresses first, whatever their key; then any path whose last
 * segment, trailing slashes aside, has an extension is a file. `pathname` is a URL's path as
 * sent (still percent-encoded), without its query string: a query never changes the answer.
 */
export function isAppPage(pathname: string): boolean {
  // An item's address, whatever its key holds, dots and percent-escapes included
  // (`release-v1.2`, an id that is a URL ending in `.html`).
  if (SECTION_ADDRESS.exec(pathname)?.[2] !== undefined) return true;
  const last = pathname.replace(/\/+$/, '').split('/').pop() ?? '';
  return !FILE_NAME.test(last);
}

/**
 * Whether a same-origin navigation to `url` gets the app's page: the worker answers it with the
 * shell, and the page's router takes a click on a link to it (src/state/route-match.ts). The path
 * alone decides (a query string never does), by the rule the documented server rules share
 * (`isAppPage`); the feed and `/api/` always reach the network, whatever their names.
 */
export function servesAppPage(url: URL, feedPath: string): boolean {
  const path = withoutTrailingSlash(url.pathname);
  return path !== withoutTrailingSlash(feedPath) && !path.startsWith('/api/') && isAppPage(url.pathname);
}

function withoutTrailingSlash(path: string): string {
  return path.replace(/(.)\/+$/, '$1');
}
