/** Feed documents for the push service's tests: a city's feed before and after news breaks. */

const base = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Jiangmen',
  language: 'en',
  _city: { timezone: 'Asia/Shanghai' },
};

export const FEED_URL = 'https://city.example.org/feed.json';

/** What the feed held when the service first read it. */
export const BEFORE = [
  {
    id: 'old-news',
    title: 'Old news',
    content_text: 'Yesterday.',
    date_published: '2026-07-30T09:00:00+08:00',
  },
  {
    id: 'old-event',
    title: 'Old event',
    content_text: 'Known already.',
    date_published: '2026-07-30T09:00:00+08:00',
    tags: ['tech'],
    _city: { kind: 'event', event: { start: '2099-01-01T09:00:00+08:00' } },
  },
];

/** Items published after: an urgent notice and events in two languages, and things that are no news. */
export const NEWS = [
  {
    id: 'typhoon-en',
    title: 'Typhoon signal No. 8',
    summary: 'Service desks are closed today.',
    language: 'en',
    date_published: '2026-08-01T07:00:00+08:00',
    _city: {
      slug: 'typhoon',
      urgent: true,
      expires: '2099-08-02T00:00:00+08:00',
      translations: [{ language: 'zh-Hans', id: 'typhoon-zh' }],
    },
  },
  {
    id: 'typhoon-zh',
    title: '八号风球',
    summary: '服务大厅今天关闭。',
    language: 'zh-Hans',
    date_published: '2026-08-01T07:00:00+08:00',
    _city: { slug: 'typhoon-zh', urgent: true, expires: '2099-08-02T00:00:00+08:00' },
  },
  {
    id: 'ai-forum-en',
    title: 'AI forum',
    language: 'en',
    tags: ['tech'],
    date_published: '2026-08-01T07:00:00+08:00',
    _city: {
      kind: 'event',
      slug: 'ai-forum',
      translations: [{ language: 'zh-Hans', id: 'ai-forum-zh' }],
      event: { start: '2099-09-01T14:00:00+08:00', venue: { name: 'Expo Centre', name_local: '会展中心' } },
    },
  },
  {
    id: 'ai-forum-zh',
    title: '人工智能论坛',
    language: 'zh-Hans',
    tags: ['tech'],
    date_published: '2026-08-01T07:00:00+08:00',
    _city: { kind: 'event', slug: 'ai-forum-zh', event: { start: '2099-09-01T14:00:00+08:00' } },
  },
  {
    id: 'opera',
    title: 'Cantonese opera night',
    language: 'en',
    tags: ['culture'],
    date_published: '2026-08-01T07:00:00+08:00',
    _city: { kind: 'event', event: { start: '2099-09-02', all_day: true } },
  },
  {
    id: 'past-event',
    title: 'Already over',
    tags: ['tech', 'culture'],
    _city: { kind: 'event', event: { start: '2001-01-01T09:00:00+08:00' } },
  },
  {
    id: 'cancelled-event',
    title: 'Called off',
    tags: ['tech'],
    _city: { kind: 'event', event: { start: '2099-01-01T09:00:00+08:00', status: 'cancelled' } },
  },
  { id: 'plain-news', title: 'Plain news', content_text: 'Nothing urgent.' },
  {
    id: 'expired-warning',
    title: 'Over already',
    _city: { urgent: true, expires: '2001-01-01T00:00:00+08:00' },
  },
];

/** A feed document of `items`. */
export function feed(items: unknown[]): Record<string, unknown> {
  return { ...base, items };
}
