/**
 * The IndexedDB layer: the only module that imports `idb`. Page and service worker both open
 * the database through `db()`, so there is one schema, one upgrade path and one open promise.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { FeedMeta, Item, ItemKind } from './model';

/** Bookkeeping of the last sync of one feed URL. */
export interface SyncState {
  feedUrl: string;
  etag?: string;
  lastModified?: string;
  /** When a sync last finished, successfully or not (ms). */
  lastAttempt?: number;
  /** When the feed was last read successfully, changed or not (ms). */
  lastSuccess?: number;
  /** Reason of the last failed sync; cleared by the next success. */
  lastError?: { kind: SyncErrorKind; detail: string };
}

/** Why a sync failed; the page turns each kind into a translated sentence. */
export type SyncErrorKind =
  'offline' | 'timeout' | 'http' | 'invalid' | 'storage-full' | 'storage' | 'unexpected';

/** A saved item: a snapshot of the whole item, kept when the feed drops it. */
export interface SavedItem {
  id: string;
  item: Item;
  /** When the reader saved it (ms). */
  savedAt: number;
}

/** A saved item that its feed retracted: removed, and remembered until the reader is told. */
export interface RetractedNotice {
  id: string;
  title: string;
  kind: ItemKind;
  at: number;
}

export interface CitylinkDB extends DBSchema {
  items: {
    key: string;
    value: Item;
    indexes: {
      /** Lists of one kind, newest first when walked backwards. */
      'by-kind-time': [ItemKind, number];
      /** Addresses: `/news/<key>` finds its item by kind and key. */
      'by-kind-key': [ItemKind, string];
    };
  };
  /** Feed-level facts of the feed in use, under the key `current`. */
  feed: { key: 'current'; value: FeedMeta };
  /** One record per feed URL. */
  sync: { key: string; value: SyncState };
  /** v2: the reader's saved items, as snapshots; sync deletes one only on retraction. */
  saved: {
    key: string;
    value: SavedItem;
    indexes: { 'by-kind-key': [ItemKind, string] };
  };
  /** v2: when each item was last opened (ms), by item id. */
  reads: { key: string; value: number };
  /** v2: retracted saved items the reader has not been told about yet. */
  retracted: { key: string; value: RetractedNotice };
}

export const DB_NAME = 'citylink';
export const DB_VERSION = 2;

type Db = IDBPDatabase<CitylinkDB>;
/** A read-write transaction over any set of stores, as handed to `tx()` callbacks. */
export type WriteTx<S extends StoreNames<CitylinkDB>[]> = IDBPTransaction<CitylinkDB, S, 'readwrite'>;

/**
 * Upgrades run one step per version so that a device several versions behind walks through
 * each of them; every step must be safe to run on the data the previous step left.
 */
function upgrade(database: Db, oldVersion: number): void {
  if (oldVersion < 1) {
    const items = database.createObjectStore('items', { keyPath: 'id' });
    items.createIndex('by-kind-time', ['kind', 'sortTime']);
    items.createIndex('by-kind-key', ['kind', 'key']);
    database.createObjectStore('feed');
    database.createObjectStore('sync', { keyPath: 'feedUrl' });
  }
  if (oldVersion < 2) {
    // Only new stores: the items, feed facts and validators of v1 stay as they are.
    const saved = database.createObjectStore('saved', { keyPath: 'id' });
    saved.createIndex('by-kind-key', ['item.kind', 'item.key']);
    database.createObjectStore('reads');
    database.createObjectStore('retracted', { keyPath: 'id' });
  }
}

// Cached as a promise (not the resolved database) so that concurrent callers share one open.
let opening: Promise<Db> | undefined;

/** The shared database connection, opened once per page or worker. */
export function db(): Promise<Db> {
  opening ??= openDB<CitylinkDB>(DB_NAME, DB_VERSION, {
    upgrade,
    // A newer version of the app (another tab, or the next worker) needs the database:
    // let it upgrade and reopen ours on next use instead of blocking it forever.
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
      opening = undefined;
    },
    terminated() {
      opening = undefined;
    },
  }).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

