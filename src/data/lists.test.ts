import { IDBCursor } from 'fake-indexeddb';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as DbModule from './db';
import type * as ListsModule from './lists';
import type { FeedMeta, Item, ItemKind } from '@citylink/core/model';
import { readerView, type Reader } from '@citylink/core/translations';
import { emptyDatabase } from '../../tests/support/database';

// Counts cursor steps. Installed before any cursor is used: idb recognises a cursor's
// `continue` by identity, the first time it wraps one.
const steps = vi.spyOn(IDBCursor.prototype, 'continue');

let db: typeof DbModule;
let lists: typeof ListsModule;

beforeEach(async () => {
  emptyDatabase();
  db = await import('./db');
  lists = await import('./lists');
});

function item(id: string, sortTime: number, extra: Partial<Item> = {}): Item {
  return {
    id,
    kind: 'news',
    key: id,
    title: id,
    sortTime,
    authors: [],
    tags: [],
    attachments: [],
    translations: [],
    ...extra,
  };
}

/** Links `a` and `b` as translations; `oneSided` leaves the link on `b` only. */
function translate(a: Item, b: Item, oneSided = false): void {
  if (!oneSided) a.translations.push({ language: b.language ?? 'und', id: b.id });
  b.translations.push({ language: a.language ?? 'und', id: a.id });
}

async function store(items: Item[], feedLanguage?: string): Promise<void> {
  await db.tx(['items', 'feed'], async (t) => {
    for (const i of items) await t.put('items', db.toStored(i));
    const meta: FeedMeta = { title: 'Test', expired: false, languages: [], language: feedLanguage };
    await t.put('feed', meta, 'current');
  });
}

/** Every page of a list, read one after the other as the screen does. */
async function allPages(kind: ItemKind, reader: Reader, size: number): Promise<string[][]> {
  const pages: string[][] = [];
  let after: ListsModule.Position | null = null;
  do {
    const page: ListsModule.ListPage = await lists.readListPage(kind, after, reader, size);
    pages.push(page.items.map((i) => i.id));
    after = page.next;
  } while (after && pages.length < 1000);
  return pages;
}

/** What the whole list shows, from every item at once: the definition the pages must meet. */
function wholeList(items: Item[], kind: ItemKind, reader: Reader, feedLanguage?: string): string[] {
  const ofKind = items.filter((i) => i.kind === kind).sort(lists.listOrder);
  return readerView(ofKind, reader, feedLanguage).map((i) => i.id);
}

const en: Reader = { language: 'en', onlyMine: false };
const zh: Reader = { language: 'zh-Hans', onlyMine: false };

