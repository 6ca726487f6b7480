import { beforeEach, describe, expect, it } from 'vitest';
import type * as DbModule from './db';
import type * as PushModule from './push';
import { readPushMessage } from '@citylink/core/push-message';
import { emptyDatabase } from '../../tests/support/database';

const FEED = 'https://city.example.org/feed.json';
const AT = Date.parse('2026-08-01T08:00:00+08:00');

let db: typeof DbModule;
let push: typeof PushModule;

beforeEach(async () => {
  emptyDatabase();
  db = await import('./db');
  push = await import('./push');
});

const message = (item: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  readPushMessage({
    v: 1,
    notice: 'n1',
    kind: 'urgent',
    lang: 'zh-Hans',
    title: '八号风球',
    body: '服务大厅今天关闭。',
    path: '/news/typhoon',
    timezone: 'Asia/Shanghai',
    item,
    ...extra,
  })!;

const typhoon = (extra: Record<string, unknown> = {}) => ({
  id: 'typhoon-zh',
  title: '八号风球',
  content_html: '<p>服务大厅今天关闭。</p>',
  image: 'images/typhoon.png',
  date_published: '2026-08-01T07:00:00+08:00',
  language: 'zh-Hans',
  _city: { slug: 'typhoon', urgent: true, expires: '2026-08-02T00:00:00+08:00' },
  ...extra,
});

describe('push messages', () => {
  it('reads only messages of this format', () => {
    expect(message(typhoon())).toMatchObject({ notice: 'n1', lang: 'zh-Hans' });
    expect(
      readPushMessage({ v: 2, notice: 'n', kind: 'urgent', lang: 'en', title: '', body: '', path: '/' }),
    ).toBeUndefined();
    expect(
      readPushMessage({ v: 1, notice: 'n', kind: 'spam', lang: 'en', title: '', body: '', path: '/' }),
    ).toBeUndefined();
    expect(
      readPushMessage({
        v: 1,
        notice: 'n',
        kind: 'event',
        lang: 'en',
        title: '',
        body: '',
        path: 'https://evil.example/',
      }),
    ).toBeUndefined();
    expect(readPushMessage('text')).toBeUndefined();
  });

  it('stores the item by the parser rules, for its address to open offline', async () => {
    const { item: stored } = await push.storePushedItem(message(typhoon()), FEED, AT);
    expect(stored).toMatchObject({
      id: 'typhoon-zh',
      key: 'typhoon',
      urgent: true,
      image: 'https://city.example.org/images/typhoon.png',
    });
    expect(await db.findItem('news', 'typhoon')).toMatchObject({
      title: '八号风球',
      contentHtml: '<p>服务大厅今天关闭。</p>',
    });
  });

  it('never replaces a newer or whole copy, and keeps addresses unique', async () => {
    await push.storePushedItem(
      message(typhoon({ date_modified: '2026-08-01T09:00:00+08:00', title: 'Newer' })),
      FEED,
      AT,
    );
    await push.storePushedItem(message(typhoon()), FEED, AT);
    expect((await db.findItem('news', 'typhoon'))?.title).toBe('Newer');
    const partial = typhoon({
      date_modified: '2026-08-01T10:00:00+08:00',
      title: 'Short',
      content_html: undefined,
      summary: 'Short',
    });
    await push.storePushedItem(message(partial, { partial: true }), FEED, AT);
    expect((await db.findItem('news', 'typhoon'))?.title).toBe('Newer');

    // Another item with the same slug: the pushed one is found by its id.
    const other = await push.storePushedItem(message({ ...typhoon(), id: 'other' }), FEED, AT);
    expect(other.item?.key).toBe('other');
    expect((await db.findItem('news', 'other'))?.id).toBe('other');
  });

  it('stores nothing for a message without a readable item', async () => {
    expect(await push.storePushedItem(message({ title: 'no id' }), FEED, AT)).toEqual({});
    expect(await push.storePushedItem({ ...message(typhoon()), item: undefined }, FEED, AT)).toEqual({});
    expect(await db.allItems()).toEqual([]);
  });

  describe('after a retraction', () => {
    /** Syncs a feed page of `items` into the database. */
    const syncPage = async (items: unknown[]) => {
      const { syncFeed } = await import('./sync');
      const body = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'T', items });
      const report = await syncFeed({
        feedUrl: FEED,
        fetch: () => Promise.resolve(new Response(body)),
        now: () => AT,
      });
      expect(report.error).toBeUndefined();
      return report;
    };
    const retraction = { id: 'typhoon-zh', _city: { deleted: true } };

    it('a late or replayed push of the retracted copy stores nothing', async () => {
      await syncPage([typhoon()]);
      expect((await syncPage([retraction])).removed).toEqual(['typhoon-zh']);
      // Sent before the retraction, delivered after it; then the same message again.
      for (let i = 0; i < 2; i++) {
        expect(await push.storePushedItem(message(typhoon()), FEED, AT + 1)).toEqual({ retracted: true });
      }
      expect(await db.findItem('news', 'typhoon')).toBeUndefined();
    });

    it('a push of an item never held, dated before the retraction was seen, stores nothing', async () => {
      await syncPage([retraction]);
      expect(await push.storePushedItem(message(typhoon()), FEED, AT + 1)).toEqual({ retracted: true });
      expect(await db.allItems()).toEqual([]);
    });

    it('the item published again with a later date_modified is stored, and stays', async () => {
      await syncPage([typhoon()]);
      await syncPage([retraction]);
      const again = typhoon({ title: 'Corrected', date_modified: '2026-08-01T09:00:00+08:00' });
      expect((await push.storePushedItem(message(again), FEED, AT + 1)).item?.title).toBe('Corrected');
      // The feed, now without the retraction, holds the corrected copy: it stays.
      await syncPage([again]);
      expect((await db.findItem('news', 'typhoon'))?.title).toBe('Corrected');
    });
  });
});