/** Items of one kind, newest first. */
export async function listItems(kind: ItemKind, limit = Infinity): Promise<Item[]> {
  const range = IDBKeyRange.bound([kind, -Infinity], [kind, Infinity]);
  const out: Item[] = [];
  let cursor = await (await db()).transaction('items').store.index('by-kind-time').openCursor(range, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

/** Every stored item, of all kinds. */
export async function allItems(): Promise<Item[]> {
  return (await db()).getAll('items');
}

/**
 * The item at an address: by its key (slug) first, then by its id, so links by id keep working;
 * then among saved snapshots, so a saved item the feed dropped (or a cleared cache) still opens.
 */
export async function findItem(kind: ItemKind, key: string): Promise<Item | undefined> {
  const database = await db();
  const byKey = await database.getFromIndex('items', 'by-kind-key', [kind, key]);
  if (byKey) return byKey;
  const byId = await database.get('items', key);
  if (byId?.kind === kind) return byId;
  const saved =
    (await database.getFromIndex('saved', 'by-kind-key', [kind, key])) ?? (await database.get('saved', key));
  return saved?.item.kind === kind ? saved.item : undefined;
}

/** Items by id, in the order asked, leaving out ids not stored. */
export async function getItems(ids: readonly string[]): Promise<Item[]> {
  const store = (await db()).transaction('items').store;
  const found = await Promise.all(ids.map((id) => store.get(id)));
  return found.filter((item): item is Item => item !== undefined);
}

/** Every saved item, most recently saved first. */
export async function listSaved(): Promise<SavedItem[]> {
  const all = await (await db()).getAll('saved');
  return all.sort((a, b) => b.savedAt - a.savedAt);
}

/** Saves a snapshot of `item` (or refreshes the one saved). */
export async function saveItem(item: Item, savedAt: number): Promise<void> {
  await (await db()).put('saved', { id: item.id, item, savedAt });
}

/** Forgets a saved item; the feed's copy, if any, stays. */
export async function unsaveItem(id: string): Promise<void> {
  await (await db()).delete('saved', id);
}

/** Ids of every saved item. */
export async function savedIds(): Promise<string[]> {
  return (await db()).getAllKeys('saved');
}

/** Marks an item read now. */
export async function markRead(id: string, at: number): Promise<void> {
  await (await db()).put('reads', at, id);
}

/** Ids of every item ever opened. */
export async function readIds(): Promise<string[]> {
  return (await db()).getAllKeys('reads');
}

/** Retracted saved items the reader has not been told about. */
export async function listRetracted(): Promise<RetractedNotice[]> {
  return (await db()).getAll('retracted');
}

/** The reader has seen the notice about these retracted items. */
export async function dismissRetracted(ids: readonly string[]): Promise<void> {
  await tx(['retracted'], async (t) => {
    for (const id of ids) await t.objectStore('retracted').delete(id);
  });
}

/**
 * Drops cached content (items, feed validators) so the next sync reads the feed afresh, but
 * keeps saved items, read marks and the feed's name. Image files are the page's to clear.
 */
export async function clearCachedContent(): Promise<void> {
  await tx(['items', 'sync'], async (t) => {
    await t.objectStore('items').clear();
    // Validators go (a 304 would leave the emptied store empty); the sync history stays.
    let cursor = await t.objectStore('sync').openCursor();
    while (cursor) {
      const rest = { ...cursor.value };
      delete rest.etag;
      delete rest.lastModified;
      await cursor.update(rest);
      cursor = await cursor.continue();
    }
  });
}

/** The feed-level facts of the last successful sync, if any. */
export async function getFeedMeta(): Promise<FeedMeta | undefined> {
  return (await db()).get('feed', 'current');
}

/** The sync bookkeeping of a feed URL. */
export async function getSyncState(feedUrl: string): Promise<SyncState | undefined> {
  return (await db()).get('sync', feedUrl);
}

/** Records the outcome of a sync without touching any item. */
export async function putSyncState(state: SyncState): Promise<void> {
  await (await db()).put('sync', state);
}

/**
 * Runs `work` in one read-write transaction and resolves once it has committed. Callers must
 * not await anything but the transaction's own requests inside `work` (no network), or the
 * transaction closes early: https://github.com/jakearchibald/idb#transaction-lifetime
 */
export async function tx<S extends StoreNames<CitylinkDB>[], T>(
  stores: S,
  work: (t: WriteTx<S>) => Promise<T>,
): Promise<T> {
  const t = (await db()).transaction(stores, 'readwrite');
  try {
    const result = await work(t);
    await t.done;
    return result;
  } catch (error) {
    // Abort so a half-done page never commits; `done` then rejects, which we have handled.
    try {
      t.abort();
    } catch {
      // Already finished or aborted by the browser (e.g. on QuotaExceededError).
    }
    await t.done.catch(() => undefined);
    throw error;
  }
}
