import { describe, expect, it } from 'vitest';
import { PUSH_MAX_BYTES, readPushMessage } from '@citylink/core/push-message';
import type { CityEvent, Item } from '@citylink/core/model';
import { candidates, fitToPush } from './notices';
import { eventLine, noticeTitle } from './text';

const base = {
  v: 1,
  kind: 'urgent',
  lang: 'en',
  title: 'Urgent: Typhoon',
  body: 'Closed.',
  path: '/news/typhoon',
} as const;
const size = (value: object) => Buffer.byteLength(JSON.stringify({ ...value, notice: 'x'.repeat(32) }));

describe('messages that fit a push', () => {
  it('carries the whole item when it fits', () => {
    const item = { id: 'typhoon', title: 'Typhoon', content_html: '<p>Closed.</p>' };
    expect(fitToPush(base, item)).toEqual({ ...base, item });
  });

  it('leaves out the body of a long item, then what else it must, and says so', () => {
    const long = {
      id: 'long',
      title: 'Long',
      summary: 'Short summary',
      content_html: `<p>${'风'.repeat(3000)}</p>`,
    };
    const cut = fitToPush(base, long);
    expect(cut).toMatchObject({
      partial: true,
      item: { id: 'long', title: 'Long', summary: 'Short summary' },
    });
    expect((cut.item as Record<string, unknown>).content_html).toBeUndefined();
    expect(size(cut)).toBeLessThanOrEqual(PUSH_MAX_BYTES);
    expect(readPushMessage({ ...cut, notice: 'n' })).toBeDefined();

    const vast = { ...long, summary: 'x'.repeat(4000) };
    expect(fitToPush(base, vast)).toMatchObject({ partial: true, item: { id: 'long' } });
    const beyond = { ...long, title: 'x'.repeat(4000) };
    expect(fitToPush(base, beyond)).toEqual(base);
  });
});

describe('notification text', () => {
  it('speaks the subscriber language, with full-width punctuation in Chinese', () => {
    expect(noticeTitle('urgent', 'Typhoon', 'en')).toBe('Urgent: Typhoon');
    expect(noticeTitle('event', '论坛', 'zh-Hans')).toBe('新活动：论坛');
    const event = {
      start: '2026-09-01T14:00:00+08:00',
      timezone: 'Asia/Shanghai',
      allDay: false,
      status: 'scheduled' as const,
      contacts: [],
      venue: { name: 'Expo Centre', nameLocal: '会展中心' },
    };
    const item = {
      id: 'e',
      kind: 'event' as const,
      key: 'e',
      authors: [],
      tags: [],
      attachments: [],
      translations: [],
      sortTime: 0,
      event,
    };
    const meta = {
      city: 'Jiangmen',
      cityNames: { en: 'Jiangmen', 'zh-Hans': '江门' },
      timezone: 'Asia/Shanghai',
      languages: [],
    };
    // The zone is named as the app names it: after the feed's city, else by its name; on the
    // app's 24-hour clock in English too.
    expect(eventLine(item, 'en', meta)).toBe('Tuesday, 1 September 2026, 14:00 Jiangmen time · Expo Centre');
    expect(eventLine(item, 'zh-Hans', meta)).toBe('江门时间 2026年9月1日星期二 14:00 · 会展中心');
    expect(eventLine(item, 'en')).toBe('Tuesday, 1 September 2026, 14:00 China Standard Time · Expo Centre');
    // Traditional: the city time in the app's zh-Hant words (packages/core/src/words.ts), in
    // Hong Kong's formats, as the app shows them (a 12-hour clock).
    const hant = { ...meta, cityNames: { ...meta.cityNames, 'zh-Hant': '江門' } };
    expect(noticeTitle('urgent', '八號風球', 'zh-Hant')).toBe('緊急通知：八號風球');
    expect(eventLine(item, 'zh-Hant', hant)).toBe('江門時間 2026年9月1日星期二 下午2:00 · Expo Centre');
    // An all-day event's date is the same in every zone, and names none.
    const allDay = { ...item, event: { ...event, allDay: true, start: '2026-09-01' } };
    expect(eventLine(allDay, 'en', meta)).toBe('Tuesday, 1 September 2026 · Expo Centre');
  });
});

describe('what makes a notice', () => {
  const event = (id: string, fields: Partial<CityEvent> = {}, more: Partial<Item> = {}): Item => ({
    id,
    kind: 'event',
    key: id,
    authors: [],
    tags: [],
    attachments: [],
    translations: [],
    sortTime: 0,
    ...more,
    event: {
      start: '2026-09-01T14:00:00+08:00',
      timezone: 'Asia/Shanghai',
      allDay: false,
      status: 'scheduled',
      contacts: [],
      ...fields,
    },
  });
  const now = Date.parse('2026-08-01T00:00:00Z');
  const fresh = (items: Item[]) => new Set(items.map((item) => item.id));

  it('announces an event still to come, not one postponed or cancelled', () => {
    const items = [
      event('on'),
      event('later', { status: 'postponed' }),
      event('off', { status: 'cancelled' }),
    ];
    expect(candidates(items, fresh(items), now).map((c) => c.items.map((item) => item.id))).toEqual([['on']]);
  });

  it("starts an all-day event at the venue's midnight, not UTC's", () => {
    const day = event('fair', { allDay: true, start: '2026-09-01', timezone: 'Asia/Shanghai' });
    // 1 September begins in Shanghai at 16:00 UTC on 31 August.
    const [notice] = candidates([day], fresh([day]), now);
    expect(notice?.expiresAt).toBe(Date.parse('2026-08-31T16:00:00Z'));
    expect(candidates([day], fresh([day]), Date.parse('2026-08-31T17:00:00Z'))).toEqual([]);
  });

  it('joins translations of one kind only', () => {
    const news: Item = {
      ...event('story'),
      kind: 'news',
      event: undefined,
      translations: [{ id: 'talk', language: 'en' }],
    };
    const talk = event('talk', {}, { translations: [{ id: 'story', language: 'en' }] });
    expect(candidates([news, talk], fresh([news, talk]), now)).toMatchObject([
      { kind: 'event', items: [talk] },
    ]);
  });
});
