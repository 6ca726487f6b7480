// The calendar subscriptions read back as calendar apps read them: by ical.js (Mozilla's, in
// Thunderbird) and by node-ical (an independent parser), so that neither writer nor one
// reader's leniency hides a mistake.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ICAL from 'ical.js';
import ical from 'node-ical';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFeed } from '@citylink/core/parse';
import { itemUrl } from '@citylink/core/paths';
import { eventToIcs } from '../../../src/lib/ics';
import { buildFeed, type BuildResult } from './build';
import { calendarFiles } from './calendars';

const FEED_YAML = [
  'title: Test City',
  'titles: { en: Test City, zh-Hans: 测试市 }',
  'home_page_url: https://city.example.org/',
  'feed_url: https://city.example.org/feed.json',
  'language: en',
  'timezone: Asia/Shanghai',
  'languages: [en, zh-Hans]',
  'tags: { culture: { en: Culture, zh-Hans: 文化 } }',
].join('\n');

const NOW = Date.parse('2027-01-01T00:00:00Z');

const scratch = mkdtempSync(join(tmpdir(), 'citylink-calendars-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface EventSpec {
  id: string;
  start: string;
  end?: string;
  zone?: string;
  status?: string;
  modified?: string;
  tags?: string[];
  language?: string;
  key?: string;
  title?: string;
  venue?: string;
}

function eventFile(spec: EventSpec): string {
  return [
    '---',
    `id: ${spec.id}`,
    ...(spec.key ? [`translation_key: ${spec.key}`] : []),
    `title: ${spec.title ?? `Event ${spec.id}`}`,
    'date_published: 2026-11-01T10:00:00+08:00',
    ...(spec.modified ? [`date_modified: ${spec.modified}`] : []),
    `tags: [${(spec.tags ?? []).join(', ')}]`,
    'event:',
    `  start: ${spec.start}`,
    ...(spec.end ? [`  end: ${spec.end}`] : []),
    `  timezone: ${spec.zone ?? 'Asia/Shanghai'}`,
    `  status: ${spec.status ?? 'scheduled'}`,
    `  venue: ${spec.venue ?? '{ name: Hall, address: 1 Main Road }'}`,
    '---',
    '',
    'About the event.',
    '',
  ].join('\n');
}

function build(events: EventSpec[], now = NOW, feedYaml = FEED_YAML): BuildResult {
  const dir = mkdtempSync(join(scratch, 'content-'));
  const files: Record<string, string> = { 'feed.yaml': feedYaml };
  for (const spec of events) files[`events/${spec.id}.${spec.language ?? 'en'}.md`] = eventFile(spec);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const result = buildFeed(dir, { now });
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return result;
}

const calendarText = (result: BuildResult, name = 'events.ics') => {
  const file = result.calendars.find((f) => f.path === `calendars/${name}`);
  if (!file) throw new Error(`No calendars/${name}`);
  return file.text;
};

interface Read {
  uid: string;
  sequence: number;
  status: string;
  start: string;
}

/** The VEVENTs by ical.js, with each VTIMEZONE registered as a calendar app does. */
function byIcalJs(text: string): Read[] {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: String(component.getFirstPropertyValue('status')),
      start: event.startDate.toJSDate().toISOString(),
    };
  });
}

/** The VEVENTs by node-ical. */
function byNodeIcal(text: string): Read[] {
  return Object.values(ical.sync.parseICS(text))
    .filter((c): c is ical.VEvent => c?.type === 'VEVENT')
    .map((event) => {
      return {
        uid: event.uid,
        sequence: Number(event.sequence),
        status: String(event.status),
        start: event.start.toISOString(),
      };
    });
}

const readers = [byIcalJs, byNodeIcal];

