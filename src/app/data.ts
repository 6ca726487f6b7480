/**
 * Route data shared by every screen: cached queries over the data layer. A finished sync
 * revalidates them all, so screens re-read IndexedDB; they never render a fetch response.
 */
import { createAsync, query } from '@solidjs/router';
import { isServer } from 'solid-js/web';
import { locale } from '../i18n';
import { feedUrl } from '../data/config';
import { findItem, getFeedMeta, getItems, getSyncState, listItems } from '../data/db';
import type { Item, ItemKind } from '../data/model';
import { keyFromSegment } from '../data/paths';
import { listEntry } from '../data/text';
import { inLanguage, pickLanguage } from '../data/translations';
import { deviceZone } from '../lib/hydration';
import { settings } from '../lib/settings';

/** Items of one kind, newest first, as lists show them (`listEntry`). */
export const itemsOf = query(async (kind: ItemKind) => (await listItems(kind)).map(listEntry), 'items-of');

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
  // A server render shows no device's sync: the page's reader has not synced anything yet.
  async () => (isServer ? null : ((await getSyncState(feedUrl(window.location.href))) ?? null)),
  'sync-state',
);

/**
 * Items of one kind as a reader sees them: one per translation group, in the interface
 * language where the feed has it; with "only my language" set, without the rest.
 * `undefined` while loading.
 */
export function useItems(kind: ItemKind): () => Item[] | undefined {
  const items = createAsync(() => itemsOf(kind));
  const meta = createAsync(() => feedMeta());
  return () => {
    const all = items();
    if (!all) return undefined;
    const picked = pickLanguage(all, locale(), meta()?.language);
    return settings().onlyMyLanguage ? inLanguage(picked, locale(), meta()?.language) : picked;
  };
}

/** The zone the feed's times and hours are written in; the device's when the feed names none. */
export function useFeedZone(): () => string {
  const meta = createAsync(() => feedMeta());
  return () => meta()?.timezone ?? deviceZone() ?? 'UTC';
}
