import { describe, expect, it } from 'vitest';
import type { Item } from '@citylink/core/model';
import { readPushMessage } from '@citylink/core/push-message';
import { emptyDatabase } from '../../tests/support/database';

const FEED = 'https://city.example.org/feed.json';

const feed = (items: unknown[]) => ({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Test city',
  _city: { timezone: 'Asia/Shanghai', languages: ['en', 'zh-Hans'] },
  items,
});

const story = (id: string, title: string, day: number, modified?: number) => ({
  id,
  title,
  content_text: 'For experts.',
  date_published: new Date(Date.UTC(2026, 10, day)).toISOString(),
  ...(modified ? { date_modified: new Date(Date.UTC(2026, 10, modified)).toISOString() } : {}),
});

async function setUp() {
  emptyDatabase();
  const sync = await import('../data/sync');
  const db = await import('../data/db');
  const { SearchIndex, INDEX_FORMAT } = await import('../lib/search/index');
  const { updateSearchIndex } = await import('./search-sync');
  const syncOnce = (body: unknown) =>
    sync.syncFeed({
      feedUrl: FEED,
      fetch: () => Promise.resolve(new Response(JSON.stringify(body), { status: 200 })),
    });
  /** The stored index with the stored items, as the page loads it, and what is pending. */
  const stored = async () => {
    const state = await db.readSearchState(true);
    const items = new Map<string, Item>(state.items.map((item) => [item.id, item]));
    const index = SearchIndex.fromStored(state.record!.index as never, items);
    return {
      record: state.record!,
      pending: state.pending.map(([id]) => id).sort(),
      ids: (query: string) =>
        index
          .search(query)
          .hits.map((hit) => hit.item.id)
          .sort(),
      size: index.size,
      /** The ids the stored index itself holds, whatever the items store has. */
      held: (state.record!.index as { ids: string[] }).ids.filter(Boolean).sort(),
    };
  };
  return {
    sync,
    db,
    SearchIndex,
    INDEX_FORMAT,
    updateSearchIndex,
    syncOnce,
    stored,
  };
}

