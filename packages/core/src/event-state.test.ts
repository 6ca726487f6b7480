import { describe, expect, it } from 'vitest';
import type { CityEvent } from './model';
import { eventActions, eventState, isOn } from './event-state';

const talk: CityEvent = {
  start: '2027-03-09T09:00:00+08:00',
  end: '2027-03-09T17:30:00+08:00',
  timezone: 'Asia/Shanghai',
  allDay: false,
  status: 'scheduled',
  venue: { name: 'Hall', addressLocal: '江门市' },
  registrationUrl: 'https://example.org/register',
  contacts: [],
};
const before = Date.parse('2027-03-01T00:00:00+08:00');
const during = Date.parse('2027-03-09T12:00:00+08:00');
const after = Date.parse('2027-03-09T17:30:00+08:00');

describe('eventState', () => {
  it('follows the clock for an event that goes ahead', () => {
    expect(eventState(talk, before)).toBe('upcoming');
    expect(eventState(talk, Date.parse(talk.start))).toBe('now');
    expect(eventState(talk, during)).toBe('now');
    // The end is exclusive: at 17:30 it is over.
    expect(eventState(talk, after)).toBe('ended');
  });

  it('puts the publisher’s cancellation and postponement before the clock', () => {
    for (const at of [before, during, after]) {
      expect(eventState({ ...talk, status: 'cancelled' }, at)).toBe('cancelled');
      expect(eventState({ ...talk, status: 'postponed' }, at)).toBe('postponed');
    }
  });

  it('says "moved online" until an online event begins, then the clock', () => {
    const online = { ...talk, status: 'moved-online' as const };
    expect(eventState(online, before)).toBe('moved-online');
    expect(eventState(online, during)).toBe('now');
    expect(eventState(online, after)).toBe('ended');
  });

  it('reads an all-day event in the venue’s days, and an event without an end as an instant', () => {
    const days = { ...talk, allDay: true, start: '2027-04-02', end: '2027-04-05' };
    // 23:30 on 5 April in Jiangmen is still the last day; 00:30 on the 6th is not.
    expect(eventState(days, Date.parse('2027-04-05T23:30:00+08:00'))).toBe('now');
    expect(eventState(days, Date.parse('2027-04-06T00:30:00+08:00'))).toBe('ended');
    expect(eventState(days, Date.parse('2027-04-01T23:30:00+08:00'))).toBe('upcoming');
    const instant = { ...talk, end: undefined };
    expect(eventState(instant, Date.parse(talk.start) - 1)).toBe('upcoming');
    expect(eventState(instant, Date.parse(talk.start))).toBe('ended');
  });

  it('counts an event as on while it is still to come or under way', () => {
    expect(['upcoming', 'now', 'moved-online'].every((s) => isOn(s as never))).toBe(true);
    expect(['ended', 'cancelled', 'postponed'].some((s) => isOn(s as never))).toBe(false);
  });
});

describe('eventActions', () => {
  it('lets the reader register, save the date and go, before an event', () => {
    expect(eventActions(talk, 'upcoming')).toEqual({
      register: true,
      calendar: true,
      join: false,
      venue: true,
      directions: true,
      primary: 'register',
    });
    // Without a registration link, the calendar leads.
    expect(eventActions({ ...talk, registrationUrl: undefined }, 'upcoming').primary).toBe('calendar');
  });

  it('offers no registration once under way, and the way there still', () => {
    expect(eventActions(talk, 'now')).toMatchObject({
      register: false,
      directions: true,
      primary: 'calendar',
    });
  });

  it('offers nothing to do for an ended event, and shows where it was', () => {
    expect(eventActions(talk, 'ended')).toEqual({
      register: false,
      calendar: false,
      join: false,
      venue: true,
      directions: false,
      primary: undefined,
    });
  });

  it('offers no registration, calendar, map or taxi for a cancelled or postponed event', () => {
    for (const status of ['cancelled', 'postponed'] as const) {
      expect(eventActions({ ...talk, status }, status)).toEqual({
        register: false,
        calendar: false,
        join: false,
        venue: true,
        directions: false,
        primary: undefined,
      });
    }
  });

  it('gives an event that moved online its join link instead of the venue', () => {
    const online = { ...talk, status: 'moved-online' as const, onlineUrl: 'https://example.org/join' };
    expect(eventActions(online, 'moved-online')).toEqual({
      register: true,
      calendar: true,
      join: true,
      venue: false,
      directions: false,
      primary: 'register',
    });
    expect(eventActions(online, 'now')).toMatchObject({ join: true, primary: 'join', directions: false });
    expect(eventActions(online, 'ended')).toMatchObject({ join: false, venue: false });
    // No link given: nothing to join, and still no venue.
    expect(eventActions({ ...online, onlineUrl: undefined }, 'moved-online')).toMatchObject({
      join: false,
      venue: false,
    });
  });
});
