/**
 * A large city feed, generated: a third events, a quarter Chinese, as in issue 10's "Large
 * feeds". Stories are in English; every third story also has a Chinese translation (linked
 * both ways, except every fifth pair, which the Chinese side links alone, as a sloppy feed
 * would). Translations share their publication time, as docs/feed-format.md asks. Events are
 * spread from 20 days ago to 70 days ahead (with multi-day and all-day ones, some under way
 * now); contacts speak one to three languages and some keep `opening_hours`.
 *
 * Deterministic for a given `now`, so a test can compute what each list should show.
 */

export interface LargeFeedOptions {
  /** Items in the feed, translations included (default 5000). */
  items?: number;
  /** Bumping it changes every item (title and date_modified): a sync of all of them. */
  version?: number;
  /** The instant events are placed around (default Date.now()). */
  now?: number;
}

export interface RawFeedItem {
  id: string;
  title: string;
  summary: string;
  content_html: string;
  date_published: string;
  date_modified?: string;
  language: 'en' | 'zh-Hans';
  tags: string[];
  _city: {
    kind: 'news' | 'event' | 'contact';
    translations?: { language: string; id: string }[];
    event?: Record<string, unknown>;
    contact?: Record<string, unknown>;
  };
}

const TOPICS = [
  ['talent', '人才'],
  ['health', '健康'],
  ['culture', '文化'],
  ['transport', '交通'],
  ['science', '科学'],
  ['services', '服务'],
] as const;
const HOURS = ['Mo-Fr 09:00-17:30; PH off', '24/7', 'Mo-Su 08:00-22:00', 'Sa-Su 10:00-16:00', undefined];
const SPOKEN = [['en'], ['zh-Hans', 'yue'], ['en', 'zh-Hans'], ['en', 'zh-Hans', 'yue'], ['fr', 'en']];
const DAY = 86_400_000;
const BASE = Date.UTC(2026, 5, 1, 12);

/** The kind of story `s`: a third events, one in fifteen contacts, the rest news. */
export function storyKind(s: number): 'news' | 'event' | 'contact' {
  if (s % 3 === 1) return 'event';
  return s % 15 === 2 ? 'contact' : 'news';
}

/** Whether story `s` also has a Chinese version (a third of stories: a quarter of items). */
export function translated(s: number): boolean {
  return Math.floor(s / 3) % 3 === 0;
}

/** The feed's items, newest first. */
export function largeFeedItems(options: LargeFeedOptions = {}): RawFeedItem[] {
  const total = options.items ?? 5000;
  const version = options.version ?? 1;
  const now = options.now ?? Date.now();
  const out: RawFeedItem[] = [];
  for (let s = 0; out.length < total; s++) {
    const kind = storyKind(s);
    // By threes, so that news and events each get every topic.
    const topic = TOPICS[Math.floor(s / 3) % TOPICS.length]!;
    const published = new Date(BASE - s * 600_000).toISOString();
    const en = `${kind}-${s}-en`;
    const zh = `${kind}-${s}-zh`;
    const pair = translated(s) && out.length + 1 < total;
    const v = version > 1 ? ` (v${version})` : '';
    const event = kind === 'event' ? eventOf(s, now) : undefined;
    const contact = kind === 'contact' ? contactOf(s) : undefined;
    out.push({
      id: en,
      title: `${kind === 'contact' ? 'Office' : 'Story'} ${s}: Jiangmen ${topic[0]} ${kind}${v}`,
      summary: `Summary of ${kind} ${s}, about ${topic[0]} in Jiangmen and what it means for visitors.`,
      content_html: `<p>${`Body of ${kind} ${s}. The talent station helps visiting experts. `.repeat(6)}</p>`,
      date_published: published,
      ...(version > 1 ? { date_modified: new Date(BASE + version * DAY).toISOString() } : {}),
      language: 'en',
      tags: [topic[0]],
      _city: {
        kind,
        ...(pair && s % 5 !== 0 ? { translations: [{ language: 'zh-Hans', id: zh }] } : {}),
        ...(event ? { event } : {}),
        ...(contact ? { contact: { ...contact, name: `Office ${s}` } } : {}),
      },
    });
    if (!pair) continue;
    out.push({
      id: zh,
      title: `${kind === 'contact' ? '办公室' : '新闻'}${s}：江门${topic[1]}${v}`,
      summary: `第${s}条的摘要，关于江门的${topic[1]}。`,
      content_html: `<p>${`第${s}条正文。人才驿站为海外专家提供服务。`.repeat(6)}</p>`,
      date_published: published,
      ...(version > 1 ? { date_modified: new Date(BASE + version * DAY).toISOString() } : {}),
      language: 'zh-Hans',
      tags: [topic[1]],
      _city: {
        kind,
        translations: [{ language: 'en', id: en }],
        ...(event ? { event } : {}),
        ...(contact ? { contact: { ...contact, name: `办公室${s}` } } : {}),
      },
    });
  }
  return out;
}

function eventOf(s: number, now: number): Record<string, unknown> {
  // Whole hours from 20 days ago to 70 days ahead, in an order unlike publication order.
  const startMs = now - 20 * DAY + ((s * 7919) % (90 * 24)) * 3_600_000;
  const start = new Date(startMs);
  if (s % 11 === 4) {
    const day = start.toISOString().slice(0, 10);
    return { start: day, end: new Date(startMs + 2 * DAY).toISOString().slice(0, 10), all_day: true };
  }
  // One in thirteen lasts ten days, so some of the past ones are still under way.
  const length = s % 13 === 1 ? 10 * DAY : 2 * 3_600_000;
  return {
    start: start.toISOString().replace('.000Z', 'Z'),
    end: new Date(startMs + length).toISOString().replace('.000Z', 'Z'),
    timezone: 'Asia/Shanghai',
    venue: { name: `Hall ${s % 40}`, address_local: '广东省江门市蓬江区' },
  };
}

function contactOf(s: number): Record<string, unknown> {
  // Contacts are every fifteenth story: count them, for variety.
  const c = Math.floor(s / 15);
  const hours = HOURS[c % HOURS.length];
  return {
    role: `Desk ${s % 9}`,
    phone: `+86 750 555 ${String(s % 10_000).padStart(4, '0')}`,
    languages: SPOKEN[Math.floor(c / HOURS.length) % SPOKEN.length],
    ...(hours ? { opening_hours: hours, hours } : {}),
  };
}

/** The feed document as served. */
export function largeFeed(options: LargeFeedOptions = {}): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Jiangmen (large)',
    language: 'en',
    _city: { city: 'Jiangmen', timezone: 'Asia/Shanghai', languages: ['en', 'zh-Hans'] },
    items: largeFeedItems(options),
  });
}
