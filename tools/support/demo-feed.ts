/**
 * A feed built by `citylink-feed build` is a head `feed.json` and archive pages linked by
 * `next_url` (docs/publishing.md). Tests that want "the demo feed" mean all of it, as a first
 * sync stores it: these read the pages from disk and give one document, the head's fields and
 * every page's items in order, with no `next_url`, so that a test may serve it as one page.
 */
import { readFileSync } from 'node:fs';

export interface FeedDocument {
  next_url?: string;
  items: Record<string, unknown>[];
  [field: string]: unknown;
}

/** The pages of the feed whose head is `head` (a file), read through their relative `next_url`s. */
export function feedPages(head: URL): FeedDocument[] {
  const pages: FeedDocument[] = [];
  const seen = new Set<string>();
  for (let url: URL | undefined = head; url && !seen.has(url.href);) {
    seen.add(url.href);
    const page = JSON.parse(readFileSync(url, 'utf8')) as FeedDocument;
    pages.push(page);
    url = page.next_url ? new URL(page.next_url, url) : undefined;
    if (url && url.protocol !== 'file:')
      throw new Error(`${head.href}: next_url ${url.href} is not a file beside it`);
  }
  return pages;
}

/** The whole feed whose head is `head`, as one document without `next_url`. */
export function wholeFeed(head: URL): FeedDocument {
  const pages = feedPages(head);
  const top: FeedDocument = { ...(pages[0] ?? { items: [] }) };
  delete top.next_url;
  return { ...top, items: pages.flatMap((page) => page.items) };
}

/**
 * The committed demo feed, `public/feed.json` and its archive pages, as one document; `T` is
 * the shape a test reads of it (JSON, so unchecked, as `JSON.parse` would be).
 */
export function demoFeed<T = FeedDocument>(): T {
  return wholeFeed(new URL('../../public/feed.json', import.meta.url)) as T;
}
