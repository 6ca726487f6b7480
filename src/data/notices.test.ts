import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyDatabase } from '../../tests/support/database';
import type * as DbModule from './db';
import type * as NoticesModule from './notices';
import type * as SyncModule from './sync';

const FEED = 'https://city.example.org/feed.json';
const NOW = Date.parse('2026-08-01T08:00:00+08:00');

let db: typeof DbModule;
let notices: typeof NoticesModule;
let sync: typeof SyncModule;

async function load(): Promise<void> {
  vi.resetModules();
  db = await import('./db');
  notices = await import('./notices');
  sync = await import('./sync');
}

const news = (id: string, extra: Record<string, unknown> = {}, city: Record<string, unknown> = {}) => ({
  id,
  title: `Title ${id}`,
  content_text: `Body of ${id}`,
  date_published: '2026-08-01T07:00:00+08:00',
  ...extra,
  _city: city,
});
const urgent = (id: string, extra: Record<string, unknown> = {}, city: Record<string, unknown> = {}) =>
  news(id, extra, { urgent: true, ...city });

async function store(items: unknown[]): Promise<void> {
  const body = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'T',
    language: 'en',
    items,
  });
  const report = await sync.syncFeed({
    feedUrl: FEED,
    fetch: () => Promise.resolve(new Response(body)),
  });
  expect(report.outcome).not.toBe('failed');
}

const current = async (at = NOW) =>
  (await notices.currentNotices(at)).map((notice) => notice.items.map((item) => item.id).sort());

// Both backends: IndexedDB, and the in-memory stand-in a browser without it gets.
describe.each([
  ['IndexedDB', emptyDatabase],
  ['memory', () => Reflect.deleteProperty(globalThis, 'indexedDB')],
])('urgent notices over %s', (_name, setUp) => {
  beforeEach(async () => {
    setUp();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await load();
  });

  it('says whether a notice current when a screen was kept has ended since (the worker drops that screen)', async () => {
    const ends = Date.parse('2026-08-02T00:00:00+08:00');
    await store([
      urgent('typhoon', {}, { expires: '2026-08-02T00:00:00+08:00' }),
      urgent('forever'),
      news('plain'),
    ]);
    expect(await notices.noticeEndedSince(NOW, NOW + 1)).toBe(false);
    expect(await notices.noticeEndedSince(NOW, ends)).toBe(true);
    // Kept after it ended: the screen never showed it.
    expect(await notices.noticeEndedSince(ends, ends + 1)).toBe(false);
  });

  it('lists current urgent news by translation group, newest first, and nothing else', async () => {
    await store([
      urgent(
        'typhoon-en',
        { language: 'en', date_published: '2026-08-01T07:30:00+08:00' },
        {
          translations: [{ language: 'zh-Hans', id: 'typhoon-zh' }],
          expires: '2026-08-02T00:00:00+08:00',
        },
      ),
      urgent(
        'typhoon-zh',
        { language: 'zh-Hans', date_published: '2026-08-01T07:30:00+08:00' },
        { expires: '2026-08-02T00:00:00+08:00' },
      ),
      urgent('closure', { date_published: '2026-08-01T06:00:00+08:00' }),
      urgent('over', {}, { expires: '2026-08-01T07:59:59+08:00' }),
      news('plain'),
    ]);
    expect(await current()).toEqual([['typhoon-en', 'typhoon-zh'], ['closure']]);
    const [typhoon] = await notices.currentNotices(NOW);
    expect(typhoon?.ids.sort()).toEqual(['typhoon-en', 'typhoon-zh']);
    expect(typhoon?.announced).toBe(false);
    // A day later the typhoon notice has expired by itself; the closure has no end.
    expect(await current(Date.parse('2026-08-02T00:00:01+08:00'))).toEqual([['closure']]);
    expect(notices.isCurrent({ expires: '2026-08-02T00:00:00+08:00' }, NOW)).toBe(true);
    expect(notices.isCurrent({ expires: '2026-08-02T00:00:00+08:00' }, Date.parse('2026-08-02'))).toBe(false);
    expect(notices.isCurrent({}, NOW)).toBe(true);
  });

  it('drops a notice dismissed in any language, and shows it again, unannounced, once changed', async () => {
    const zh = urgent(
      'typhoon-zh',
      { language: 'zh-Hans' },
      { translations: [{ language: 'en', id: 'typhoon-en' }] },
    );
    await store([urgent('typhoon-en', { language: 'en' }), zh]);
    const [first] = await notices.currentNotices(NOW);
    await notices.markAnnounced([first!]);
    expect((await notices.currentNotices(NOW))[0]?.announced).toBe(true);
    // Dismissed by one language's id only: the whole group is settled.
    await notices.dismissNotice({ ids: ['typhoon-zh'], version: first!.version });
    expect(await current()).toEqual([]);

    // The publisher raises the signal: the same ids, changed after the dismissal.
    await store([
      urgent('typhoon-en', { language: 'en', date_modified: '2026-08-01T09:00:00+08:00' }),
      { ...zh, date_modified: '2026-08-01T09:00:00+08:00' },
    ]);
    const [again] = await notices.currentNotices(NOW);
    expect(again?.items.map((item) => item.id).sort()).toEqual(['typhoon-en', 'typhoon-zh']);
    expect(again?.announced).toBe(false);
  });

  it('drops a notice the reader opened, and one the publisher retracted', async () => {
    await store([urgent('a'), urgent('b')]);
    await db.markRead('a', NOW);
    expect(await current()).toEqual([['b']]);
    await store([{ id: 'b', _city: { deleted: true } }]);
    expect(await current()).toEqual([]);
  });

  it('stores what the reader did per item, kept across reads', async () => {
    await store([urgent('a')]);
    const [notice] = await notices.currentNotices(NOW);
    await notices.markAnnounced([notice!]);
    await notices.dismissNotice(notice!);
    await notices.markAnnounced([notice!]);
    expect(await current()).toEqual([]);
  });

  it('settles a notice on a device whose clock runs behind the publisher', async () => {
    // Published at 07:00 by the city; this device thinks it is 06:50.
    const behind = Date.parse('2026-08-01T06:50:00+08:00');
    await store([urgent('a'), urgent('b')]);
    await db.markRead('a', behind);
    const [b] = await notices.currentNotices(behind);
    expect(b?.items.map((item) => item.id)).toEqual(['b']);
    await notices.dismissNotice(b!);
    expect(await current(behind)).toEqual([]);
  });
});

