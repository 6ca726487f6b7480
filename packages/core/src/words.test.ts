import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages';
import { CALENDAR_NOTES, fillTemplate, TIME_WORDS } from './words';

describe('words said by more than the app', () => {
  it('are there in every interface language', () => {
    for (const language of LANGUAGES) {
      expect(CALENDAR_NOTES[language].postponed, language).not.toBe('');
      expect(CALENDAR_NOTES[language].movedOnline, language).not.toBe('');
      expect(fillTemplate(TIME_WORDS[language].city, { city: 'X' }), language).toMatch(/X/);
    }
  });
  it('fill their slots, spaced or not, and keep a slot with no value', () => {
    expect(fillTemplate(TIME_WORDS.en.venue, { time: '14:00', zone: 'Jiangmen time' })).toBe(
      '14:00 Jiangmen time',
    );
    expect(fillTemplate(TIME_WORDS['zh-Hant'].venue, { time: '14:00', zone: '江門時間' })).toBe(
      '江門時間 14:00',
    );
    expect(fillTemplate('{{city}}·{{ other }}', { city: '$& $1' })).toBe('$& $1·{{ other }}');
  });
});
