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
