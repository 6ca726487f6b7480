import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import type * as DbModule from './db';
import type { Item } from '@citylink/core/model';
import type * as SyncModule from './sync';
import { emptyDatabase } from '../../tests/support/database';

const FEED = 'https://city.example.org/feed.json';

let db: typeof DbModule;
let sync: typeof SyncModule;

beforeEach(async () => {
  emptyDatabase();
  db = await import('./db');
  sync = await import('./sync');
});

const news = (id: string, title = `Title ${id}`, extra: Record<string, unknown> = {}) => ({
  id,
  title,
  content_text: `Body of ${id}`,
  date_published: '2026-01-01T10:00:00+08:00',
  ...extra,
});

/** A fake feed server answering each sync with the next body of `bodies`, then the last. */
function feedServer(...bodies: unknown[][]) {
  let call = 0;
  return ((_url: RequestInfo | URL) => {
    const items = bodies[Math.min(call++, bodies.length - 1)]!;
    const body = { version: 'https://jsonfeed.org/version/1.1', title: 'Test', language: 'en', items };
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
  }) as typeof fetch;
}

describe('database upgrade', () => {
  it('keeps the items, feed facts and validators of a v1 database', async () => {
    const item = { id: 'old', kind: 'news', key: 'old', title: 'Kept', sortTime: 1, authors: [], tags: [] };
    const v1 = await openDB(db.DB_NAME, 1, {
      upgrade(database) {
        const items = database.createObjectStore('items', { keyPath: 'id' });
        items.createIndex('by-kind-time', ['kind', 'sortTime']);
        items.createIndex('by-kind-key', ['kind', 'key']);
        database.createObjectStore('feed');
        database.createObjectStore('sync', { keyPath: 'feedUrl' });
      },
    });
    await v1.put('items', item);
    await v1.put('feed', { title: 'Old feed' }, 'current');
    await v1.put('sync', { feedUrl: FEED, etag: '"v1"' });
    v1.close();

    expect(await db.findItem('news', 'old')).toMatchObject({ title: 'Kept' });
    expect(await db.getFeedMeta()).toMatchObject({ title: 'Old feed' });
    expect(await db.getSyncState(FEED)).toMatchObject({ etag: '"v1"' });
    expect(await db.listSaved()).toEqual([]);
    expect(db.storageMode()).toBe('persistent');
    const upgraded = await openDB(db.DB_NAME);
    expect(upgraded.version).toBe(db.DB_VERSION);
    upgraded.close();
  });

  /** A v2 database as the previous version left it, holding `items` (with no `links`). */
  async function v2With(items: Record<string, unknown>[], extra?: (store: IDBObjectStore) => void) {
    const v2 = await openDB(db.DB_NAME, 2, {
      upgrade(database) {
        const store = database.createObjectStore('items', { keyPath: 'id' });
        store.createIndex('by-kind-time', ['kind', 'sortTime']);
        store.createIndex('by-kind-key', ['kind', 'key']);
        extra?.(store as unknown as IDBObjectStore);
        database.createObjectStore('feed');
        database.createObjectStore('sync', { keyPath: 'feedUrl' });
        database
          .createObjectStore('saved', { keyPath: 'id' })
          .createIndex('by-kind-key', ['item.kind', 'item.key']);
        database.createObjectStore('reads');
        database.createObjectStore('retracted', { keyPath: 'id' });
      },
    });
    for (const item of items) await v2.put('items', item);
    v2.close();
  }

  const stored = (
    id: string,
    sortTime: number,
    language: string,
    translations: { language: string; id: string }[],
  ) => ({
    id,
    kind: 'news',
    key: id,
    title: id,
    sortTime,
    language,
    authors: [],
    tags: [],
    attachments: [],
    translations,
  });

  it('v3 indexes the translation links of the items a v2 database holds', async () => {
    // Only the Chinese version links the English one: the group is found from either side.
    await v2With([
      stored('a-en', 2, 'en', []),
      stored('a-zh', 1, 'zh-Hans', [{ language: 'en', id: 'a-en' }]),
    ]);
    const { readListPage } = await import('./lists');
    const page = await readListPage('news', null, { language: 'zh-Hans', onlyMine: false });
    expect(page.items.map((i) => i.id)).toEqual(['a-zh']);
    expect(db.storageMode()).toBe('persistent');
    const database = await openDB(db.DB_NAME);
    expect(await database.getAllKeysFromIndex('items', 'by-link', 'a-en')).toEqual(['a-zh']);
    expect(((await database.get('items', 'a-en')) as { links?: string[] } | undefined)?.links).toEqual([]);
    database.close();
  });

  it('v3 runs safely over a database that already has its index', async () => {
    await v2With([stored('b', 1, 'en', [{ language: 'fr', id: 'b-fr' }])], (store) =>
      store.createIndex('by-link', 'links', { multiEntry: true }),
    );
    expect(await db.storageReady()).toBe('persistent');
    const database = await openDB(db.DB_NAME);
    expect(database.version).toBe(db.DB_VERSION);
    expect(await database.getAllKeysFromIndex('items', 'by-link', 'b-fr')).toEqual(['b']);
    database.close();
  });
});

