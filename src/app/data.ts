/**
 * Route data shared by every screen: cached queries over the data layer. A finished sync
 * revalidates them all, so screens re-read IndexedDB; they never render a fetch response.
 */
import { query } from '@solidjs/router';
import { feedUrl } from '../data/config';
import { findItem, getFeedMeta, getItems, getSyncState, listItems } from '../data/db';
import type { ItemKind } from '../data/model';
import { keyFromSegment } from '../data/paths';

/** Items of one kind, newest first. */
export const itemsOf = query((kind: ItemKind) => listItems(kind), 'items-of');

/** The item at `/<kind>/<segment>` (as the router gives it, encoded); `null` when not on the device. */
export const itemAt = query(
  async (kind: ItemKind, segment: string) => (await findItem(kind, keyFromSegment(segment))) ?? null,
  'item-at',
);

/** Items by id (an event's contacts). */
export const itemsById = query((ids: string[]) => getItems(ids), 'items-by-id');

/** The feed's name, zone and languages, once a sync has stored them. */
export const feedMeta = query(async () => (await getFeedMeta()) ?? null, 'feed-meta');

/** When the feed was last read, and the last problem. */
export const syncState = query(
  async () => (await getSyncState(feedUrl(window.location.href))) ?? null,
  'sync-state',
);