describe('readListPage', () => {
  it('reads a page at a time, newest first, and says where the next starts', async () => {
    await store(Array.from({ length: 7 }, (_, i) => item(`n${i}`, 100 + i)));
    const first = await lists.readListPage('news', null, en, 3);
    expect(first.items.map((i) => i.id)).toEqual(['n6', 'n5', 'n4']);
    expect(first.next).toEqual({ time: 104, id: 'n4' });
    const second = await lists.readListPage('news', first.next, en, 3);
    expect(second.items.map((i) => i.id)).toEqual(['n3', 'n2', 'n1']);
    const last = await lists.readListPage('news', second.next, en, 3);
    expect(last).toEqual({ items: [expect.objectContaining({ id: 'n0' })], next: null });
  });

  it('gives a Traditional reader the Traditional version, else the Simplified one converted', async () => {
    const hans = item('a-hans', 3, { title: '江门侨务信息', language: 'zh-Hans' });
    const hant = item('a-hant', 3, { title: '江門僑務資訊', language: 'zh-Hant' });
    translate(hans, hant);
    const only = item('b-hans', 2, { title: '开平碉楼', summary: '欢迎参观', language: 'zh-Hans' });
    const english = item('c-en', 1, { title: 'Kaiping', language: 'en' });
    await store([hans, hant, only, english], 'zh-Hans');
    const page = await lists.readListPage('news', null, { language: 'zh-Hant', onlyMine: true }, 20);
    expect(page.items.map((i) => [i.id, i.title, i.language])).toEqual([
      ['a-hant', '江門僑務資訊', 'zh-Hant'],
      ['b-hans', '開平碉樓', expect.stringMatching(/^zh-Hant-(HK|TW)-t-zh-hans$/)],
    ]);
    expect(page.items[1]!.summary).toBe('歡迎參觀');
    // The store keeps the item as published.
    expect((await db.getItems(['b-hans']))[0]!.title).toBe('开平碉楼');
    const simplified = await lists.readListPage('news', null, { language: 'zh-Hans', onlyMine: true }, 20);
    expect(simplified.items.map((i) => i.title)).toEqual(['江门侨务信息', '开平碉楼']);
  });

  it('splits items of the same time between pages without losing or repeating one', async () => {
    await store(['a', 'b', 'c', 'd', 'e'].map((id) => item(id, 5)));
    expect(await allPages('news', en, 2)).toEqual([['e', 'd'], ['c', 'b'], ['a']]);
  });

  it('goes on after an item that was removed between two pages', async () => {
    await store(['a', 'b', 'c', 'd'].map((id) => item(id, 5)));
    const first = await lists.readListPage('news', null, en, 2);
    await db.tx(['items'], (t) => t.delete('items', 'c'));
    const second = await lists.readListPage('news', first.next, en, 2);
    expect(second.items.map((i) => i.id)).toEqual(['b', 'a']);
    await db.tx(['items'], (t) => t.delete('items', 'd'));
    expect((await lists.readListPage('news', first.next, en, 2)).items.map((i) => i.id)).toEqual(['b', 'a']);
  });

  it('shows a translation group once, in the reader language, where the whole list would', async () => {
    const story = item('story-en', 10, { language: 'en' });
    const storyZh = item('story-zh', 1, { language: 'zh-Hans' });
    const other = item('other', 5, { language: 'en' });
    translate(story, storyZh);
    await store([story, storyZh, other]);
    // English readers see the English version first; Chinese readers see the Chinese one in
    // its own place, on the next page, and nothing in the English one's place.
    expect(await allPages('news', en, 1)).toEqual([['story-en'], ['other'], []]);
    expect(await allPages('news', zh, 1)).toEqual([['other'], ['story-zh']]);
  });

  it('finds a translation that only the other side links', async () => {
    const story = item('story-en', 10, { language: 'en' });
    const storyZh = item('story-zh', 1, { language: 'zh-Hans' });
    translate(story, storyZh, true);
    await store([story, storyZh]);
    expect((await allPages('news', zh, 1)).flat()).toEqual(['story-zh']);
    expect((await allPages('news', en, 1)).flat()).toEqual(['story-en']);
  });

  it('keeps only the reader language with "only my language"', async () => {
    const a = item('a', 3, { language: 'en' });
    const b = item('b', 2, { language: 'fr' });
    const c = item('c', 1);
    await store([a, b, c]);
    expect((await allPages('news', { language: 'en', onlyMine: true }, 2)).flat()).toEqual(['a', 'c']);
  });

  it('reads only what a page shows, not the whole store', async () => {
    await store(Array.from({ length: 500 }, (_, i) => item(`n${i}`, i)));
    steps.mockClear();
    await lists.readListPage('news', null, en, 20);
    // A step after each of the 20 items (the last one learns that the list goes on).
    expect(steps).toHaveBeenCalledTimes(20);
  });

  it.each(['IndexedDB', 'the in-memory store'] as const)(
    'meets the whole list on any feed, page size and reader, over %s (property)',
    async (backend) => {
      const languages = ['en', 'zh-Hans', 'fr', undefined] as const;
      const arbitraryFeed = fc.record({
        items: fc.array(
          fc.record({
            time: fc.integer({ min: 0, max: 6 }),
            kind: fc.constantFrom<ItemKind>('news', 'news', 'event'),
            language: fc.constantFrom(...languages),
          }),
          { maxLength: 30 },
        ),
        links: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 12 }),
        size: fc.integer({ min: 1, max: 6 }),
        reader: fc.record({ language: fc.constantFrom('en', 'zh-Hans'), onlyMine: fc.boolean() }),
        feedLanguage: fc.constantFrom('en', 'zh-Hans', undefined),
      });
      await fc.assert(
        fc.asyncProperty(arbitraryFeed, async (feed) => {
          emptyDatabase();
          // Without IndexedDB, storage runs over the in-memory store: same reads, its own
          // backward walk and multiEntry `by-link` index.
          // (It says so in a warning, expected here.)
          const quiet = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
          if (backend === 'the in-memory store') Reflect.deleteProperty(globalThis, 'indexedDB');
          db = await import('./db');
          lists = await import('./lists');
          const items = feed.items.map((f, i) =>
            item(`i${i}`, f.time, { kind: f.kind, ...(f.language ? { language: f.language } : {}) }),
          );
          for (const [x, y, oneSided] of feed.links) {
            const a = items[x % Math.max(1, items.length)];
            const b = items[y % Math.max(1, items.length)];
            if (a && b && a !== b) translate(a, b, oneSided);
          }
          await store(items, feed.feedLanguage);
          const pages = await allPages('news', feed.reader, feed.size);
          expect(pages.flat()).toEqual(wholeList(items, 'news', feed.reader, feed.feedLanguage));
          expect(pages.slice(0, -1).every((p) => p.length <= feed.size)).toBe(true);
          expect(await db.storageReady()).toBe(backend === 'IndexedDB' ? 'persistent' : 'memory');
          quiet.mockRestore();
        }),
        { numRuns: 150 },
      );
    },
  );
});