describe('saved items', () => {
  it('stay saved and open after the feed drops them and the cache is cleared', async () => {
    const fetch = feedServer([news('a'), news('b')], [news('b')]);
    await sync.syncFeed({ feedUrl: FEED, fetch });
    const a = (await db.findItem('news', 'a'))!;
    await db.saveItem(a, 5);
    await sync.syncFeed({ feedUrl: FEED, fetch });
    await db.clearCachedContent();

    expect(await db.listItems('news')).toEqual([]);
    expect((await db.listSaved()).map((s) => s.id)).toEqual(['a']);
    expect(await db.findItem('news', 'a')).toMatchObject({ id: 'a', title: 'Title a' });
    // The sync history stays, but without validators: the next sync reads the whole feed.
    const state = await db.getSyncState(FEED);
    expect(state?.lastSuccess).toBeGreaterThan(0);
    expect(state?.etag).toBeUndefined();
  });

  it('follow changes the feed makes while it has them', async () => {
    const fetch = feedServer([news('a')], [news('a', 'Postponed to Friday')]);
    await sync.syncFeed({ feedUrl: FEED, fetch });
    await db.saveItem((await db.findItem('news', 'a'))!, 5);
    await sync.syncFeed({ feedUrl: FEED, fetch });
    const [saved] = await db.listSaved();
    expect(saved?.item.title).toBe('Postponed to Friday');
    expect(saved?.savedAt).toBe(5);
  });

  it('are removed by a retraction, which leaves a notice naming them', async () => {
    const fetch = feedServer(
      [news('a', 'Ferry timetable'), news('b')],
      [news('b')],
      [
        { id: 'a', _city: { deleted: true } },
        { id: 'b', _city: { deleted: true } },
      ],
    );
    await sync.syncFeed({ feedUrl: FEED, fetch });
    await db.saveItem((await db.findItem('news', 'a'))!, 5);
    await sync.syncFeed({ feedUrl: FEED, fetch });
    await db.clearCachedContent();
    const report = await sync.syncFeed({ feedUrl: FEED, fetch });

    expect(report.removed.sort()).toEqual(['a']);
    expect(await db.listSaved()).toEqual([]);
    expect(await db.findItem('news', 'a')).toBeUndefined();
    const notices = await db.listRetracted();
    expect(notices).toMatchObject([{ id: 'a', title: 'Ferry timetable', kind: 'news' }]);
    await db.dismissRetracted(['a']);
    expect(await db.listRetracted()).toEqual([]);
  });

  it('can be unsaved without touching the feed copy', async () => {
    await sync.syncFeed({ feedUrl: FEED, fetch: feedServer([news('a')]) });
    const a: Item = (await db.findItem('news', 'a'))!;
    await db.saveItem(a, 1);
    expect(await db.savedIds()).toEqual(['a']);
    await db.unsaveItem('a');
    expect(await db.savedIds()).toEqual([]);
    expect(await db.findItem('news', 'a')).toMatchObject({ id: 'a' });
  });
});

describe('read marks', () => {
  it('remember which items were opened', async () => {
    await db.markRead('a', 10);
    await db.markRead('b', 11);
    expect((await db.readIds()).sort()).toEqual(['a', 'b']);
  });
});
