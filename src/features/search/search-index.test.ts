import { describe, expect, it } from 'vitest';
import type * as SyncModule from '../../data/sync';
import { emptyDatabase } from '../../../tests/support/database';

const FEED = 'https://city.example.org/feed.json';

const feed = (items: unknown[]) => ({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Test city',
  _city: { timezone: 'Asia/Shanghai', languages: ['en', 'zh-Hans'] },
  items,
});

/** Runs one sync of `body` into the test database and returns its report. */
async function syncOnce(sync: typeof SyncModule, body: unknown) {
  const fetch = () => Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
  return sync.syncFeed({ feedUrl: FEED, fetch });
}

describe('the search index follows sync', () => {
  it('adds, changes and retracts items as sync reports them', async () => {
    emptyDatabase();
    const sync = await import('../../data/sync');
    const { allItems } = await import('../../data/db');
    const { SearchIndex } = await import('../../lib/search/index');
    const { applyReport, revision } = await import('./search-index');
    const ids = (index: InstanceType<typeof SearchIndex>, query: string) =>
      index.search(query).hits.map((hit) => hit.item.id);

    await syncOnce(
      sync,
      feed([
        {
          id: 'a',
          title: 'Talent station opens',
          content_text: 'For experts.',
          date_published: '2026-11-01T00:00:00Z',
        },
        {
          id: 'b',
          title: '人才驿站开门',
          content_text: '服务海外专家。',
          language: 'zh-Hans',
          date_published: '2026-11-02T00:00:00Z',
        },
      ]),
    );
    const index = new SearchIndex(await allItems());
    expect(ids(index, 'station')).toEqual(['a']);
    expect(ids(index, '驿站')).toEqual(['b']);

    const report = await syncOnce(
      sync,
      feed([
        {
          id: 'c',
          title: 'Neutrino evening',
          content_text: 'Science talk.',
          date_published: '2026-11-04T00:00:00Z',
        },
        {
          id: 'a',
          title: 'Talent desk moves',
          content_text: 'For experts.',
          date_published: '2026-11-01T00:00:00Z',
          date_modified: '2026-11-03T00:00:00Z',
        },
        { id: 'b', _city: { deleted: true } },
      ]),
    );
    expect(report.stored.sort()).toEqual(['a', 'c']);
    expect(report.removed).toEqual(['b']);

    const before = revision();
    await applyReport(index, report);
    expect(revision()).toBe(before + 1);
    expect(ids(index, 'neutrino')).toEqual(['c']);
    expect(ids(index, 'desk')).toEqual(['a']);
    expect(ids(index, 'station')).toEqual([]);
    expect(ids(index, '驿站')).toEqual([]);
    expect(index.size).toBe(2);
  });

  it('takes a sync of many changes into a new index that replaces the old in place', async () => {
    emptyDatabase();
    const sync = await import('../../data/sync');
    const { allItems } = await import('../../data/db');
    const { SearchIndex } = await import('../../lib/search/index');
    const { applyReport } = await import('./search-index');
    const story = (i: number, word: string) => ({
      id: `s${i}`,
      title: `Story ${i} about ${word}`,
      content_text: 'Text.',
      date_published: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    });
    await syncOnce(sync, feed(Array.from({ length: 600 }, (_, i) => story(i, 'ferries'))));
    const index = new SearchIndex(await allItems());
    expect(index.search('ferries').hits).toHaveLength(600);

    // Every item changed but the first, and one more retracted.
    const report = await syncOnce(
      sync,
      feed([
        ...Array.from({ length: 598 }, (_, i) => story(i + 1, i % 2 ? 'lanterns' : 'ferries')),
        { id: 's599', _city: { deleted: true } },
      ]),
    );
    expect(report.stored.length).toBeGreaterThan(250);
    await applyReport(index, report);
    expect(index.size).toBe(599);
    expect(index.search('lanterns').hits).toHaveLength(299);
    expect(index.search('ferries').hits.map((hit) => hit.item.id)).toContain('s0');
    expect(index.search('ferries').hits).toHaveLength(300);
  });
});

describe('opening search', () => {
  const story = (id: string, title: string, day: number) => ({
    id,
    title,
    content_text: 'For experts.',
    date_published: new Date(Date.UTC(2026, 10, day)).toISOString(),
  });

  it('loads the stored index and applies what later syncs marked, a retraction at once', async () => {
    emptyDatabase();
    const sync = await import('../../data/sync');
    const db = await import('../../data/db');
    const { INDEX_FORMAT, SearchIndex } = await import('../../lib/search/index');
    const { loadIndex } = await import('./search-index');
    await syncOnce(sync, feed([story('a', 'Talent station opens', 1), story('b', 'Ferry timetable', 2)]));
    // The worker's part: the index stored after that sync.
    const first = await db.readSearchState(true);
    const stored = new SearchIndex(first.items).toStored();
    // Marked so that the load cannot have built it: a built index would not hold this term.
    stored.terms = stored.terms.replace(/(^| )ferry( |$)/, '$1ferryboat$2');
    expect(await db.saveSearchIndex(stored, INDEX_FORMAT, 0, first.pending)).toBe(true);
    // A later sync whose marks the worker has not taken in yet.
    await syncOnce(
      sync,
      feed([
        story('c', 'Neutrino evening', 4),
        { id: 'a', _city: { deleted: true } },
        story('b', 'Ferry timetable', 2),
      ]),
    );
    const index = await loadIndex(await db.readSearchState(true));
    const ids = (query: string) => index.search(query).hits.map((hit) => hit.item.id);
    expect(ids('ferryboat')).toEqual(['b']);
    expect(ids('neutrino')).toEqual(['c']);
    expect(ids('station')).toEqual([]);
    expect(index.size).toBe(2);
  });

  it('builds the index when none is stored, or one of another format', async () => {
    emptyDatabase();
    const sync = await import('../../data/sync');
    const db = await import('../../data/db');
    const { INDEX_FORMAT } = await import('../../lib/search/index');
    const { loadIndex } = await import('./search-index');
    await syncOnce(sync, feed([story('a', 'Talent station opens', 1)]));
    expect((await loadIndex(await db.readSearchState(true))).search('station').hits).toHaveLength(1);
    await db.saveSearchIndex({ unreadable: true }, INDEX_FORMAT + 1, 0, []);
    expect((await loadIndex(await db.readSearchState(true))).search('station').hits).toHaveLength(1);
  });
});