describe('entries of events and contacts', () => {
  it('hold what the lists order by, one per translation group', async () => {
    const event = (id: string, time: number, language: string) =>
      item(id, time, {
        kind: 'event',
        language,
        tags: [language === 'en' ? 'talent' : '人才'],
        event: {
          start: '2027-03-09',
          allDay: true,
          timezone: 'Asia/Shanghai',
          status: 'scheduled',
          contacts: [],
        },
      });
    const a = event('a-en', 2, 'en');
    const aZh = event('a-zh', 2, 'zh-Hans');
    translate(a, aZh);
    const contact = item('c', 1, {
      kind: 'contact',
      title: 'Station',
      contact: { name: 'Station', languages: ['en'], openingHours: '24/7' },
    });
    await store([a, aZh, event('b-zh', 1, 'zh-Hans'), contact]);

    const events = await lists.readEventEntries(en);
    expect(events.map((e) => [e.id, e.tags])).toEqual([
      ['a-en', ['talent']],
      ['b-zh', ['人才']],
    ]);
    expect(events[0]?.event).toEqual({
      start: '2027-03-09',
      end: undefined,
      allDay: true,
      timezone: 'Asia/Shanghai',
    });
    expect((await lists.readEventEntries({ language: 'en', onlyMine: true })).map((e) => e.id)).toEqual([
      'a-en',
    ]);
    expect(await lists.readContactEntries(zh)).toMatchObject([
      { id: 'c', name: 'Station', openingHours: '24/7', languages: ['en'] },
    ]);
  });
});

describe('readListEntries', () => {
  it('gives the cards of ids, in their order, as the reader reads them', async () => {
    const hans = item('e-hans', 3, { kind: 'event', title: '开平碉楼', language: 'zh-Hans' });
    const english = item('e-en', 2, { kind: 'event', title: 'Kaiping', language: 'en' });
    // No language of its own: the feed's, Simplified.
    const bare = item('e-bare', 1, { kind: 'event', title: '江门侨务', contentHtml: '<p>长的正文</p>' });
    await store([hans, english, bare], 'zh-Hans');
    const ids = ['e-bare', 'gone', 'e-en', 'e-hans'];

    const cards = await lists.readListEntries(ids, 'zh-Hant');
    expect(cards.map((card) => [card.id, card.title])).toEqual([
      ['e-bare', '江門僑務'],
      ['e-en', 'Kaiping'],
      ['e-hans', '開平碉樓'],
    ]);
    // List entries: a card's excerpt, not the body.
    expect(cards[0]!.contentHtml).toBeUndefined();
    expect(cards[0]!.contentText).toBe('長的正文');
    expect((await lists.readListEntries(ids, 'zh-Hans')).map((card) => card.title)).toEqual([
      '江门侨务',
      'Kaiping',
      '开平碉楼',
    ]);
  });
});

describe('readTranslations', () => {
  it('finds the other versions from either side of a one-way link, and across a chain', async () => {
    const english = item('story-en', 3, { language: 'en' });
    const chinese = item('story-zh', 2, { language: 'zh-Hans' });
    const french = item('story-fr', 1, { language: 'fr' });
    // Only English names Chinese; only French names English.
    translate(chinese, english, true);
    translate(english, french, true);
    const event = item('story-event', 4, { kind: 'event', language: 'de' });
    english.translations.push({ language: 'de', id: event.id });
    await store([english, chinese, french, event, item('other', 5)]);
    const ids = async (id: string) => (await lists.readTranslations(id)).map((i) => i.id);
    expect(await ids('story-zh')).toEqual(['story-en', 'story-fr']);
    expect(await ids('story-en')).toEqual(['story-zh', 'story-fr']);
    expect(await ids('story-fr')).toEqual(['story-en', 'story-zh']);
    expect(await ids('other')).toEqual([]);
    expect(await ids('missing')).toEqual([]);
  });

  it('starts from a saved snapshot the feed no longer carries', async () => {
    const english = item('gone-en', 2, { language: 'en' });
    const chinese = item('gone-zh', 1, { language: 'zh-Hans' });
    translate(english, chinese, true);
    await store([chinese]);
    await db.saveItem(english, 10);
    expect((await lists.readTranslations('gone-en')).map((i) => i.id)).toEqual(['gone-zh']);
  });
});
