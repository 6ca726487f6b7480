import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { readBack } from '../../tests/support/text';
import type { CityEvent, Item } from '@citylink/core/model';
import { CALENDAR_NOTES } from '@citylink/core/words';
import { eventToIcs, icsFileName } from './ics';

const NOW = Date.parse('2026-11-25T08:00:00Z');
const APP = 'https://citylink.example.org/events/partnering-day';

function eventItem(event: Partial<CityEvent> = {}, extra: Partial<Item> = {}): Item {
  return {
    id: 'event-1',
    kind: 'event',
    key: 'partnering-day',
    title: 'Partnering day',
    authors: [],
    tags: [],
    attachments: [],
    translations: [],
    sortTime: 0,
    event: {
      start: '2027-03-10T09:00:00+08:00',
      end: '2027-03-10T17:30:00+08:00',
      timezone: 'Asia/Shanghai',
      allDay: false,
      status: 'scheduled',
      contacts: [],
      ...event,
    },
    ...extra,
  };
}

function vevent(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const events = calendar.getAllSubcomponents('vevent');
  expect(events).toHaveLength(1);
  return events[0]!;
}

function checkLines(text: string) {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of text.slice(0, -2).split('\r\n')) {
    expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // A fold inside a multi-byte character would leave U+FFFD after a byte round trip.
    expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    expect(line).not.toMatch(/\uFFFD/);
  }
}