describe('calendar subscriptions', () => {
  it('writes every event, one calendar per language and per topic, with refresh hints', () => {
    const result = build([
      { id: 'fair', start: '2027-03-20T10:00:00+08:00', tags: ['culture'], key: 'fair' },
      {
        id: 'fair-zh',
        start: '2027-03-20T10:00:00+08:00',
        tags: ['culture'],
        key: 'fair',
        language: 'zh-Hans',
      },
      { id: 'talk', start: '2027-04-01T10:00:00+08:00' },
    ]);
    expect(result.calendars.map((f) => f.path)).toEqual([
      'calendars/events.ics',
      'calendars/en.ics',
      'calendars/zh-Hans.ics',
      'calendars/zh-Hant.ics',
      'calendars/topic-culture.ics',
      'calendars/topic-culture.en.ics',
      'calendars/topic-culture.zh-Hans.ics',
      'calendars/topic-culture.zh-Hant.ics',
    ]);
    const events = calendarText(result);
    expect(events).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n');
    expect(events).toContain('X-PUBLISHED-TTL:PT1H\r\n');
    expect(events).toContain('SOURCE;VALUE=URI:https://city.example.org/calendars/events.ics\r\n');
    expect(calendarText(result, 'topic-culture.zh-Hans.ics')).toContain('X-WR-CALNAME:测试市: 文化\r\n');
    for (const read of readers) {
      // Each event once, in the calendar's language where it has it.
      expect(read(events).map((e) => e.uid)).toEqual(['fair@city.example.org', 'talk@city.example.org']);
      expect(read(calendarText(result, 'zh-Hans.ics')).map((e) => e.uid)).toEqual([
        'fair-zh@city.example.org',
        'talk@city.example.org',
      ]);
      expect(read(calendarText(result, 'topic-culture.ics')).map((e) => e.uid)).toEqual([
        'fair@city.example.org',
      ]);
    }
    const page = ical.sync.parseICS(events);
    expect((page['fair@city.example.org'] as ical.VEvent).url).toBe(
      'https://city.example.org/events/fair-en',
    );
  });

  it('a Traditional calendar converts what only Simplified gives, and keeps the local address', () => {
    const result = build([
      { id: 'fair', start: '2027-03-20T10:00:00+08:00', tags: ['culture'], key: 'fair' },
      {
        id: 'fair-zh',
        start: '2027-03-20T10:00:00+08:00',
        tags: ['culture'],
        key: 'fair',
        language: 'zh-Hans',
        title: '江门侨乡文化节',
        venue: '{ name: 江门市文化馆, address: 蓬江区建设路 1 号, address_local: 江门市蓬江区建设路1号 }',
        status: 'postponed',
      },
    ]);
    const text = calendarText(result, 'topic-culture.zh-Hant.ics');
    for (const read of readers) expect(read(text).map((e) => e.uid)).toEqual(['fair-zh@city.example.org']);
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(text) as unknown[]).getFirstSubcomponent('vevent')!,
    );
    expect(event.summary).toBe('江門僑鄉文化節');
    // The venue and its address in Traditional; the address for a local driver as published.
    expect(event.location).toBe('江門市文化館\n蓬江區建設路 1 號\n江门市蓬江区建设路1号');
    expect(event.description).toMatch(/^已延期：出發前請確認新的日期。/);
    expect(text).toContain('X-WR-CALNAME:測試市: 文化\r\n');
    // The Simplified calendar is left as published.
    expect(calendarText(result, 'zh-Hans.ics')).toContain('SUMMARY:江门侨乡文化节\r\n');
  });

  it('a zh-Hant translation wins for Traditional readers, and is not converted again', () => {
    const feedYaml = FEED_YAML.replace('languages: [en, zh-Hans]', 'languages: [en, zh-Hans, zh-Hant]');
    const result = build(
      [
        { id: 'fair', start: '2027-03-20T10:00:00+08:00', key: 'fair' },
        {
          id: 'fair-hans',
          start: '2027-03-20T10:00:00+08:00',
          key: 'fair',
          language: 'zh-Hans',
          title: '侨乡文化节',
        },
        // Hong Kong's own wording, which a conversion of the Simplified would not give.
        {
          id: 'fair-hant',
          start: '2027-03-20T10:00:00+08:00',
          key: 'fair',
          language: 'zh-Hant',
          title: '僑鄉文化節（網上）',
        },
      ],
      NOW,
      feedYaml,
    );
    expect(result.calendars.filter((f) => f.path.endsWith('zh-Hant.ics')).map((f) => f.path)).toEqual([
      'calendars/zh-Hant.ics',
    ]);
    for (const read of readers) {
      expect(read(calendarText(result, 'zh-Hant.ics')).map((e) => e.uid)).toEqual([
        'fair-hant@city.example.org',
      ]);
    }
    expect(calendarText(result, 'zh-Hant.ics')).toContain('SUMMARY:僑鄉文化節（網上）\r\n');
  });

  it('a Traditional calendar converts text, never markup, and cannot be made to break a line', () => {
    // A feed page from anywhere (`validate` reads any JSON Feed), hostile HTML and all.
    const page = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'T',
      home_page_url: 'https://city.example.org/',
      feed_url: 'https://city.example.org/feed.json',
      language: 'zh-Hans',
      _city: { city: '江门', timezone: 'Asia/Shanghai', languages: ['zh-Hans'] },
      items: [
        {
          id: 'x',
          title: '江门\r\nSUMMARY:侨乡;坏,\\',
          content_html:
            '<p onclick="信息()">欢迎<a href="javascript:alert(\'发布\')">发布</a><script>资讯</script></p>',
          language: 'zh-Hans',
          date_published: '2026-11-01T10:00:00+08:00',
          _city: { kind: 'event', event: { start: '2027-03-20T10:00:00+08:00' } },
        },
      ],
    };
    const files = calendarFiles([{ path: 'feed.json', text: JSON.stringify(page) }], page.feed_url, NOW);
    const text = files.find((f) => f.path === 'calendars/zh-Hant.ics')!.text;
    for (const read of readers) expect(read(text).map((e) => e.uid)).toEqual(['x@city.example.org']);
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(text) as unknown[]).getFirstSubcomponent('vevent')!,
    );
    // One SUMMARY, holding the whole title converted; the body's text, without its markup.
    expect(text.match(/^SUMMARY/gm)).toHaveLength(1);
    // (a line break in text is written as one \\n, as the one-off file writes it)
    expect(event.summary).toBe('江門\nSUMMARY:僑鄉;壞,\\');
    expect(event.description).toMatch(/^歡迎\s?發佈$/);
    expect(text).not.toMatch(/onclick|javascript|script|資訊/);
  });

  it('no calendar holds a UID twice', () => {
    const result = build(
      Array.from({ length: 12 }, (_, n) => ({
        id: `e${n}`,
        start: `2027-02-${String(n + 1).padStart(2, '0')}T10:00:00+08:00`,
        tags: n % 2 ? ['culture'] : [],
      })),
    );
    for (const file of result.calendars) {
      const uids = byIcalJs(file.text).map((e) => e.uid);
      expect(new Set(uids).size, file.path).toBe(uids.length);
    }
  });

  it('a moved event updates in place: the same UID, a higher SEQUENCE, the new time', () => {
    const before = build([
      { id: 'talk', start: '2027-03-20T10:00:00+08:00', modified: '2026-11-02T10:00:00+08:00' },
    ]);
    const after = build([
      { id: 'talk', start: '2027-03-27T15:00:00+08:00', modified: '2026-11-20T10:00:00+08:00' },
    ]);
    for (const read of readers) {
      const [old] = read(calendarText(before));
      const [moved] = read(calendarText(after));
      expect(moved!.uid).toBe(old!.uid);
      expect(moved!.sequence).toBeGreaterThan(old!.sequence);
      expect(moved!.start).toBe('2027-03-27T07:00:00.000Z');
    }
  });

  it('a cancelled event stays, marked cancelled, with no duplicate', () => {
    const before = build([
      { id: 'talk', start: '2027-03-20T10:00:00+08:00', modified: '2026-11-02T10:00:00+08:00' },
    ]);
    const after = build([
      {
        id: 'talk',
        start: '2027-03-20T10:00:00+08:00',
        status: 'cancelled',
        modified: '2026-11-18T09:00:00+08:00',
      },
    ]);
    for (const read of readers) {
      const [old] = read(calendarText(before));
      const events = read(calendarText(after));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ uid: old!.uid, status: 'CANCELLED' });
      expect(events[0]!.sequence).toBeGreaterThan(old!.sequence);
    }
  });

  it("the one-off file of an event has the subscription's UID and SEQUENCE", () => {
    const result = build([
      { id: 'talk', start: '2027-03-20T10:00:00+08:00', modified: '2026-11-02T10:00:00+08:00' },
    ]);
    const parsed = parseFeed(result.files[0]!.text, {
      baseUrl: 'https://city.example.org/feed.json',
      receivedAt: 0,
    });
    if (!parsed.ok) throw new Error(parsed.error);
    const item = parsed.items[0]!;
    const oneOff = eventToIcs(item, { now: NOW, appUrl: itemUrl(item, 'https://city.example.org/') });
    for (const read of readers) {
      const [subscribed] = read(calendarText(result));
      const [added] = read(oneOff);
      expect(added!.uid).toBe(subscribed!.uid);
      expect(added!.sequence).toBe(subscribed!.sequence);
      expect(added!.start).toBe(subscribed!.start);
    }
  });

  it('times are right across daylight-saving changes, in the venue zone and for readers elsewhere', () => {
    // 2027: North America springs forward on 14 March, Europe on 28 March; China has no DST.
    const result = build([
      { id: 'sh-winter', start: '2027-03-10T19:00:00+08:00' },
      { id: 'sh-spring', start: '2027-03-20T19:00:00+08:00' },
      { id: 'berlin-winter', start: '2027-03-27T10:00:00+01:00', zone: 'Europe/Berlin' },
      {
        id: 'berlin-summer',
        start: '2027-03-29T10:00:00+02:00',
        end: '2027-03-29T12:00:00+02:00',
        zone: 'Europe/Berlin',
      },
    ]);
    const text = calendarText(result);
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20270329T100000\r\n');
    expect(text).toContain('DTSTART;TZID=Asia/Shanghai:20270310T190000\r\n');
    expect(text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(2);
    const clock = (iso: string, timeZone: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(
        new Date(iso),
      );
    for (const read of readers) {
      const starts = read(text).map((e) => e.start);
      expect(starts).toEqual([
        '2027-03-10T11:00:00.000Z',
        '2027-03-20T11:00:00.000Z',
        '2027-03-27T09:00:00.000Z',
        '2027-03-29T08:00:00.000Z',
      ]);
      expect(starts.map((s) => clock(s, 'Europe/Berlin'))).toEqual([
        '10/03/2027, 12:00',
        '20/03/2027, 12:00',
        '27/03/2027, 10:00',
        '29/03/2027, 10:00',
      ]);
      expect(starts.map((s) => clock(s, 'America/Vancouver'))).toEqual([
        '10/03/2027, 03:00',
        '20/03/2027, 04:00',
        '27/03/2027, 02:00',
        '29/03/2027, 01:00',
      ]);
    }
  });

  it('leaves out events that ended over 30 days before the build', () => {
    const result = build(
      [
        { id: 'long-ago', start: '2026-11-20T10:00:00+08:00' },
        { id: 'last-week', start: '2026-12-25T10:00:00+08:00' },
      ],
      NOW,
    );
    expect(byIcalJs(calendarText(result)).map((e) => e.uid)).toEqual(['last-week@city.example.org']);
  });
});
