/**
 * The storage layer: the only module that imports `idb`. Page and service worker both reach
 * the database through the functions below, so there is one schema, one upgrade path and one
 * open promise. When IndexedDB is missing, throws, or never opens, the same functions run over
 * an in-memory stand-in (`memory-store.ts`) and `storageMode()` says so: screens and the
 * worker keep one code path, and the page tells the reader nothing is kept on the device.
 */
import {
  openDB,
  type DBSchema,
  type IDBPDatabase,
  type IDBPObjectStore,
  type IDBPTransaction,
  type IndexKey,
  type IndexNames,
  type StoreKey,
  type StoreNames,
  type StoreValue,
} from 'idb';
import { MemoryDatabase, type MemoryTx, type StoreShape } from './memory-store';
import type { FeedMeta, Item, ItemKind } from '@citylink/core/model';

/** Where a newest-first walk of one kind stopped: the last item it read. */
export interface Position {
  time: number;
  id: string;
}

/** Bookkeeping of the last sync of one feed URL. */
export interface SyncState {
  feedUrl: string;
  etag?: string;
  lastModified?: string;
  /** When a sync last finished, successfully or not (ms). */
  lastAttempt?: number;
  /** When the feed was last read successfully, changed or not (ms). */
  lastSuccess?: number;
  /** When this device first kept the feed (ms): the page open then says so, once. */
  firstSuccess?: number;
  /** Reason of the last failed sync; cleared by the next success. */
  lastError?: { kind: SyncErrorKind; detail: string };
  /**
   * A sync began to store a feed of several pages and did not finish (it failed, or its tab
   * or worker was closed): the older pages may be missing, so the next sync reads every page
   * instead of stopping at the first item it holds. Cleared by the next complete sync.
   */
  unfinished?: boolean;
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

/** An item as stored: with the ids of its translations, which the `by-link` index reads (v3). */
export interface StoredItem extends Item {
  links: string[];
  /**
   * v4, urgent notices only: until when (ms) the notice is current, `expires` or the end of
   * time. The `by-urgent` index holds only items that have it, so the banner reads just those.
   */
  urgentUntil?: number;
}

/** The largest time a Date holds (ms): an urgent notice without `expires` is current until then. */
export const END_OF_TIME = 8_640_000_000_000_000;

/** The record `item` is stored as. */
export function toStored(item: Item): StoredItem {
  const stored: StoredItem = { ...item, links: item.translations.map((translation) => translation.id) };
  if (item.urgent) stored.urgentUntil = item.expires ? Date.parse(item.expires) : END_OF_TIME;
  return stored;
}

/** When an item last changed, as its publisher dated it (ms); 0 when undated. */
export function changedAt(item: Pick<Item, 'dateModified' | 'datePublished'>): number {
  const date = item.dateModified ?? item.datePublished;
  const ms = date ? Date.parse(date) : 0;
  return Number.isNaN(ms) ? 0 : ms;
}

/**
 * v5: a retraction this device has seen, kept for good so that no path (a later sync of an
 * older page, a push sent before the retraction and delivered after it, a save) brings the
 * item back. Only the item published again with a later change (`changedAt` after `version`)
 * lifts it.
 */
export interface RetractionMark {
  id: string;
  /**
   * The last change the retraction covers (ms): that of the copy the device held (stored or
   * saved), else the time the device first saw the retraction, so that a copy dated before it
   * (a late push) stays out.
   */
  version: number;
  /** When the device first saw the retraction (ms). */
  at: number;
}

/** Whether `item` is a copy that `mark` retracted (not one published again since). */
export function isRetracted(
  item: Pick<Item, 'dateModified' | 'datePublished'>,
  mark: RetractionMark | undefined,
): boolean {
  return mark !== undefined && changedAt(item) <= mark.version;
}

/** What the reader did with an urgent notice (v4), by item id. */
export interface NoticeState {
  id: string;
  /** The version of the notice (its publisher's last change, ms) the reader dismissed. */
  dismissedAt?: number;
  /** The version announced to screen readers, so that it is announced once. */
  announcedAt?: number;
}

export interface CitylinkDB extends DBSchema {
  items: {
    key: string;
    value: StoredItem;
    indexes: {
      /** Lists of one kind, newest first when walked backwards. */
      'by-kind-time': [ItemKind, number];
      /** Addresses: `/news/<key>` finds its item by kind and key. */
      'by-kind-key': [ItemKind, string];
      /**
       * v3: the items that name an id as their translation, so a list can find a whole
       * translation group from any of its items, even when only one side links the other.
       */
      'by-link': string;
      /** v4: urgent notices by the time they stop being current (`urgentUntil`). */
      'by-urgent': number;
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
  /** v4: urgent notices the reader dismissed or heard announced. */
  notices: { key: string; value: NoticeState };
  /** v5: every retraction seen, by item id (see `RetractionMark`). */
  retractions: { key: string; value: RetractionMark };
  /** v6: the search index, under the key `index` (see `SearchRecord`). */
  search: { key: 'index'; value: SearchRecord };
  /**
   * v6: items written or removed since the stored search index last took them in, by id,
   * each with a stamp that a later write of the same id changes (see `markForSearch`).
   */
  searchPending: { key: string; value: number };
}

/**
 * The stored search index. The data layer keeps it and does not look inside: `index` is
 * src/lib/search's `StoredIndex` when `format` is the one that module writes. `revision`
 * counts saves, so that a save based on an older one is refused (see `saveSearchIndex`).
 */
export interface SearchRecord {
  format: number;
  revision: number;
  index: unknown;
}

export const DB_NAME = 'citylink';
export const DB_VERSION = 6;

type Db = IDBPDatabase<CitylinkDB>;
type Stores = StoreNames<CitylinkDB>;
type Value<N extends Stores> = StoreValue<CitylinkDB, N>;
type Key<N extends Stores> = StoreKey<CitylinkDB, N>;
type Index<N extends Stores> = IndexNames<CitylinkDB, N>;

/**
 * What a transaction may do, the same over IndexedDB and over the in-memory stand-in, so
 * callers (`syncFeed()`'s page writes) have one code path whatever the browser allows.
 */
export interface Access {
  get<N extends Stores>(store: N, key: Key<N>): Promise<Value<N> | undefined>;
  getAll<N extends Stores>(store: N): Promise<Value<N>[]>;
  getAllKeys<N extends Stores>(store: N): Promise<Key<N>[]>;
  fromIndex<N extends Stores, I extends Index<N>>(
    store: N,
    index: I,
    key: IndexKey<CitylinkDB, N, I>,
  ): Promise<Value<N> | undefined>;
  keyFromIndex<N extends Stores, I extends Index<N>>(
    store: N,
    index: I,
    key: IndexKey<CitylinkDB, N, I>,
  ): Promise<Key<N> | undefined>;
  /** Urgent notices current after `at` (ms): items whose `urgentUntil` is later. */
  urgentAfter(at: number): Promise<StoredItem[]>;
  /** Keys of every record whose index key equals `key` (for `by-link`, an element of `links`). */
  keysFromIndex<N extends Stores, I extends Index<N>>(
    store: N,
    index: I,
    key: IndexKey<CitylinkDB, N, I>,
  ): Promise<Key<N>[]>;
  count(store: Stores): Promise<number>;
  /** Up to `count` items by id order, from the first id after `after` (the first when null). */
  itemsAfter(after: string | null, count: number): Promise<StoredItem[]>;
  /** Items of one kind, newest first (the `by-kind-time` index walked backwards). */
  newestOfKind(kind: ItemKind, limit: number): Promise<StoredItem[]>;
  /**
   * Up to `limit` items of one kind, newest first, that come after `after` in that order
   * (time, then id, both descending, as the `by-kind-time` index walks backwards); from the
   * newest when `after` is null. A list reads a page in a few of these steps.
   */
  olderOfKind(kind: ItemKind, after: Position | null, limit: number): Promise<StoredItem[]>;
  put<N extends Stores>(store: N, value: Value<N>, key?: Key<N>): Promise<void>;
  delete<N extends Stores>(store: N, key: Key<N>): Promise<void>;
  clear(store: Stores): Promise<void>;
}

interface Backend {
  run<T>(stores: Stores[], mode: 'readonly' | 'readwrite', work: (access: Access) => Promise<T>): Promise<T>;
}

// Key paths of the stores and their indexes: the upgrade creates them, the in-memory stand-in
// reads records by them.
const SHAPES = {
  items: {
    keyPath: 'id',
    indexes: {
      'by-kind-time': ['kind', 'sortTime'],
      'by-kind-key': ['kind', 'key'],
      'by-link': 'links',
      'by-urgent': 'urgentUntil',
    },
    multiEntry: ['by-link'],
  },
  feed: {},
  sync: { keyPath: 'feedUrl' },
  saved: { keyPath: 'id', indexes: { 'by-kind-key': ['item.kind', 'item.key'] } },
  reads: {},
  retracted: { keyPath: 'id' },
  notices: { keyPath: 'id' },
  retractions: { keyPath: 'id' },
  search: {},
  searchPending: {},
} as const satisfies Record<Stores, StoreShape>;

/** The versioned upgrade, run by `openDB` when the device holds an older version (or none). */
function upgrade(
  database: Db,
  oldVersion: number,
  _newVersion: number | null,
  transaction: IDBPTransaction<CitylinkDB, Stores[], 'versionchange'>,
): void {
  // An upgrade the browser aborts (a disk error, storage refused) fails the open, which is
  // handled there; its transaction's own rejection must not surface as an uncaught error.
  transaction.done.catch(() => undefined);
  try {
    createStores(database, oldVersion, transaction);
  } catch (error) {
    // Aborted under us, or a step failed: never open a half-made database. The open fails
    // with the abort, and content goes to memory.
    console.warn('Citylink: the database upgrade did not run.', error);
    try {
      transaction.abort();
    } catch {
      // Already aborted.
    }
  }
}

/**
 * Upgrades run one step per version so that a device several versions behind walks through
 * each of them; every step must be safe to run on the data the previous step left.
 */
function createStores(
  database: Db,
  oldVersion: number,
  transaction: IDBPTransaction<CitylinkDB, Stores[], 'versionchange'>,
): void {
  const { items: itemShape, saved: savedShape } = SHAPES;
  if (oldVersion < 1) {
    const items = database.createObjectStore('items', { keyPath: itemShape.keyPath });
    items.createIndex('by-kind-time', [...itemShape.indexes['by-kind-time']]);
    items.createIndex('by-kind-key', [...itemShape.indexes['by-kind-key']]);
    database.createObjectStore('feed');
    database.createObjectStore('sync', { keyPath: SHAPES.sync.keyPath });
  }
  if (oldVersion < 2) {
    // Only new stores: the items, feed facts and validators of v1 stay as they are.
    const saved = database.createObjectStore('saved', { keyPath: savedShape.keyPath });
    saved.createIndex('by-kind-key', [...savedShape.indexes['by-kind-key']]);
    database.createObjectStore('reads');
    database.createObjectStore('retracted', { keyPath: SHAPES.retracted.keyPath });
  }
  if (oldVersion < 3) {
    // A new index over a field every stored item is given here; safe to run twice.
    const items = transaction.objectStore('items');
    if (!items.indexNames.contains('by-link')) {
      items.createIndex('by-link', itemShape.indexes['by-link'], { multiEntry: true });
    }
    // The open waits for this transaction, so the rewrite is done before anyone reads. A failed
    // request aborts the whole upgrade: the database stays at v2 and the next open tries again.
    void addLinks(items).catch(() => undefined);
  }
  if (oldVersion < 4) {
    // Urgent notices get their own index, and a store for what the reader did with them.
    database.createObjectStore('notices', { keyPath: SHAPES.notices.keyPath });
    const items = transaction.objectStore('items');
    if (!items.indexNames.contains('by-urgent'))
      items.createIndex('by-urgent', itemShape.indexes['by-urgent']);
    // Items stored urgent by v3 (its parser already read `_city.urgent`) get `urgentUntil`.
    void markUrgent(items).catch(() => undefined);
  }
  if (oldVersion < 5) {
    // Retractions were applied and forgotten until v5: none is known to remember.
    database.createObjectStore('retractions', { keyPath: SHAPES.retractions.keyPath });
  }
  if (oldVersion < 6) {
    // The search index is stored from v6 on. None is made here: the next sync, in a worker,
    // builds it from the items, and search reads the items until then.
    database.createObjectStore('search');
    database.createObjectStore('searchPending');
  }
}

async function markUrgent(
  items: IDBPObjectStore<CitylinkDB, Stores[], 'items', 'versionchange'>,
): Promise<void> {
  let cursor = await items.openCursor();
  while (cursor) {
    if (cursor.value.urgent) await cursor.update(toStored(cursor.value));
    cursor = await cursor.continue();
  }
}

async function addLinks(
  items: IDBPObjectStore<CitylinkDB, Stores[], 'items', 'versionchange'>,
): Promise<void> {
  let cursor = await items.openCursor();
  while (cursor) {
    // `?? []`: a record that lacks `translations` (written by hand, as in a test) gets no links.
    await cursor.update(toStored({ ...cursor.value, translations: cursor.value.translations ?? [] }));
    cursor = await cursor.continue();
  }
}

/**
 * How this page or worker keeps content, for the page to tell the reader:
 * - `opening`: not known yet;
 * - `persistent`: in IndexedDB, so it stays on the device;
 * - `memory`: IndexedDB is missing, refused or never opened: content lives in memory, for
 *   this visit only;
 * - `waiting`: the database must be upgraded, and a tab of an older version holds it open;
 * - `outdated`: a newer version of the app (another tab) upgraded the database: reload.
 */
export type StorageMode = 'opening' | 'persistent' | 'memory' | 'waiting' | 'outdated';

let mode: StorageMode = 'opening';
const watchers = new Set<(mode: StorageMode) => void>();

function setMode(next: StorageMode): void {
  if (next === mode) return;
  mode = next;
  for (const watcher of watchers) watcher(next);
}

/** The current storage mode. */
export function storageMode(): StorageMode {
  return mode;
}

/** Calls `watcher` on every change of the storage mode; returns the unsubscribe. */
export function watchStorageMode(watcher: (mode: StorageMode) => void): () => void {
  watchers.add(watcher);
  return () => watchers.delete(watcher);
}

/** Resolves once storage is open (or has fallen back to memory), with the mode it ended in. */
export async function storageReady(): Promise<StorageMode> {
  await storage();
  return mode;
}

// An open that neither succeeds, fails nor reports a blocking tab within this time is taken
// for a hang (seen in some private modes and broken profiles): content goes to memory instead.
const OPEN_TIMEOUT_MS = 5_000;

// Cached as a promise so that concurrent callers share one open.
let current: Promise<Backend> | undefined;
let memory: Backend | undefined;

function storage(): Promise<Backend> {
  current ??= openStorage();
  return current;
}

async function openStorage(): Promise<Backend> {
  try {
    const database = await openWithin(OPEN_TIMEOUT_MS);
    setMode('persistent');
    return idbBackend(database);
  } catch (error) {
    // Only an older app version meets a newer database; anything else is IndexedDB failing.
    setMode((error as { name?: unknown } | null)?.name === 'VersionError' ? 'outdated' : 'memory');
    console.warn('Citylink: IndexedDB is not available; content is kept in memory for this visit.', error);
    memory ??= memoryBackend(new MemoryDatabase(SHAPES));
    return memory;
  }
}

function openWithin(ms: number): Promise<Db> {
  return new Promise((resolve, reject) => {
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      reject(new DOMException(`IndexedDB did not open in ${ms / 1000} s.`, 'TimeoutError'));
    }, ms);
    let opened: Promise<Db>;
    try {
      // `indexedDB` itself may be missing, or a getter that throws (blocked storage).
      opened = openDB<CitylinkDB>(DB_NAME, DB_VERSION, {
        upgrade,
        // A tab of an older version holds the database: it is asked to close (see `blocking`),
        // and this one waits for it, however long, saying so, instead of giving up.
        blocked() {
          clearTimeout(timer);
          setMode('waiting');
        },
        // A newer version of the app (another tab, or the next worker) needs the database: let
        // it upgrade, and ask this tab's reader to reload into the new version.
        blocking(_current, next, event) {
          (event.target as IDBDatabase).close();
          current = undefined;
          // A deletion (no next version), as when site data is cleared, needs no reload.
          if (next !== null) setMode('outdated');
        },
        terminated() {
          current = undefined;
        },
      });
    } catch (error) {
      clearTimeout(timer);
      reject(asError(error));
      return;
    }
    opened.then(
      (database) => {
        clearTimeout(timer);
        // Opened after we gave up: this visit already runs from memory.
        if (late) database.close();
        else resolve(database);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(asError(error));
      },
    );
  });
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function idbBackend(database: Db): Backend {
  return {
    async run(stores, txMode, work) {
      const t = database.transaction(stores, txMode);
      try {
        const result = await work(idbAccess(t));
        await t.done;
        return result;
      } catch (error) {
        // Abort so a half-done write never commits; `done` then rejects, which we have handled.
        try {
          t.abort();
        } catch {
          // Already finished or aborted by the browser (e.g. on QuotaExceededError).
        }
        await t.done.catch(() => undefined);
        throw error;
      }
    },
  };
}

function idbAccess(t: IDBPTransaction<CitylinkDB, Stores[], 'readonly' | 'readwrite'>): Access {
  // idb types each store apart; these functions serve every store, so they talk to the
  // untyped store and the `Access` signature carries the types.
  const store = (name: Stores) =>
    t.objectStore(name) as unknown as IDBPObjectStore<unknown, string[], string, 'readwrite'>;
  return {
    get: (name, key) => store(name).get(key),
    getAll: (name) => store(name).getAll(),
    getAllKeys: (name) => store(name).getAllKeys() as Promise<never[]>,
    fromIndex: (name, index, key) =>
      store(name)
        .index(index)
        .get(key as IDBValidKey),
    keyFromIndex: (name, index, key) =>
      store(name)
        .index(index)
        .getKey(key as IDBValidKey) as Promise<never>,
    async newestOfKind(kind, limit) {
      const range = IDBKeyRange.bound([kind, -Infinity], [kind, Infinity]);
      const out: StoredItem[] = [];
      let cursor = await t.objectStore('items').index('by-kind-time').openCursor(range, 'prev');
      while (cursor && out.length < limit) {
        out.push(cursor.value);
        cursor = await cursor.continue();
      }
      return out;
    },
    keysFromIndex: (name, index, key) =>
      store(name)
        .index(index)
        .getAllKeys(key as IDBValidKey) as Promise<never[]>,
    count: (name) => store(name).count(),
    urgentAfter: (at) => t.objectStore('items').index('by-urgent').getAll(IDBKeyRange.lowerBound(at, true)),
    async olderOfKind(kind, after, limit) {
      const upper: [ItemKind, number] = [kind, after ? after.time : Infinity];
      const range = IDBKeyRange.bound([kind, -Infinity], upper);
      let cursor = await t.objectStore('items').index('by-kind-time').openCursor(range, 'prev');
      // Items at the same time come by id, highest first: skip down past `after` itself.
      if (cursor && after && cursor.key[1] === after.time && cursor.primaryKey >= after.id) {
        if (cursor.primaryKey > after.id) cursor = await cursor.continuePrimaryKey(upper, after.id);
        if (cursor?.key[1] === after.time && cursor.primaryKey === after.id) cursor = await cursor.continue();
      }
      const out: StoredItem[] = [];
      // No step past the last item asked for: a page's walk reads nothing it does not use.
      while (cursor && out.length < limit) {
        out.push(cursor.value);
        if (out.length < limit) cursor = await cursor.continue();
      }
      return out;
    },
    async put(name, value, key) {
      await (key === undefined ? store(name).put(value) : store(name).put(value, key));
    },
    itemsAfter: (after, count) =>
      t.objectStore('items').getAll(after === null ? undefined : IDBKeyRange.lowerBound(after, true), count),
    delete: (name, key) => store(name).delete(key),
    clear: (name) => store(name).clear(),
  };
}

function memoryBackend(database: MemoryDatabase): Backend {
  return {
    run: (stores, txMode, work) => database.run(stores, txMode, (m) => work(memoryAccess(m))),
  };
}

function memoryAccess(m: MemoryTx): Access {
  // The stand-in is schema-agnostic; SHAPES made it keep exactly what IndexedDB would.
  const typed = <T>(value: unknown) => Promise.resolve(value as T);
  // A write that throws (a record without a key) rejects, as an IndexedDB request would fail.
  const attempt = (write: () => void) => new Promise<void>((resolve) => resolve(write()));
  return {
    get: (name, key) => typed(m.get(name, key)),
    getAll: (name) => typed(m.getAll(name)),
    getAllKeys: (name) => typed(m.getAllKeys(name)),
    fromIndex: (name, index, key) => typed(m.fromIndex(name, index, key as IDBValidKey)?.value),
    keyFromIndex: (name, index, key) => typed(m.fromIndex(name, index, key as IDBValidKey)?.key),
    keysFromIndex: (name, index, key) => typed(m.keysFromIndex(name, index, key as IDBValidKey)),
    count: (name) => typed(m.getAllKeys(name).length),
    itemsAfter: (after, count) =>
      typed(
        (m.getAll('items') as StoredItem[])
          .filter((item) => after === null || item.id > after)
          .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          .slice(0, count),
      ),
    urgentAfter: (at) =>
      typed(
        (m.indexDescending('items', 'by-urgent', at, END_OF_TIME, Infinity) as StoredItem[])
          .filter((item) => (item.urgentUntil ?? 0) > at)
          .reverse(),
      ),
    newestOfKind: (kind, limit) =>
      typed(m.indexDescending('items', 'by-kind-time', [kind, -Infinity], [kind, Infinity], limit)),
    olderOfKind: (kind, after, limit) => {
      const upper = [kind, after ? after.time : Infinity];
      const walk = m.indexDescending(
        'items',
        'by-kind-time',
        [kind, -Infinity],
        upper,
        Infinity,
      ) as StoredItem[];
      // At one time the walk goes by id, highest first, as IndexedDB's does: skip past `after`.
      const older = after ? walk.filter((item) => item.sortTime < after.time || item.id < after.id) : walk;
      return typed(older.slice(0, limit));
    },
    put: (name, value, key) => attempt(() => m.put(name, value, key)),
    delete: (name, key) => attempt(() => m.delete(name, key)),
    clear: (name) => attempt(() => m.clear(name)),
  };
}

/**
 * Runs `work` in one read-only transaction: for readers outside this module (lists, sync's
 * comparison) that need several requests to see one state of the store.
 */
export function view<T>(stores: Stores[], work: (access: Access) => Promise<T>): Promise<T> {
  return read(stores, work);
}

function read<T>(stores: Stores[], work: (access: Access) => Promise<T>): Promise<T> {
  return storage().then((backend) => backend.run(stores, 'readonly', work));
}

/** Items of one kind, newest first. */
export function listItems(kind: ItemKind, limit = Infinity): Promise<Item[]> {
  return read(['items'], (a) => a.newestOfKind(kind, limit));
}

/** Every stored item, of all kinds. */
export function allItems(): Promise<Item[]> {
  return read(['items'], (a) => a.getAll('items'));
}

/**
 * The item at an address: by its key (slug) first, then by its id, so links by id keep working;
 * then among saved snapshots, so a saved item the feed dropped (or a cleared cache) still opens.
 */
export function findItem(kind: ItemKind, key: string): Promise<Item | undefined> {
  return read(['items', 'saved'], async (a) => {
    const byKey = await a.fromIndex('items', 'by-kind-key', [kind, key]);
    if (byKey) return byKey;
    const byId = await a.get('items', key);
    if (byId?.kind === kind) return byId;
    const saved = (await a.fromIndex('saved', 'by-kind-key', [kind, key])) ?? (await a.get('saved', key));
    return saved?.item.kind === kind ? saved.item : undefined;
  });
}

/**
 * How many contacts on this device (stored or saved) there are, and how many of them have
 * machine-readable `opening_hours`: whether the device needs the hours parser.
 */
export function contactHours(): Promise<{ contacts: number; withHours: number }> {
  return read(['items', 'saved'], async (a) => {
    const stored = await a.newestOfKind('contact', Infinity);
    const saved = (await a.getAll('saved')).map((entry) => entry.item);
    // A saved contact the feed still carries is one contact, not two.
    const byId = new Map(
      [...saved.filter((item) => item.kind === 'contact'), ...stored].map((i) => [i.id, i]),
    );
    const contacts = [...byId.values()];
    return {
      contacts: contacts.length,
      withHours: contacts.filter((item) => item.contact?.openingHours).length,
    };
  });
}

/** Items by id, in the order asked, leaving out ids not stored. */
export function getItems(ids: readonly string[]): Promise<Item[]> {
  return read(['items'], async (a) => {
    const found = await Promise.all(ids.map((id) => a.get('items', id)));
    return found.filter((item): item is StoredItem => item !== undefined);
  });
}

/** Every saved item, most recently saved first. */
export async function listSaved(): Promise<SavedItem[]> {
  const all = await read(['saved'], (a) => a.getAll('saved'));
  return all.sort((a, b) => b.savedAt - a.savedAt);
}

/**
 * Saves a snapshot of `item` (or refreshes the one saved). A copy its feed retracted (a screen
 * that had not yet heard of the retraction) is not saved; resolves with whether it was.
 */
export function saveItem(item: Item, savedAt: number): Promise<boolean> {
  return tx(['saved', 'retractions'], async (a) => {
    if (isRetracted(item, await a.get('retractions', item.id))) return false;
    await a.put('saved', { id: item.id, item, savedAt });
    return true;
  });
}

/** Forgets a saved item; the feed's copy, if any, stays. */
export function unsaveItem(id: string): Promise<void> {
  return tx(['saved'], (a) => a.delete('saved', id));
}

/** Ids of every saved item. */
export function savedIds(): Promise<string[]> {
  return read(['saved'], (a) => a.getAllKeys('saved'));
}

/** Marks an item read now. */
export function markRead(id: string, at: number): Promise<void> {
  return tx(['reads'], (a) => a.put('reads', at, id));
}

/** Ids of every item ever opened. */
export function readIds(): Promise<string[]> {
  return read(['reads'], (a) => a.getAllKeys('reads'));
}

/** Retracted saved items the reader has not been told about. */
export function listRetracted(): Promise<RetractedNotice[]> {
  return read(['retracted'], (a) => a.getAll('retracted'));
}

/** The reader has seen the notice about these retracted items. */
export async function dismissRetracted(ids: readonly string[]): Promise<void> {
  await tx(['retracted'], async (a) => {
    for (const id of ids) await a.delete('retracted', id);
  });
}

/**
 * Drops cached content (items, feed validators) so the next sync reads the feed afresh, but
 * keeps saved items, read marks and the feed's name. Image files are the page's to clear.
 */
export async function clearCachedContent(): Promise<void> {
  await tx(['items', 'sync', 'search', 'searchPending'], async (a) => {
    await a.clear('items');
    await a.clear('search');
    await a.clear('searchPending');
    // Validators go (a 304 would leave the emptied store empty); the sync history stays.
    for (const state of await a.getAll('sync')) {
      const rest = { ...state };
      delete rest.etag;
      delete rest.lastModified;
      await a.put('sync', rest);
    }
  });
}

/**
 * Marks items as changed or removed for the search index, in the transaction `a` that writes
 * or deletes them, so the index can never miss a change: whoever loads it applies the marks
 * it has not taken in. The stamp tells a later mark of the same id from the one a save took in.
 */
export async function markForSearch(a: Access, ids: readonly string[]): Promise<void> {
  await Promise.all(ids.map((id) => a.put('searchPending', Math.random(), id)));
}

/** What the search index is built or brought up to date from, read in one transaction. */
export interface SearchState {
  record?: SearchRecord;
  /** The marks not yet taken in: ids and their stamps. */
  pending: [string, number][];
  /** Every item (`all`), or only the marked ones still stored. */
  items: Item[];
}

/**
 * The stored search index, its pending marks, and every item or the marked ones (none past
 * `most` marks). With `chunked`, every item is read in short transactions after the marks: a
 * sync's writes go in between rather than wait for one long read of a large store, and any
 * item written meanwhile keeps a mark that is not in `pending`, so it is taken in next time.
 */
export async function readSearchState(
  all: boolean,
  { chunked = false, most = Infinity } = {},
): Promise<SearchState> {
  const state = await read(['items', 'search', 'searchPending'], async (a) => {
    const [record, ids, stamps] = await Promise.all([
      a.get('search', 'index'),
      a.getAllKeys('searchPending'),
      a.getAll('searchPending'),
    ]);
    const pending = ids.map((id, i): [string, number] => [id, stamps[i]!]);
    const items =
      all && chunked
        ? []
        : all
          ? await a.getAll('items')
          : // Past `most` marks the caller rebuilds from every item: a get for each of a first
            // sync's hundred thousand would only hold up the page's reads behind them.
            ids.length > most
            ? []
            : (await Promise.all(ids.map((id) => a.get('items', id)))).filter(
                (item): item is StoredItem => item !== undefined,
              );
    return { ...(record ? { record } : {}), pending, items };
  });
  if (!all || !chunked) return state;
  for (let after: string | null = null; ;) {
    const chunk = await read(['items'], (a) => a.itemsAfter(after, READ_CHUNK));
    for (const item of chunk) state.items.push(item);
    if (chunk.length < READ_CHUNK) return state;
    after = chunk[chunk.length - 1]!.id;
  }
}

/** Items per transaction of a chunked read. */
const READ_CHUNK = 1_000;

/**
 * Stores a search index made from a state of revision `basedOn` (0 for none) and clears the
 * marks it took in, unless another save came first (then nothing is written, and the marks
 * stay for the next one). Resolves with whether it was stored.
 */
export function saveSearchIndex(
  index: unknown,
  format: number,
  basedOn: number,
  taken: readonly [string, number][],
): Promise<boolean> {
  return tx(['search', 'searchPending'], async (a) => {
    const current = await a.get('search', 'index');
    if ((current?.revision ?? 0) !== basedOn) return false;
    await a.put('search', { format, revision: basedOn + 1, index }, 'index');
    const [ids, stamps] = await Promise.all([a.getAllKeys('searchPending'), a.getAll('searchPending')]);
    const took = new Map(taken);
    // A mark stamped anew since it was read is a later write, not yet taken in: it stays.
    const done = ids.filter((id, i) => took.get(id) === stamps[i]);
    // All of them (after a first sync, a hundred thousand): one request rather than one each.
    if (done.length === ids.length) await a.clear('searchPending');
    else await Promise.all(done.map((id) => a.delete('searchPending', id)));
    return true;
  });
}

/** The feed-level facts of the last successful sync, if any. */
export function getFeedMeta(): Promise<FeedMeta | undefined> {
  return read(['feed'], (a) => a.get('feed', 'current'));
}

/** The sync bookkeeping of a feed URL. */
export function getSyncState(feedUrl: string): Promise<SyncState | undefined> {
  return read(['sync'], (a) => a.get('sync', feedUrl));
}

/** Records the outcome of a sync without touching any item. */
export function putSyncState(state: SyncState): Promise<void> {
  return tx(['sync'], (a) => a.put('sync', state));
}

/**
 * Runs `work` in one read-write transaction and resolves once it has committed; if `work`
 * throws, nothing of it is kept. Callers must not await anything but the transaction's own
 * requests inside `work` (no network), or an IndexedDB transaction closes early:
 * https://github.com/jakearchibald/idb#transaction-lifetime
 */
export async function tx<T>(stores: Stores[], work: (access: Access) => Promise<T>): Promise<T> {
  return (await storage()).run(stores, 'readwrite', work);
}
