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
export type SyncErrorKind = 'offline' | 'timeout' | 'http' | 'invalid' | 'storage-full' | 'storage';

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
}

export const DB_NAME = 'citylink';
export const DB_VERSION = 1;

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

/** The item at an address: by its key (slug) first, then by its id, so links by id keep working. */
export async function findItem(kind: ItemKind, key: string): Promise<Item | undefined> {
  const database = await db();
  const byKey = await database.getFromIndex('items', 'by-kind-key', [kind, key]);
  if (byKey) return byKey;
  const byId = await database.get('items', key);
  return byId?.kind === kind ? byId : undefined;
}

/** Items by id, in the order asked, leaving out ids not stored. */
export async function getItems(ids: readonly string[]): Promise<Item[]> {
  const store = (await db()).transaction('items').store;
  const found = await Promise.all(ids.map((id) => store.get(id)));
  return found.filter((item): item is Item => item !== undefined);
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
