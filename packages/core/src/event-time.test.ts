import { describe, expect, it } from 'vitest';
import type { CityEvent } from './model';
import type { Item } from './model';
import {
  dayIn,
  endMs,
  formatClock,
  formatDay,
  formatEventTime,
  formatMoment,
  isUpcoming,
  sameOffset,
  splitByTime,
  startMs,
  zoneName,
  zoneNameAt,
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
  it("tells the venue time in the reader's formats, with the date in the screen's style", () => {
    expect(formatEventTime(timed, 'en-GB', 'Asia/Shanghai', { date: 'full' })).toBe(
      'Tuesday, 9 March 2027, 09:00–17:30',
    );
    expect(formatEventTime(timed, 'en-GB', 'Asia/Shanghai', { date: 'medium' })).toBe(
      '9 Mar 2027, 09:00–17:30',
    );
    // US dates and a 12-hour clock, both, for a reader in the US: never one without the other.
    expect(formatEventTime(timed, 'en-US', 'Asia/Shanghai', { date: 'full' }).replace(/\s/g, ' ')).toBe(
      'Tuesday, March 9, 2027, 9:00 AM–5:30 PM',
    );
    expect(formatEventTime(timed, 'zh-Hans', 'Asia/Shanghai', { date: 'full' })).toBe(
      '2027年3月9日星期二 09:00–17:30',
    );
    expect(formatEventTime(timed, 'zh-Hans', 'Asia/Shanghai', { date: 'medium' })).toBe(
      '2027年3月9日 09:00–17:30',
    );
  });
  it('tells the same instant in another zone', () => {
    expect(formatEventTime(timed, 'en-GB', 'Europe/Berlin', { date: 'medium' })).toBe(
      '9 Mar 2027, 02:00–10:30',
    );
  });
  it('under a day heading, gives the times alone, and the weekday of a time on another day', () => {
    const day = '2027-03-09';
    expect(formatEventTime(timed, 'en-GB', 'Asia/Shanghai', { date: 'none', day })).toBe('09:00–17:30');
    // In Los Angeles the event starts the evening before.
    expect(formatEventTime(timed, 'en-GB', 'America/Los_Angeles', { date: 'none', day })).toBe(
      'Mon 17:00 – Tue 01:30',
    );
    expect(formatEventTime(timed, 'zh-Hans', 'America/Los_Angeles', { date: 'none', day })).toBe(
      '周一 17:00 – 周二 01:30',
    );
    const late = { ...timed, start: '2027-03-09T22:00:00+08:00', end: '2027-03-10T01:00:00+08:00' };
    expect(formatEventTime(late, 'en-GB', 'Asia/Shanghai', { date: 'none', day })).toBe('22:00 – Wed 01:00');
    expect(formatEventTime(late, 'en-GB', 'Asia/Shanghai', { date: 'medium' })).toBe(
      '9 Mar 2027, 22:00 – 10 Mar 2027, 01:00',
    );
  });
  it('reads all-day dates as calendar dates in any zone', () => {
    const text = formatEventTime(allDay, 'en-GB', 'America/Los_Angeles', { date: 'full' });
    expect(text).toMatch(/Thursday,? 1/);
    expect(text).toMatch(/Saturday,? 3 April 2027/);
    expect(formatEventTime(allDay, 'zh-Hans', 'Asia/Shanghai', { date: 'full' })).toBe(
      '2027年4月1日星期四 – 2027年4月3日星期六',
    );
    expect(formatEventTime(allDay, 'en-GB', 'Asia/Shanghai', { date: 'none' })).toBe('');
  });
  it("begins and ends an all-day event at midnight in the venue's zone", () => {
    // Midnight in Jiangmen is 16:00 UTC the day before.
    expect(startMs(allDay)).toBe(Date.parse('2027-03-31T16:00:00Z'));
    expect(endMs(allDay) - startMs(allDay)).toBe(3 * 86_400_000);
    expect(isUpcoming(allDay, Date.parse('2027-04-03T15:59:00Z'))).toBe(true);
    expect(isUpcoming(allDay, Date.parse('2027-04-03T16:00:01Z'))).toBe(false);
    // Across a change to summer time, in Berlin: the day is 23 hours long.
    const berlin = { ...allDay, start: '2027-03-28', end: '2027-03-28', timezone: 'Europe/Berlin' };
    expect(startMs(berlin)).toBe(Date.parse('2027-03-27T23:00:00Z'));
    expect(endMs(berlin)).toBe(Date.parse('2027-03-28T22:00:00Z'));
  });
  it('compares zones by wall-clock time', () => {
    const at = new Date(timed.start);
    expect(sameOffset(at, 'Asia/Shanghai', 'Asia/Hong_Kong')).toBe(true);
    expect(sameOffset(at, 'Asia/Shanghai', 'Europe/Berlin')).toBe(false);
  });
  it('names zones as people read them, all year or at an instant', () => {
    expect(zoneName('en', 'Asia/Shanghai')).toBe('China Standard Time');
    expect(zoneName('zh-Hans', 'Asia/Shanghai')).toBe('中国标准时间');
    // Not "Central European Standard Time", its name in 1970, a year without summer time.
    expect(zoneName('en', 'Europe/Berlin')).toBe('Central European Time');
    expect(zoneNameAt(new Date('2027-07-01T00:00:00Z'), 'en', 'Europe/Berlin')).toBe(
      'Central European Summer Time',
    );
  });
  it('days and clocks are read in the zone given', () => {
    const at = new Date('2027-03-09T20:30:00Z');
    expect(dayIn(at, 'Asia/Shanghai')).toBe('2027-03-10');
    expect(dayIn(at, 'Europe/Berlin')).toBe('2027-03-09');
    expect(formatClock(at, 'en-GB', 'Asia/Shanghai')).toBe('04:30');
    expect(formatClock(at, 'zh-Hans', 'Europe/Berlin')).toBe('21:30');
    expect(formatClock(at, 'en-US', 'Asia/Shanghai').replace(/\s/g, ' ')).toBe('4:30 AM');
    expect(formatDay('2027-03-09', 'en-GB', 'medium')).toBe('9 Mar 2027');
    expect(formatDay('2027-03-09', 'en-US', 'medium')).toBe('Mar 9, 2027');
    expect(formatMoment(at.getTime(), 'en-GB', 'Asia/Shanghai')).toBe('10 Mar 2027, 04:30');
    expect(formatMoment(at.getTime(), 'zh-Hans', 'Europe/Berlin')).toBe('2027年3月9日 21:30');
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
