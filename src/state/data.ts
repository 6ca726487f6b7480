/**
 * Route data shared by every screen: cached queries over the data layer. A finished sync
 * revalidates them all, so screens re-read IndexedDB; they never render a fetch response.
 *
 * The data layer (IndexedDB through idb, its in-memory stand-in, the list reads) is imported
 * by the queries, not with this module: a rendered page hydrates from the query results it
 * carries, so that code need not load before the first screen is interactive.
 */
import { createAsync, query } from '@solidjs/router';
import { createMemo, createRoot, createSignal, startTransition } from 'solid-js';
import { isServer } from 'solid-js/web';
import { feedUrl } from '../data/config';
import type { Position } from '../data/lists';
import type { ItemKind } from '@citylink/core/model';
import { keyFromSegment } from '@citylink/core/paths';
import { listEntry } from '@citylink/core/text';
import { deviceZone, pageContext } from '../lib/hydration';
import type { Language } from '@citylink/core/languages';
import { locale } from '../i18n';

const db = () => import('../data/db');

// Whether the screens read this device's store. A page the server rendered shows the build's
// content, and until a sync has kept a feed here the store is empty: a list read there for the
// reader's language (a Chinese reader of the English page) would trade the page's items for
// "No events yet.". Known kept when a sync has stored one (src/features/status/sync-status.ts).
const [kept, setKept] = createSignal(isServer || pageContext() === undefined);

/**
 * From now on the screens read what this device keeps (a sync has stored a feed). A transition:
 * a list whose language turns (a Chinese reader of an English page) re-reads the store while
 * the page's own list stays on screen, instead of showing its loading line in between.
 */
export function markKept(): void {
  void startTransition(() => setKept(true));
}

/**
 * The language lists are read in: the interface language, except on a page the server rendered
 * while this device keeps nothing, whose lists stay those of the page (its language's view).
 */
export const listLanguage: () => Language = (() => {
  const language = () => (kept() ? locale() : (pageContext()?.locale ?? locale()));
  // A memo: the turn to what is kept changes no list whose language stays the same (a pager
  // that saw its read change would load its pages afresh, replacing every card on screen).
  return isServer ? language : createRoot(() => createMemo(language));
})();

/** Whether what shows comes from this device's store rather than the page the server sent. */
export const showsKept = kept;
const lists = () => import('../data/lists');

/**
 * A page of a newest-first list (news): up to PAGE_SIZE items the reader sees, after `after`
 * (from the top when `null`), and where the next page starts.
 */
export const listPage = query(
  async (kind: ItemKind, after: Position | null, language: string, onlyMine: boolean) =>
    (await lists()).readListPage(kind, after, { language, onlyMine }).then((page) => ({
      // Cards read only these fields; a rendered page carries them for hydration.
      items: page.items.map(listEntry),
      next: page.next,
    })),
  'list-page',
);

/** Every event the reader sees, as the small entries the events list orders and filters. */
export const eventEntries = query(
  async (language: string, onlyMine: boolean) => (await lists()).readEventEntries({ language, onlyMine }),
  'event-entries',
);

/** Every contact the reader sees, as the small entries the directory orders and filters. */
export const contactEntries = query(
  async (language: string, onlyMine: boolean) => (await lists()).readContactEntries({ language, onlyMine }),
  'contact-entries',
);

/** The item at `/<kind>/<segment>` (as the router gives it, encoded); `null` when not on the device. */
export const itemAt = query(
  async (kind: ItemKind, segment: string) =>
    (await (await db()).findItem(kind, keyFromSegment(segment))) ?? null,
  'item-at',
);

/**
 * The cards of a list ordered by ids (events, contacts): those items as list entries, as a
 * reader of `language` reads them.
 */
export const listEntries = query(
  async (ids: string[], language: string) => (await lists()).readListEntries(ids, language),
  'list-entries',
);

/** Items by id (an event's contacts). */
export const itemsById = query(async (ids: string[]) => (await db()).getItems(ids), 'items-by-id');

/** The other language versions of the item `id` on the device (linked either way). */
export const translationsOf = query(
  async (id: string) => (await lists()).readTranslations(id),
  'translations-of',
);

/** The feed's name, zone and languages, once a sync has stored them. */
export const feedMeta = query(async () => (await (await db()).getFeedMeta()) ?? null, 'feed-meta');

/** When the feed was last read, and the last problem. */
export const syncState = query(
  // A server render shows no device's sync: the page's reader has not synced anything yet.
  async () => (isServer ? null : ((await (await db()).getSyncState(feedUrl(window.location.href))) ?? null)),
  'sync-state',
);

/** The zone the feed's times and hours are written in; the device's when the feed names none. */
export function useFeedZone(): () => string {
  const meta = createAsync(() => feedMeta());
  return () => meta()?.timezone ?? deviceZone() ?? 'UTC';
}
