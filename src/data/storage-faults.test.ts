import { IDBFactory, IDBOpenDBRequest } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyDatabase } from '../../tests/support/database';
import { recordFigure } from '../../tools/support/figures';
import type * as DbModule from './db';
import type * as SyncModule from './sync';

const FEED = 'https://city.example.org/feed.json';

const feedServer = ((_url: RequestInfo | URL) =>
  Promise.resolve(
    new Response(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Test',
        items: [
          { id: 'a', title: 'First', content_text: 'a', date_published: '2026-01-02T00:00:00Z' },
          { id: 'release-v1.2', title: 'Second', content_text: 'b', date_published: '2026-01-01T00:00:00Z' },
        ],
      }),
    ),
  )) as typeof fetch;

/** Fresh modules (no open promise) over whatever `globalThis.indexedDB` is now. */
async function load(): Promise<{ db: typeof DbModule; sync: typeof SyncModule }> {
  vi.resetModules();
  return { db: await import('./db'), sync: await import('./sync') };
}

let warn: ReturnType<typeof vi.spyOn>;

// Each test adds its fault once it has held; the README's figures come from here.
const held: string[] = [];
afterAll(() => recordFigure('storage-faults-unit', { held: held.length, faults: held }));
beforeEach(() => {
  emptyDatabase();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** IndexedDB broken one way each; `break()` runs before the data layer first opens it. */
const FAULTS: [string, () => void][] = [
  [
    'indexedDB missing',
    () => {
      Reflect.deleteProperty(globalThis, 'indexedDB');
    },
  ],
  [
    'indexedDB a getter that throws',
    () => {
      Object.defineProperty(globalThis, 'indexedDB', {
        configurable: true,
        get() {
          throw new DOMException('The user denied permission to access the database.', 'SecurityError');
        },
      });
    },
  ],
  [
    'open() failing through an aborted upgrade',
    () => {
      const factory = globalThis.indexedDB;
      const open = factory.open.bind(factory);
      vi.spyOn(factory, 'open').mockImplementation((name, version) => {
        const request = open(name, version);
        request.addEventListener('upgradeneeded', () => request.transaction?.abort());
        return request;
      });
    },
  ],
];

describe.each(FAULTS)('with %s', (name, breakIt) => {
  beforeEach(() => breakIt());
  afterEach(() => {
    Object.defineProperty(globalThis, 'indexedDB', {
      configurable: true,
      writable: true,
      value: new IDBFactory(),
    });
  });

  it('syncs into memory, reads it back through the same functions, and says so', async () => {
    const { db, sync } = await load();
    const report = await sync.syncFeed({ feedUrl: FEED, fetch: feedServer });
    expect(report).toMatchObject({ outcome: 'updated', added: 2 });
    expect(db.storageMode()).toBe('memory');
    expect(await db.storageReady()).toBe('memory');
    expect((await db.listItems('news')).map((item) => item.id)).toEqual(['a', 'release-v1.2']);
    expect((await db.findItem('news', 'release-v1.2'))?.title).toBe('Second');
    expect((await db.getSyncState(FEED))?.lastSuccess).toBeTypeOf('number');
    const item = (await db.findItem('news', 'a'))!;
    await db.saveItem(item, 1);
    expect(await db.savedIds()).toEqual(['a']);
    // A second sync finds what the first kept: nothing new, nothing lost.
    expect(await sync.syncFeed({ feedUrl: FEED, fetch: feedServer })).toMatchObject({ outcome: 'unchanged' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('kept in memory'), expect.anything());
    held.push(name);
  });

  it('keeps none of a write that fails half-way, as a transaction would', async () => {
    const { db, sync } = await load();
    await sync.syncFeed({ feedUrl: FEED, fetch: feedServer });
    const [first] = await db.listItems('news');
    const failing = db.tx(['items', 'saved'], async (a) => {
      await a.delete('items', 'a');
      await a.put('saved', { id: 'a', item: first!, savedAt: 1 });
      throw new Error('half-way');
    });
    await expect(failing).rejects.toThrow('half-way');
    expect((await db.listItems('news')).map((item) => item.id)).toEqual(['a', 'release-v1.2']);
    expect(await db.listSaved()).toEqual([]);
  });
});

describe('an open that never settles', () => {
  it('gives up after 5 s and runs from memory', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // A real request object that no event ever reaches.
    vi.spyOn(globalThis.indexedDB, 'open').mockImplementation(() => new IDBOpenDBRequest());
    const { db } = await load();
    const items = db.listItems('news');
    await vi.advanceTimersByTimeAsync(4_999);
    expect(db.storageMode()).toBe('opening');
    await vi.advanceTimersByTimeAsync(1);
    expect(await items).toEqual([]);
    expect(db.storageMode()).toBe('memory');
    held.push('an open that never settles');
  });
});

describe('versions of the app in two tabs', () => {
  /** A newer app version: the same code asking for the next database version. */
  async function newerVersion(): Promise<typeof DbModule> {
    const factory = globalThis.indexedDB;
    const open = factory.open.bind(factory);
    vi.spyOn(factory, 'open').mockImplementation((name, version) => open(name, (version ?? 1) + 1));
    return (await load()).db;
  }

  it('the old tab lets the upgrade through and is asked to reload', async () => {
    const { db: old, sync } = await load();
    await sync.syncFeed({ feedUrl: FEED, fetch: feedServer });
    const modes: string[] = [];
    old.watchStorageMode((mode) => modes.push(mode));

    const newer = await newerVersion();
    expect((await newer.listItems('news')).map((item) => item.id)).toEqual(['a', 'release-v1.2']);
    expect(newer.storageMode()).toBe('persistent');
    expect(modes).toEqual(['outdated']);
    // Its screens keep working (from memory) until the reader reloads; nothing throws.
    vi.restoreAllMocks();
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(old.listItems('news')).resolves.toEqual([]);
    expect(old.storageMode()).toBe('outdated');
    held.push('a newer version upgrading under an open tab');
  });

  it('the new tab waits, saying so, for an old tab that holds on, however long', async () => {
    const { sync } = await load();
    await sync.syncFeed({ feedUrl: FEED, fetch: feedServer });
    // An old tab that does not give way (a version from before `blocking` closed it).
    const holder = await openDB('citylink');

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const newer = await newerVersion();
    const items = newer.listItems('news');
    await vi.waitFor(() => expect(newer.storageMode()).toBe('waiting'));
    // Well past the open timeout: still waiting, not fallen back to memory.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(newer.storageMode()).toBe('waiting');

    holder.close();
    expect((await items).map((item) => item.id)).toEqual(['a', 'release-v1.2']);
    expect(newer.storageMode()).toBe('persistent');
    held.push('an upgrade blocked by an old tab');
  });
});
