import { describe, expect, it } from 'vitest';
import { PUSH_MAX_BYTES, readPushMessage } from '@citylink/core/push-message';
import { fitToPush } from './notices';
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
    expect(eventLine(item, 'en')).toMatch(
      /1 Sept? 2026.*14:00 · Expo Centre|Sep 1, 2026.*2:00.PM · Expo Centre/,
    );
    expect(eventLine(item, 'zh-Hans')).toMatch(/2026年9月1日.*14:00 · 会展中心/);
  });
});
