import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as DbModule from './db';
import type * as SyncModule from './sync';
import { emptyDatabase } from '../../tests/support/database';

const FEED = 'https://city.example.org/feed.json';

type Modules = {
  sync: typeof SyncModule;
  db: typeof DbModule;
};

// Each test gets an empty database and fresh module state (the cached open promise).
async function fresh(): Promise<Modules> {
  emptyDatabase();
  return { sync: await import('./sync'), db: await import('./db') };
}

interface Page {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A fake server: answers each URL from a table, recording every request. */
function server(pages: Record<string, Page | (() => Page)>) {
  const requests: { url: string; headers: Record<string, string> }[] = [];
  const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requests.push({ url, headers: { ...(init?.headers as Record<string, string>) } });
    const entry = pages[url];
    if (!entry) return Promise.reject(new TypeError('Failed to fetch'));
    const page = typeof entry === 'function' ? entry() : entry;
    const body = typeof page.body === 'string' ? page.body : JSON.stringify(page.body ?? null);
    return Promise.resolve(
      new Response(page.status === 304 ? null : body, { status: page.status ?? 200, headers: page.headers }),
    );
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests };
}

const news = (id: string, date: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Title ${id}`,
  content_text: `Body of ${id}`,
  date_published: date,
  ...extra,
});

const feed = (items: unknown[], extra: Record<string, unknown> = {}) => ({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Test city',
  _city: { city: 'Testville', timezone: 'Asia/Shanghai', languages: ['en'] },
  items,
  ...extra,
});

describe('syncFeed', () => {
  let m: Modules;
  beforeEach(async () => {
    m = await fresh();
  });

  it('stores a first feed, its meta and its validators', async () => {
    const s = server({
      [FEED]: {
        body: feed([news('a', '2026-01-02T10:00:00+08:00'), news('b', '2026-01-01T10:00:00+08:00')]),
        headers: { ETag: '"v1"', 'Last-Modified': 'Thu, 01 Jan 2026 00:00:00 GMT' },
      },
    });
    const report = await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch });
    expect(report).toMatchObject({ outcome: 'updated', added: 2, changed: 0, pages: 1 });
    expect((await m.db.listItems('news')).map((i) => i.id)).toEqual(['a', 'b']);
    expect((await m.db.getFeedMeta())?.city).toBe('Testville');
    const state = await m.db.getSyncState(FEED);
    expect(state).toMatchObject({ etag: '"v1"', lastModified: 'Thu, 01 Jan 2026 00:00:00 GMT' });
    expect(state?.lastSuccess).toBeTypeOf('number');
  });

  it('sends the validators back and treats a 304 as unchanged', async () => {
    let calls = 0;
    const s = server({
      [FEED]: () =>
        calls++ === 0
          ? { body: feed([news('a', '2026-01-02T10:00:00+08:00')]), headers: { ETag: '"v1"' } }
          : { status: 304 },
    });
    await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch });
    const second = await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch });
    expect(s.requests[1]?.headers['If-None-Match']).toBe('"v1"');
    expect(second).toMatchObject({ outcome: 'unchanged', added: 0, pages: 0 });
    expect(await m.db.listItems('news')).toHaveLength(1);
  });

  it('adds new items and counts changed ones; an identical item is not rewritten', async () => {
    const first = feed([news('a', '2026-01-01T10:00:00+08:00'), news('b', '2026-01-01T09:00:00+08:00')]);
    const second = feed([
      news('c', '2026-01-03T10:00:00+08:00'),
      news('a', '2026-01-01T10:00:00+08:00', { title: 'Corrected' }),
      news('b', '2026-01-01T09:00:00+08:00'),
    ]);
    let calls = 0;
    const s = server({ [FEED]: () => ({ body: calls++ === 0 ? first : second }) });
    await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch });
    const report = await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch });
    expect(report).toMatchObject({ outcome: 'updated', added: 1, changed: 1 });
    expect(report.stored).toEqual(['c', 'a']);
    const stored = await m.db.listItems('news');
    expect(stored.map((i) => i.id)).toEqual(['c', 'a', 'b']);
    expect(stored[1]?.title).toBe('Corrected');
  });

  it('reports an unchanged 200 as unchanged', async () => {
    const s = server({ [FEED]: { body: feed([news('a', '2026-01-01T10:00:00+08:00')]) } });
    await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch });
    const again = await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch });
    expect(again).toMatchObject({ outcome: 'unchanged', added: 0, changed: 0, pages: 1 });
  });

  it('applies retractions and names the items removed', async () => {
    let calls = 0;
    const s = server({
      [FEED]: () => ({
        body:
          calls++ === 0
            ? feed([news('a', '2026-01-01T10:00:00+08:00'), news('b', '2026-01-01T09:00:00+08:00')])
            : feed([{ id: 'a', _city: { deleted: true } }, news('b', '2026-01-01T09:00:00+08:00')]),
      }),
    });
    await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch });
    const report = await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch });
    expect(report.removed).toEqual(['a']);
    expect((await m.db.listItems('news')).map((i) => i.id)).toEqual(['b']);
  });

  it('keeps a retracted item out: from an older page, from a feed that drops the retraction, from a save', async () => {
    const p2 = 'https://city.example.org/feed-2.json';
    const a = news('a', '2026-01-01T10:00:00+08:00');
    let body: unknown = feed([a, news('b', '2026-01-01T09:00:00+08:00')]);
    const s = server({ [FEED]: () => ({ body }), [p2]: { body: feed([a]) } });
    await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch });
    const held = await m.db.findItem('news', 'a');
    body = feed([{ id: 'a', _city: { deleted: true } }], { next_url: p2 });
    const report = await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch });
    // The older page still has the copy: it is not stored again.
    expect(report.pages).toBe(2);
    expect(report.removed).toEqual(['a']);
    expect(report.stored).toEqual([]);
    expect(await m.db.findItem('news', 'a')).toBeUndefined();
    // The feed drops the retraction but keeps the old copy: still out.
    body = feed([a, news('b', '2026-01-01T09:00:00+08:00')]);
    expect((await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch })).stored).toEqual([]);
    expect(await m.db.findItem('news', 'a')).toBeUndefined();
    // A screen that had not heard of it cannot save it.
    expect(await m.db.saveItem(held!, 1)).toBe(false);
    expect(await m.db.listSaved()).toEqual([]);
    // Published again with a later date_modified: back, and no longer retracted.
    body = feed([{ ...a, title: 'Corrected', date_modified: '2026-01-02T10:00:00+08:00' }]);
    expect((await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch })).stored).toEqual(['a']);
    expect((await m.db.findItem('news', 'a'))?.title).toBe('Corrected');
    expect(await m.db.saveItem((await m.db.findItem('news', 'a'))!, 2)).toBe(true);
  });

  it('lets a retraction win over its own item on the same page', async () => {
    const s = server({
      [FEED]: { body: feed([news('a', '2026-01-01T10:00:00+08:00'), { id: 'a', _city: { deleted: true } }]) },
    });
    await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch });
    expect(await m.db.listItems('news')).toEqual([]);
  });

  it('follows next_url to older pages until it meets an item it holds', async () => {
    const p2 = 'https://city.example.org/feed-2.json';
    const p3 = 'https://city.example.org/feed-3.json';
    let first = true;
    const s = server({
      [FEED]: () =>
        first
          ? { body: feed([news('b', '2026-01-02T10:00:00+08:00')], { next_url: p2 }) }
          : { body: feed([news('c', '2026-01-03T10:00:00+08:00')], { next_url: p2 }) },
      [p2]: { body: feed([news('a', '2026-01-01T10:00:00+08:00')], { next_url: p3 }) },
      [p3]: { body: feed([news('z', '2025-12-01T10:00:00+08:00')]) },
    });
    const report = await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch });
    expect(report.pages).toBe(3);
    expect((await m.db.listItems('news')).map((i) => i.id)).toEqual(['b', 'a', 'z']);

    first = false;
    const second = await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch });
    // Page 2 holds `a`, already stored: paging stops there and page 3 is not fetched again.
    expect(second.pages).toBe(2);
    expect(s.requests.map((r) => r.url)).toEqual([FEED, p2, p3, FEED, p2]);
  });

  it('reads every page again after a sync that stopped half-way, then pages as before', async () => {
    const p2 = 'https://city.example.org/feed-2.json';
    const p3 = 'https://city.example.org/feed-3.json';
    let archive = false;
    const s = server({
      [FEED]: {
        body: feed([news('c', '2026-01-03T10:00:00+08:00')], { next_url: p2 }),
        headers: { ETag: '"v1"' },
      },
      [p2]: { body: feed([news('b', '2026-01-02T10:00:00+08:00')], { next_url: p3 }) },
      // The oldest page fails the first time: the network went away mid-sync.
      [p3]: () => (archive ? { body: feed([news('a', '2026-01-01T10:00:00+08:00')]) } : { status: 503 }),
    });
    const failed = await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch });
    expect(failed).toMatchObject({ outcome: 'failed', pages: 2 });
    expect(await m.db.getSyncState(FEED)).toMatchObject({ unfinished: true });

    archive = true;
    const again = await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch });
    // The first page holds only items this device has, yet the oldest is read: it never was.
    expect(again).toMatchObject({ outcome: 'updated', pages: 3, added: 1 });
    expect((await m.db.listItems('news')).map((i) => i.id)).toEqual(['c', 'b', 'a']);
    expect(s.requests.slice(3).map((r) => [r.url, r.headers['If-None-Match']])).toEqual([
      [FEED, undefined],
      [p2, undefined],
      [p3, undefined],
    ]);
    const state = await m.db.getSyncState(FEED);
    expect(state?.unfinished).toBeUndefined();
    expect(state?.etag).toBe('"v1"');

    // Complete now: the next sync stops at the first item it holds, as before.
    await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch });
    expect(s.requests.slice(6).map((r) => r.url)).toEqual([FEED]);
  });

  it('marks a sync of several pages unfinished before it stores the first: a closed tab leaves the mark', async () => {
    const p2 = 'https://city.example.org/feed-2.json';
    let reached: () => void = () => undefined;
    const atArchive = new Promise<void>((resolve) => (reached = resolve));
    const s = server({
      [FEED]: {
        body: feed([news('b', '2026-01-02T10:00:00+08:00')], { next_url: p2 }),
        headers: { ETag: '"v1"' },
      },
    });
    // The older page never answers, as in a tab closed while it was being read.
    const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      if (input !== p2) return s.fetch(input, init);
      reached();
      return new Promise<Response>(() => undefined);
    }) as typeof globalThis.fetch;
    void m.sync.syncFeed({ feedUrl: FEED, fetch, timeoutMs: 60_000 });
    await atArchive;
    expect((await m.db.listItems('news')).map((i) => i.id)).toEqual(['b']);
    const state = await m.db.getSyncState(FEED);
    expect(state?.unfinished).toBe(true);
    // Not the half-read feed's validators: a 304 must not end the next sync before the old pages.
    expect(state?.etag).toBeUndefined();
  });

  it('stops paging at the page limit and on a next_url that loops', async () => {
    const pages: Record<string, Page> = {};
    for (let i = 0; i < 20; i++) {
      const url = i === 0 ? FEED : `https://city.example.org/p${i}.json`;
      pages[url] = {
        body: feed([news(`item-${i}`, `2026-01-01T10:${String(59 - i).padStart(2, '0')}:00+08:00`)], {
          next_url: `https://city.example.org/p${i + 1}.json`,
        }),
      };
    }
    const limited = await m.sync.syncFeed({ feedUrl: FEED, fetch: server(pages).fetch, maxPages: 4 });
    expect(limited.pages).toBe(4);

    m = await fresh();
    const loop = server({
      [FEED]: {
        body: feed([news('x', '2026-01-01T10:00:00+08:00')], { next_url: 'https://city.example.org/q.json' }),
      },
      'https://city.example.org/q.json': {
        body: feed([news('y', '2025-01-01T10:00:00+08:00')], { next_url: FEED }),
      },
    });
    const looped = await m.sync.syncFeed({ feedUrl: FEED, fetch: loop.fetch });
    expect(looped.pages).toBe(2);
    expect(loop.requests).toHaveLength(2);
  });

  it("follows next_url only on the feed's own origin; another is ignored with a warning", async () => {
    const foreign = 'https://elsewhere.example/feed-2.json';
    const s = server({
      [FEED]: { body: feed([news('a', '2026-01-02T10:00:00+08:00')], { next_url: foreign }) },
      [foreign]: { body: feed([news('fake', '2026-01-01T10:00:00+08:00')]) },
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const report = await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch });
    expect(s.requests.map((r) => r.url)).toEqual([FEED]);
    expect(report).toMatchObject({ outcome: 'updated', pages: 1 });
    expect(report.warnings.map((w) => w.message)).toEqual([expect.stringContaining(foreign)]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("not on the feed's own site"));
    warn.mockRestore();
    expect((await m.db.listItems('news')).map((i) => i.id)).toEqual(['a']);
    // Another port or scheme is another origin too.
    for (const next of ['http://city.example.org/feed-2.json', 'https://city.example.org:8443/feed-2.json']) {
      m = await fresh();
      const other = server({
        [FEED]: { body: feed([news('a', '2026-01-02T10:00:00+08:00')], { next_url: next }) },
      });
      vi.spyOn(console, 'warn').mockImplementationOnce(() => undefined);
      await m.sync.syncFeed({ feedUrl: FEED, fetch: other.fetch });
      expect(other.requests).toHaveLength(1);
    }
  });

  describe('a failure loses nothing', () => {
    const seed = async () => {
      const ok = server({
        [FEED]: { body: feed([news('a', '2026-01-01T10:00:00+08:00')]), headers: { ETag: '"v1"' } },
      });
      await m.sync.syncFeed({ feedUrl: FEED, fetch: ok.fetch });
    };

    it.each([
      ['offline', server({}).fetch],
      ['http', server({ [FEED]: { status: 500, body: 'oops' } }).fetch],
      ['invalid', server({ [FEED]: { body: '<html>not json</html>' } }).fetch],
      ['invalid', server({ [FEED]: { body: { items: 'nope' } } }).fetch],
    ] as const)('%s', async (kind, failingFetch) => {
      await seed();
      const report = await m.sync.syncFeed({ feedUrl: FEED, fetch: failingFetch });
      expect(report.outcome).toBe('failed');
      expect(report.error?.kind).toBe(kind);
      expect((await m.db.listItems('news')).map((i) => i.id)).toEqual(['a']);
      const state = await m.db.getSyncState(FEED);
      expect(state?.lastError?.kind).toBe(kind);
      expect(state?.etag).toBe('"v1"');
    });

    /** A 200 whose body sends `sent` and then stalls until the request's signal ends it. */
    const stalling = (sent: string) =>
      ((_url: string, init?: RequestInit) => {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(sent));
            init?.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
          },
        });
        return Promise.resolve(new Response(body, { status: 200 }));
      }) as typeof fetch;

    /** A 200 whose connection drops after `sent`, as a browser reports it (a TypeError). */
    const cutOff = (sent: string) =>
      (() => {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(sent));
            controller.error(new TypeError('network error'));
          },
        });
        return Promise.resolve(new Response(body, { status: 200 }));
      }) as unknown as typeof fetch;

    it.each([
      [
        'timeout',
        'headers, then a body that stalls',
        stalling('{"version": "https://jsonfeed.org/version/1.1", "items": ['),
      ],
      [
        'offline',
        'a body cut off mid-way',
        cutOff('{"version": "https://jsonfeed.org/version/1.1", "items": ['),
      ],
      ['offline', 'a body cut off before it began', cutOff('')],
    ] as const)('%s: %s', async (kind, _case, failingFetch) => {
      await seed();
      const report = await m.sync.syncFeed({ feedUrl: FEED, fetch: failingFetch, timeoutMs: 50 });
      expect(report.error?.kind).toBe(kind);
      expect((await m.db.listItems('news')).map((i) => i.id)).toEqual(['a']);
    });

    it('storage: IndexedDB failing for another reason than space', async () => {
      await seed();
      const { IDBObjectStore: FakeStore } = await import('fake-indexeddb');
      const put = vi.spyOn(FakeStore.prototype, 'put').mockImplementationOnce(function () {
        throw new DOMException('The database connection is closing.', 'InvalidStateError');
      });
      const changed = server({ [FEED]: { body: feed([news('b', '2026-01-02T10:00:00+08:00')]) } });
      const report = await m.sync.syncFeed({ feedUrl: FEED, fetch: changed.fetch });
      put.mockRestore();
      expect(report.error?.kind).toBe('storage');
      expect((await m.db.listItems('news')).map((i) => i.id)).toEqual(['a']);
    });

    it('unexpected: a fault of the app is not blamed on the network or the device', async () => {
      await seed();
      const broken = (() =>
        Promise.resolve({
          ok: true,
          status: 200,
          text: () => Promise.resolve(JSON.stringify(feed([news('b', '2026-01-02T10:00:00+08:00')]))),
          headers: {
            get() {
              throw new Error('a bug');
            },
          },
        })) as unknown as typeof fetch;
      const report = await m.sync.syncFeed({ feedUrl: FEED, fetch: broken });
      expect(report.error).toEqual({ kind: 'unexpected', detail: 'a bug' });
    });

    it('times out a request that never answers', async () => {
      await seed();
      const hanging = ((_url: string, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error));
        })) as typeof fetch;
      const report = await m.sync.syncFeed({ feedUrl: FEED, fetch: hanging, timeoutMs: 50 });
      expect(report.error?.kind).toBe('timeout');
      expect(await m.db.listItems('news')).toHaveLength(1);
    });

    it('rolls back a page when the disk is full', async () => {
      await seed();
      const { IDBObjectStore: FakeStore } = await import('fake-indexeddb');
      const put = vi.spyOn(FakeStore.prototype, 'put').mockImplementationOnce(function (
        this: IDBObjectStore,
      ) {
        throw new DOMException('Quota exceeded', 'QuotaExceededError');
      });
      const bigger = server({
        [FEED]: {
          body: feed([
            news('a', '2026-01-01T10:00:00+08:00', { title: 'changed' }),
            news('b', '2026-01-02T10:00:00+08:00'),
          ]),
        },
      });
      const report = await m.sync.syncFeed({ feedUrl: FEED, fetch: bigger.fetch });
      put.mockRestore();
      expect(report.error?.kind).toBe('storage-full');
      const stored = await m.db.listItems('news');
      expect(stored.map((i) => [i.id, i.title])).toEqual([['a', 'Title a']]);
    });
  });

  it('compares a small page with a large store item by item', async () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      news(`n${i}`, `2026-01-01T10:${String(i).padStart(2, '0')}:00+08:00`),
    );
    let body = feed(many);
    const s = server({ [FEED]: () => ({ body }) });
    await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch });
    body = feed([news('new', '2026-01-02T10:00:00+08:00'), { ...many[3], title: 'Changed' }, many[2]]);
    const report = await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch });
    expect(report).toMatchObject({ added: 1, changed: 1, stored: ['new', 'n3'] });
    expect((await m.db.getItems(['n3']))[0]?.title).toBe('Changed');
    expect(await m.db.listItems('news')).toHaveLength(13);
  });

  it('keeps addresses unique: a slug already owned falls back to the id', async () => {
    const slug = (id: string, value: string, date = '2026-01-01T10:00:00+08:00') =>
      news(id, date, { _city: { slug: value } });
    let body = feed([slug('a', 'ferry'), slug('b', 'ferry')]);
    const s = server({ [FEED]: () => ({ body }) });
    await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch });
    expect((await m.db.findItem('news', 'ferry'))?.id).toBe('a');
    expect((await m.db.getItems(['b']))[0]?.key).toBe('b');

    // `a` gives the slug up and, later in the same page, `c` takes it; `b` still may not.
    body = feed([slug('a', 'bus'), slug('c', 'ferry', '2026-01-02T10:00:00+08:00'), slug('b', 'ferry')]);
    await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch });
    expect((await m.db.findItem('news', 'bus'))?.id).toBe('a');
    expect((await m.db.findItem('news', 'ferry'))?.id).toBe('c');
    expect((await m.db.getItems(['b']))[0]?.key).toBe('b');
  });

  it('keeps an undated item where it was first placed', async () => {
    let now = 1_000_000;
    const s = server({ [FEED]: { body: feed([{ id: 'u', content_text: 'undated' }]) } });
    await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch, now: () => now });
    const firstTime = (await m.db.getItems(['u']))[0]?.sortTime;
    now += 60_000;
    await m.sync.syncFeed({ feedUrl: FEED, fetch: s.fetch, now: () => now });
    expect((await m.db.getItems(['u']))[0]?.sortTime).toBe(firstTime);
  });

  it('opens the database once for concurrent callers', async () => {
    const open = vi.spyOn(globalThis.indexedDB, 'open');
    await Promise.all([m.db.listItems('news'), m.db.getFeedMeta(), m.db.savedIds()]);
    await m.db.allItems();
    expect(open).toHaveBeenCalledTimes(1);
  });
});

describe('syncUnlessFresh', () => {
  let m: Modules;
  beforeEach(async () => {
    m = await fresh();
  });

  it('skips a sync right after one succeeded, and runs once it is older or failed', async () => {
    let now = Date.parse('2026-12-07T10:00:00Z');
    const s = server({ [FEED]: { body: feed([news('a', '2026-12-07T09:00:00+08:00')]) } });
    const options = { feedUrl: FEED, fetch: s.fetch, now: () => now };
    await m.sync.syncFeed(options);
    now += 59_000;
    expect(await m.sync.syncUnlessFresh(options, 60_000)).toBeNull();
    expect(s.requests).toHaveLength(1);
    now += 2_000;
    expect(await m.sync.syncUnlessFresh(options, 60_000)).toMatchObject({ outcome: 'unchanged' });
    expect(s.requests).toHaveLength(2);

    // After a failure the feed is tried at once, however recent the success before it.
    const down = { ...options, fetch: server({}).fetch };
    await m.sync.syncFeed(down);
    now += 1_000;
    expect(await m.sync.syncUnlessFresh(down, 60_000)).toMatchObject({ outcome: 'failed' });
  });
});
