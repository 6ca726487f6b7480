import { describe, expect, it } from 'vitest';
import type { CityEvent } from '../data/model';
import type { Item } from '../data/model';
import {
  endMs,
  formatEventTime,
  isUpcoming,
  sameOffset,
  splitByTime,
  startMs,
  type EventItem,
} from './event-time';

const timed: CityEvent = {
  start: '2027-03-09T09:00:00+08:00',
  end: '2027-03-09T17:30:00+08:00',
  timezone: 'Asia/Shanghai',
  allDay: false,
  status: 'scheduled',
  contacts: [],
};
const allDay: CityEvent = { ...timed, start: '2027-04-01', end: '2027-04-03', allDay: true };

describe('event times', () => {
  it('reads the venue time in the venue zone and names the zone', () => {
    const text = formatEventTime(timed, 'en-GB', 'Asia/Shanghai');
    expect(text).toContain('09:00');
    expect(text).toContain('17:30');
    expect(text).toContain('China Standard Time');
  });
  it('tells the same instant in another zone', () => {
    const text = formatEventTime(timed, 'en-GB', 'Europe/Berlin');
    expect(text).toContain('02:00');
    expect(text).toContain('10:30');
    expect(text).toContain('Central European Standard Time');
  });
  it('reads all-day dates as calendar dates in any zone', () => {
    const text = formatEventTime(allDay, 'en-GB', 'America/Los_Angeles');
    expect(text).toMatch(/Thursday,? 1/);
    expect(text).toMatch(/Saturday,? 3 April 2027/);
    expect(formatEventTime(allDay, 'zh-Hans', 'Asia/Shanghai')).toBe(
      '2027年4月1日星期四 – 2027年4月3日星期六',
    );
  });
  it('ends an all-day event after its last day', () => {
    expect(endMs(allDay) - startMs(allDay)).toBe(3 * 86_400_000);
    expect(isUpcoming(allDay, Date.parse('2027-04-03T12:00:00Z'))).toBe(true);
    expect(isUpcoming(allDay, Date.parse('2027-04-04T00:00:01Z'))).toBe(false);
  });
  it('compares zones by wall-clock time', () => {
    const at = new Date(timed.start);
    expect(sameOffset(at, 'Asia/Shanghai', 'Asia/Hong_Kong')).toBe(true);
    expect(sameOffset(at, 'Asia/Shanghai', 'Europe/Berlin')).toBe(false);
  });
});

describe('splitByTime', () => {
  const at = (id: string, start: string): EventItem =>
    ({ id, event: { ...timed, start, end: undefined } }) as unknown as Item & EventItem;
  it('puts upcoming soonest first and past most recent first', () => {
    const items = [
      at('late', '2027-05-01T09:00:00+08:00'),
      at('old', '2026-01-01T09:00:00+08:00'),
      at('soon', '2027-04-01T09:00:00+08:00'),
      at('recent', '2026-06-01T09:00:00+08:00'),
    ];
    const { upcoming, past } = splitByTime(items, Date.parse('2027-03-01T00:00:00+08:00'));
    expect(upcoming.map((i) => i.id)).toEqual(['soon', 'late']);
    expect(past.map((i) => i.id)).toEqual(['recent', 'old']);
  });
});
