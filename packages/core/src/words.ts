/**
 * The interface words that more than the app says: the notes a calendar file puts on a
 * postponed or moved event (the app's "Add to calendar", the publisher's subscriptions) and how
 * a time names its zone (the app's event pages, the push server's notifications). The app's
 * catalogues take these strings from here, so that every deployable says the same.
 * Templates use the catalogues' `{{ slot }}` form. Full-width punctuation in Chinese.
 */
import type { Language } from './languages';

export interface CalendarNotes {
  postponed: string;
  movedOnline: string;
}

/** The notes at the top of a postponed or moved event's calendar description. */
export const CALENDAR_NOTES: Record<Language, CalendarNotes> = {
  en: {
    postponed: 'Postponed: check the new date before you go.',
    movedOnline: 'Moved online: see the event page for how to join.',
  },
  'zh-Hans': {
    postponed: '已延期：出发前请确认新的日期。',
    movedOnline: '已改为线上：参加方式见活动页面。',
  },
  'zh-Hant': {
    postponed: '已延期：出發前請確認新的日期。',
    movedOnline: '已改為網上舉行：參加方法見活動頁面。',
  },
};

export interface TimeWords {
  /** The feed's own zone, named after its city: `{{ city }}`. */
  city: string;
  /** A time and the zone it is told in, in the language's order: `{{ time }}`, `{{ zone }}`. */
  venue: string;
}

export const TIME_WORDS: Record<Language, TimeWords> = {
  en: { city: '{{ city }} time', venue: '{{ time }} {{ zone }}' },
  'zh-Hans': { city: '{{ city }}时间', venue: '{{ zone }} {{ time }}' },
  'zh-Hant': { city: '{{ city }}時間', venue: '{{ zone }} {{ time }}' },
};

/** A template with its slots filled; a slot with no value is left as it is. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/{{\s*(\w+)\s*}}/g, (slot, name: string) => values[name] ?? slot);
}