describe('database v4', () => {
  beforeEach(async () => {
    emptyDatabase();
    await load();
  });

  it('indexes the urgent items a v3 database holds, and adds the notices store', async () => {
    const item = (id: string, extra: Record<string, unknown>) => ({
      id,
      kind: 'news',
      key: id,
      sortTime: 1,
      authors: [],
      tags: [],
      attachments: [],
      translations: [],
      links: [],
      ...extra,
    });
    const v3 = await openDB(db.DB_NAME, 3, {
      upgrade(database) {
        const items = database.createObjectStore('items', { keyPath: 'id' });
        items.createIndex('by-kind-time', ['kind', 'sortTime']);
        items.createIndex('by-kind-key', ['kind', 'key']);
        items.createIndex('by-link', 'links', { multiEntry: true });
        database.createObjectStore('feed');
        database.createObjectStore('sync', { keyPath: 'feedUrl' });
        database
          .createObjectStore('saved', { keyPath: 'id' })
          .createIndex('by-kind-key', ['item.kind', 'item.key']);
        database.createObjectStore('reads');
        database.createObjectStore('retracted', { keyPath: 'id' });
      },
    });
    await v3.put('items', item('warning', { urgent: true, expires: '2026-08-02T00:00:00+08:00' }));
    await v3.put('items', item('forever', { urgent: true }));
    await v3.put('items', item('plain', {}));
    v3.close();

    // Equally old: in the index's order, the one that ends first first.
    expect(await current()).toEqual([['warning'], ['forever']]);
    const upgraded = await openDB(db.DB_NAME);
    expect(upgraded.version).toBe(db.DB_VERSION);
    expect([...upgraded.objectStoreNames]).toEqual(expect.arrayContaining(['notices', 'retractions']));
    expect(await upgraded.getAllKeysFromIndex('items', 'by-urgent')).toEqual(['warning', 'forever']);
    expect((await upgraded.get('items', 'forever')) as unknown).toMatchObject({
      urgentUntil: db.END_OF_TIME,
    });
    upgraded.close();
  });
});
