/**
 * Route data shared by every screen: cached queries over the data layer. A finished sync
 * revalidates them all, so screens re-read IndexedDB; they never render a fetch response.
 */
import { createAsync, query } from '@solidjs/router';
import { isServer } from 'solid-js/web';
import { feedUrl } from '../data/config';
import { findItem, getFeedMeta, getItems, getSyncState } from '../data/db';
import {
  readContactEntries,
  readEventEntries,
  readListPage,
  readTranslations,
  type Position,
} from '../data/lists';
import type { ItemKind } from '../data/model';
import { keyFromSegment } from '../data/paths';
import { listEntry } from '../data/text';
import { deviceZone } from '../lib/hydration';

/**
 * A page of a newest-first list (news): up to PAGE_SIZE items the reader sees, after `after`
 * (from the top when `null`), and where the next page starts.
 */
export const listPage = query(
  (kind: ItemKind, after: Position | null, language: string, onlyMine: boolean) =>
    readListPage(kind, after, { language, onlyMine }).then((page) => ({
      // Cards read only these fields; a rendered page carries them for hydration.
      items: page.items.map(listEntry),
      next: page.next,
    })),
  'list-page',
);

/** Every event the reader sees, as the small entries the events list orders and filters. */
export const eventEntries = query(
  (language: string, onlyMine: boolean) => readEventEntries({ language, onlyMine }),
  'event-entries',
);

/** Every contact the reader sees, as the small entries the directory orders and filters. */
export const contactEntries = query(
  (language: string, onlyMine: boolean) => readContactEntries({ language, onlyMine }),
  'contact-entries',
);

/** The item at `/<kind>/<segment>` (as the router gives it, encoded); `null` when not on the device. */
export const itemAt = query(
  async (kind: ItemKind, segment: string) => (await findItem(kind, keyFromSegment(segment))) ?? null,
  'item-at',
);

/** Items by id (an event's contacts). */
export const itemsById = query((ids: string[]) => getItems(ids), 'items-by-id');

/** The other language versions of the item `id` on the device (linked either way). */
export const translationsOf = query((id: string) => readTranslations(id), 'translations-of');

/** The feed's name, zone and languages, once a sync has stored them. */
export const feedMeta = query(async () => (await getFeedMeta()) ?? null, 'feed-meta');

/** When the feed was last read, and the last problem. */
export const syncState = query(
  // A server render shows no device's sync: the page's reader has not synced anything yet.
  async () => (isServer ? null : ((await getSyncState(feedUrl(window.location.href))) ?? null)),
  'sync-state',
);

/** The zone the feed's times and hours are written in; the device's when the feed names none. */
export function useFeedZone(): () => string {
  const meta = createAsync(() => feedMeta());
  return () => meta()?.timezone ?? deviceZone() ?? 'UTC';
}
