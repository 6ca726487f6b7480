import { describe, expect, it } from 'vitest';
import { openState } from './hours';

// Every expectation is a true instant, so the suite must pass whatever the engine's zone is:
// it was run under TZ=UTC, Europe/Berlin, America/Los_Angeles and Asia/Shanghai.
const SHANGHAI = 'Asia/Shanghai';
const WEEKDAYS = 'Mo-Fr 09:00-17:30';

describe('openState', () => {
  it('is open on a Monday morning in Shanghai and closes at 17:30 Shanghai time', () => {
    // 02:00Z is Monday 10:00 in Shanghai.
    expect(openState(WEEKDAYS, new Date('2027-03-08T02:00:00Z'), SHANGHAI)).toEqual({
      state: 'open',
      nextChange: new Date('2027-03-08T09:30:00Z'),
    });
  });

  it('is closed at 18:00 Shanghai time and opens at 09:00 the next morning', () => {
    expect(openState(WEEKDAYS, new Date('2027-03-08T10:00:00Z'), SHANGHAI)).toEqual({
      state: 'closed',
      nextChange: new Date('2027-03-09T01:00:00Z'),
    });
  });

  it('reads the weekday in the venue zone, not in the engine zone', () => {
    // Sunday 23:30 in UTC, Berlin and Los Angeles; Monday 07:30 in Shanghai.
    expect(openState(WEEKDAYS, new Date('2027-03-07T23:30:00Z'), SHANGHAI)).toEqual({
      state: 'closed',
      nextChange: new Date('2027-03-08T01:00:00Z'),
    });
    // Sunday 17:30 in Los Angeles; Monday 09:30 in Shanghai.
    expect(openState(WEEKDAYS, new Date('2027-03-08T01:30:00Z'), SHANGHAI)?.state).toBe('open');
    // Monday 16:00 in Berlin (which would be open there); Monday 23:00 in Shanghai.
    expect(openState(WEEKDAYS, new Date('2027-03-08T15:00:00Z'), SHANGHAI)?.state).toBe('closed');
  });

  it('skips the weekend for the next change', () => {
    // Friday 20:00 in Shanghai: next opening is Monday 09:00.
    expect(openState(WEEKDAYS, new Date('2027-03-12T12:00:00Z'), SHANGHAI)).toEqual({
      state: 'closed',
      nextChange: new Date('2027-03-15T01:00:00Z'),
    });
  });

  it('is closed on China National Day with "PH off", offline', () => {
    const hours = 'Mo-Fr 09:00-17:30; PH off';
    // Friday 1 October 2027, 10:00 Shanghai; 2 and 3 October are a weekend, so Monday the 4th.
    expect(openState(hours, new Date('2027-10-01T02:00:00Z'), SHANGHAI)).toEqual({
      state: 'closed',
      nextChange: new Date('2027-10-04T01:00:00Z'),
    });
    // The working day before is an ordinary one.
    expect(openState(hours, new Date('2027-09-30T02:00:00Z'), SHANGHAI)?.state).toBe('open');
  });

  it('handles hours that run past midnight', () => {
    // Tuesday 01:30 in Shanghai, still inside Monday's 18:00-02:00.
    expect(openState('Mo-Su 18:00-02:00', new Date('2027-03-08T17:30:00Z'), SHANGHAI)).toEqual({
      state: 'open',
      nextChange: new Date('2027-03-08T18:00:00Z'),
    });
  });

  it('maps the next change back across a venue DST change', () => {
    // Saturday 18:00 CET in Berlin; Sunday opens 09:00 CEST, after clocks go forward.
    expect(openState('Mo-Su 09:00-17:00', new Date('2027-03-27T17:00:00Z'), 'Europe/Berlin')).toEqual({
      state: 'closed',
      nextChange: new Date('2027-03-28T07:00:00Z'),
    });
  });

  it('is always open for 24/7, with no next change', () => {
    expect(openState('24/7', new Date('2027-03-08T02:00:00Z'), SHANGHAI)).toEqual({ state: 'open' });
  });

  it('tells "unknown" when the hours say so', () => {
    expect(openState('Mo-Fr 09:00-17:30 unknown', new Date('2027-03-08T02:00:00Z'), SHANGHAI)).toEqual({
      state: 'unknown',
      nextChange: new Date('2027-03-08T09:30:00Z'),
    });
  });

  it('says nothing rather than throwing on what it cannot read', () => {
    const at = new Date('2027-03-08T02:00:00Z');
    expect(openState('garbage', at, SHANGHAI)).toBeUndefined();
    expect(openState('', at, SHANGHAI)).toBeUndefined();
    expect(openState('Mo-Fr 25:00-26:00', at, SHANGHAI)).toBeUndefined();
    expect(openState('<script>alert(1)</script>', at, SHANGHAI)).toBeUndefined();
    expect(openState(WEEKDAYS, at, 'Not/AZone')).toBeUndefined();
    expect(openState(WEEKDAYS, new Date(Number.NaN), SHANGHAI)).toBeUndefined();
  });
});
