import { describe, expect, it } from 'vitest';
import { calendarLanguages, readerCalendarLanguage } from './calendar';

describe('calendar languages', () => {
  it("are the feed's, and Traditional for a feed in Simplified only", () => {
    expect(calendarLanguages(['en', 'zh-Hans'])).toEqual(['en', 'zh-Hans', 'zh-Hant']);
    expect(calendarLanguages(['en', 'zh'])).toEqual(['en', 'zh', 'zh-Hant']);
    expect(calendarLanguages(['en', 'zh-Hans', 'zh-Hant'])).toEqual(['en', 'zh-Hans', 'zh-Hant']);
    expect(calendarLanguages(['en', 'zh-TW'])).toEqual(['en', 'zh-TW']);
    expect(calendarLanguages(['en', 'fr'])).toEqual(['en', 'fr']);
  });
  it("give a reader the calendar in their interface language, else the feed's own", () => {
    expect(readerCalendarLanguage(['en', 'zh-Hans'], 'zh-Hant')).toBe('zh-Hant');
    expect(readerCalendarLanguage(['en', 'zh-Hans'], 'zh-Hans')).toBe('zh-Hans');
    expect(readerCalendarLanguage(['fr', 'en'], 'en')).toBe('en');
    expect(readerCalendarLanguage(['en', 'zh-HK'], 'zh-Hant')).toBe('zh-HK');
    expect(readerCalendarLanguage(['fr'], 'en')).toBeUndefined();
    expect(readerCalendarLanguage([], 'zh-Hant')).toBeUndefined();
  });
});