describe('the stored search index follows sync', () => {
  it('is built once from the items, then takes in each change, removal and retraction', async () => {
    const { db, INDEX_FORMAT, updateSearchIndex, syncOnce, stored } = await setUp();
    await syncOnce(feed([story('a', 'Talent station opens', 1), story('b', '人才驿站开门', 2)]));
    expect((await db.readSearchState(false)).pending.map(([id]) => id).sort()).toEqual(['a', 'b']);
    await updateSearchIndex();
    let now = await stored();
    expect(now.record.format).toBe(INDEX_FORMAT);
    expect(now.record.revision).toBe(1);
    expect(now.pending).toEqual([]);
    expect(now.ids('station')).toEqual(['a']);
    expect(now.ids('驿站')).toEqual(['b']);

    // Added, changed and retracted in one sync.
    await syncOnce(
      feed([
        story('c', 'Neutrino evening', 4),
        story('a', 'Talent desk moves', 1, 3),
        { id: 'b', _city: { deleted: true } },
      ]),
    );
    await updateSearchIndex();
    now = await stored();
    expect(now.record.revision).toBe(2);
    expect(now.pending).toEqual([]);
    expect(now.ids('neutrino')).toEqual(['c']);
    expect(now.ids('desk')).toEqual(['a']);
    expect(now.ids('station')).toEqual([]);
    expect(now.ids('驿站')).toEqual([]);
    expect(now.size).toBe(2);
    expect(now.held).toEqual(['a', 'c']);
  });

  it('stores nothing again for a replayed sync, and ignores a retraction replayed', async () => {
    const { updateSearchIndex, syncOnce, stored } = await setUp();
    const first = feed([story('a', 'Ferry timetable', 1), { id: 'b', _city: { deleted: true } }]);
    await syncOnce(first);
    await updateSearchIndex();
    const before = await stored();
    await syncOnce(first);
    await syncOnce(first);
    await updateSearchIndex();
    const after = await stored();
    expect(after.record.revision).toBe(before.record.revision);
    expect(after.pending).toEqual([]);
    expect(after.ids('ferry')).toEqual(['a']);
    expect(after.size).toBe(1);
  });

  it('takes in an item a push message stored between syncs', async () => {
    const { updateSearchIndex, syncOnce, stored } = await setUp();
    await syncOnce(feed([story('a', 'Ferry timetable', 1)]));
    await updateSearchIndex();
    const { storePushedItem } = await import('../data/push');
    const message = readPushMessage({
      v: 1,
      notice: 'n1',
      kind: 'urgent',
      lang: 'en',
      title: 'Typhoon warning',
      body: 'Stay inside.',
      path: '/news/typhoon',
      timezone: 'Asia/Shanghai',
      item: {
        id: 'p',
        title: 'Typhoon warning',
        content_text: 'Stay inside.',
        date_published: '2026-11-05T00:00:00Z',
        _city: { slug: 'typhoon', urgent: true },
      },
    })!;
    expect((await storePushedItem(message, FEED, Date.UTC(2026, 10, 5))).item?.id).toBe('p');
    expect((await stored()).pending).toEqual(['p']);
    await updateSearchIndex();
    const now = await stored();
    expect(now.pending).toEqual([]);
    expect(now.ids('typhoon')).toEqual(['p']);
    expect(now.ids('ferry')).toEqual(['a']);
  });

  it('rebuilds an index of another format, and one that many changes would outgrow', async () => {
    const { db, INDEX_FORMAT, updateSearchIndex, syncOnce, stored } = await setUp();
    await syncOnce(feed([story('a', 'Ferry timetable', 1)]));
    await db.saveSearchIndex({ stale: true }, INDEX_FORMAT - 1, 0, []);
    await updateSearchIndex();
    let now = await stored();
    expect(now.record.format).toBe(INDEX_FORMAT);
    expect(now.ids('ferry')).toEqual(['a']);

    await syncOnce(
      feed(Array.from({ length: 2_100 }, (_, i) => story(`s${i}`, `Lantern ${i}`, 1 + (i % 28)))),
    );
    await updateSearchIndex();
    now = await stored();
    expect(now.pending).toEqual([]);
    expect(now.ids('lantern')).toHaveLength(2_100);
    expect(now.ids('ferry')).toEqual(['a']);
  });

  it('refuses a save made from an older revision, and keeps its marks for the next', async () => {
    const { db, SearchIndex, INDEX_FORMAT, updateSearchIndex, syncOnce, stored } = await setUp();
    await syncOnce(feed([story('a', 'Ferry timetable', 1)]));
    const early = await db.readSearchState(true);
    await updateSearchIndex();
    await syncOnce(feed([story('b', 'Lantern fair', 2)]));
    // A slow context saves what it built from before the first save: refused.
    const late = new SearchIndex(early.items).toStored();
    expect(await db.saveSearchIndex(late, INDEX_FORMAT, 0, early.pending)).toBe(false);
    expect((await stored()).pending).toEqual(['b']);
    await updateSearchIndex();
    expect((await stored()).ids('lantern')).toEqual(['b']);
  });

  it('leaves a mark of an item written again after it was read', async () => {
    const { db, syncOnce } = await setUp();
    await syncOnce(feed([story('a', 'Ferry timetable', 1)]));
    const read = await db.readSearchState(false);
    await syncOnce(feed([story('a', 'Ferry timetable moved', 1, 2)]));
    expect(await db.saveSearchIndex({}, 0, 0, read.pending)).toBe(true);
    expect((await db.readSearchState(false)).pending.map(([id]) => id)).toEqual(['a']);
  });

  it('upgrades a database from before v6: the first update builds the index of its items', async () => {
    const { db, updateSearchIndex, stored } = await setUp();
    // A v5 device's store, made without the data layer: items, and no search stores yet.
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(db.DB_NAME, 1);
      open.onupgradeneeded = () => {
        const items = open.result.createObjectStore('items', { keyPath: 'id' });
        items.createIndex('by-kind-time', ['kind', 'sortTime']);
        items.createIndex('by-kind-key', ['kind', 'key']);
        open.result.createObjectStore('feed');
        open.result.createObjectStore('sync', { keyPath: 'feedUrl' });
        items.put({
          id: 'old',
          kind: 'news',
          key: 'old',
          title: 'Lantern fair kept',
          sortTime: 1,
          authors: [],
          tags: [],
          attachments: [],
          translations: [],
        });
      };
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(new Error(String(open.error)));
    });
    const before = await db.readSearchState(false);
    expect(before.record).toBeUndefined();
    expect(before.pending).toEqual([]);
    await updateSearchIndex();
    const now = await stored();
    expect(now.record.revision).toBe(1);
    expect(now.ids('lantern')).toEqual(['old']);
  });
});
