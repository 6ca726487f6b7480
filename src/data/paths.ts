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