describe('eventToIcs', () => {
  it('writes a timed event in UTC with every property, and a parser reads it back', () => {
    const item = eventItem(
      {
        venue: {
          name: 'Expo Hall',
          address: '1 Example Road, Pengjiang',
          addressLocal: '江门市蓬江区示例路1号',
          lat: 22.579,
          lon: 113.081,
        },
        registrationUrl: 'https://example.org/register',
      },
      { summary: 'Meet firms; bring cards, please.', dateModified: '2026-11-20T10:00:00Z' },
    );
    const ics = eventToIcs(item, { now: NOW, appUrl: APP });
    checkLines(ics);
    const e = vevent(ics);
    expect(e.getFirstPropertyValue('dtstart')?.toString()).toBe('2027-03-10T01:00:00Z');
    expect(e.getFirstPropertyValue('dtend')?.toString()).toBe('2027-03-10T09:30:00Z');
    expect(e.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-11-25T08:00:00Z');
    expect(e.getFirstPropertyValue('summary')).toBe('Partnering day');
    expect(e.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(e.getFirstPropertyValue('location')).toBe(
      'Expo Hall\n1 Example Road, Pengjiang\n江门市蓬江区示例路1号',
    );
    expect(e.getFirstPropertyValue('geo')).toEqual([22.579, 113.081]);
    expect(e.getFirstPropertyValue('url')).toBe(APP);
    expect(e.getFirstPropertyValue('description')).toBe(
      'Meet firms; bring cards, please.\n\nhttps://example.org/register',
    );
    expect(e.getFirstPropertyValue('sequence')).toBeGreaterThan(0);
    expect(e.getFirstPropertyValue('last-modified')?.toString()).toBe('2026-11-20T10:00:00Z');
    expect(ics).not.toMatch(/DTSTART[^\r]*T\d{6}\r/); // never floating
  });

  it('gives the same UID every time, and a higher SEQUENCE when the item changes', () => {
    const item = eventItem(
      {},
      { id: 'https://example.org/events/1?x=a,b;c', dateModified: '2026-11-20T10:00:00Z' },
    );
    const first = vevent(eventToIcs(item, { now: NOW, appUrl: APP }));
    const again = vevent(eventToIcs(item, { now: NOW + 86_400_000, appUrl: APP }));
    expect(first.getFirstPropertyValue('uid')).toBe(again.getFirstPropertyValue('uid'));
    expect(first.getFirstPropertyValue('uid')).toMatch(/@citylink\.example\.org$/);
    const later = vevent(
      eventToIcs({ ...item, dateModified: '2026-11-21T10:00:00Z' }, { now: NOW, appUrl: APP }),
    );
    expect(Number(later.getFirstPropertyValue('sequence'))).toBeGreaterThan(
      Number(first.getFirstPropertyValue('sequence')),
    );
  });

  it('writes all-day events as dates with the exclusive end, across a month end', () => {
    const e = vevent(
      eventToIcs(eventItem({ allDay: true, start: '2027-04-28', end: '2027-04-30' }), {
        now: NOW,
        appUrl: APP,
      }),
    );
    const start = e.getFirstProperty('dtstart');
    expect(start?.type).toBe('date');
    expect(start?.getFirstValue()?.toString()).toBe('2027-04-28');
    expect(e.getFirstPropertyValue('dtend')?.toString()).toBe('2027-05-01');
    const single = vevent(
      eventToIcs(eventItem({ allDay: true, start: '2027-12-31', end: undefined }), { now: NOW, appUrl: APP }),
    );
    expect(single.getFirstPropertyValue('dtend')?.toString()).toBe('2028-01-01');
  });

  it('marks a cancelled event CANCELLED and notes a postponed one', () => {
    const cancelled = vevent(eventToIcs(eventItem({ status: 'cancelled' }), { now: NOW, appUrl: APP }));
    expect(cancelled.getFirstPropertyValue('status')).toBe('CANCELLED');
    const postponed = vevent(
      eventToIcs(eventItem({ status: 'postponed' }), {
        now: NOW,
        appUrl: APP,
        labels: { postponed: '已延期。', movedOnline: '改为线上。' },
      }),
    );
    expect(postponed.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(postponed.getFirstPropertyValue('description')).toBe('已延期。');
  });

  it('puts an event that moved online at its join link, not at its old venue', () => {
    const venue = { name: 'Expo Hall', address: '1 Example Road', lat: 22.5, lon: 113.1 };
    const online = vevent(
      eventToIcs(eventItem({ status: 'moved-online', venue, onlineUrl: 'https://example.org/join' }), {
        now: NOW,
        appUrl: APP,
      }),
    );
    expect(online.getFirstPropertyValue('location')).toBe('https://example.org/join');
    expect(online.getFirstPropertyValue('geo')).toBeNull();
    // With no notes given, the app's English ones.
    expect(online.getFirstPropertyValue('description')).toBe(
      `${CALENDAR_NOTES.en.movedOnline}\n\nhttps://example.org/join`,
    );
    // Without a link, no place at all rather than the one it left.
    const noLink = vevent(
      eventToIcs(eventItem({ status: 'moved-online', venue }), { now: NOW, appUrl: APP }),
    );
    expect(noLink.getFirstPropertyValue('location')).toBeNull();
  });

  it('folds long Chinese text at 75 octets without splitting a character', () => {
    const title = '江门市蓬江区海外专家交流活动，欢迎参加；'.repeat(12) + '😀 end';
    const ics = eventToIcs(eventItem({}, { title }), { now: NOW, appUrl: APP });
    checkLines(ics);
    expect(ics.split('\r\n').length).toBeGreaterThan(20);
    expect(vevent(ics).getFirstPropertyValue('summary')).toBe(title);
  });

  it('never builds the description from HTML markup', () => {
    const ics = eventToIcs(
      eventItem(
        {},
        { contentHtml: '<p>Hello <a href="javascript:alert(1)">there</a></p><script>x()</script>' },
      ),
      { now: NOW, appUrl: APP },
    );
    expect(vevent(ics).getFirstPropertyValue('description')).toBe('Hello there');
  });

  it('names the file after the slug, in ASCII', () => {
    expect(icsFileName(eventItem())).toBe('partnering-day.ics');
    expect(icsFileName(eventItem({}, { key: '江门' }))).toBe('event.ics');
  });

  it('no field value can add a line or a property (property-based)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 120 });
    const expected = readBack;
    fc.assert(
      fc.property(text, text, text, text, (title, name, address, summary) => {
        const item = eventItem(
          { venue: { name, address } },
          { title: `x${title}`, summary: `y${summary}`, id: title || 'id' },
        );
        const ics = eventToIcs(item, { now: NOW, appUrl: APP });
        checkLines(ics);
        const e = vevent(ics);
        const names = e.getAllProperties().map((p) => p.name);
        expect(new Set(names).size).toBe(names.length);
        expect(names.sort()).toEqual(
          ['uid', 'dtstamp', 'dtstart', 'dtend', 'summary', 'status', 'url', 'description', 'sequence']
            .concat(expected(name) || expected(address) ? ['location'] : [])
            .sort(),
        );
        expect(e.getFirstPropertyValue('summary')).toBe(expected(`x${title}`));
        expect(e.getFirstPropertyValue('description')).toBe(expected(`y${summary}`));
        const location = [name, address].map(expected).filter(Boolean).join('\n');
        if (location) expect(e.getFirstPropertyValue('location')).toBe(location);
      }),
      { numRuns: 300 },
    );
  });
});
