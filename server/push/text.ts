/**
 * What a notification says, in each interface language of the app. The item's own words come
 * from the feed, in the subscriber's language when the feed has a translation; dates, times and
 * zone names come from the core, as the app writes them.
 */
import { formatEventTime, zoneName } from '../../packages/core/src/event-time';
import { DEFAULT_FORMATS, type Language } from '../../packages/core/src/languages';
import type { FeedMeta, Item } from '../../packages/core/src/model';
import { cityName } from '../../packages/core/src/translations';
import { fillTemplate, TIME_WORDS } from '../../packages/core/src/words';

interface Words {
  urgent: (title: string) => string;
  event: (title: string) => string;
}

// Full-width punctuation in Chinese.
const TEXT: Record<Language, Words> = {
  en: {
    urgent: (title) => `Urgent: ${title}`,
    event: (title) => `New event: ${title}`,
  },
  'zh-Hans': {
    urgent: (title) => `紧急通知：${title}`,
    event: (title) => `新活动：${title}`,
  },
  'zh-Hant': {
    urgent: (title) => `緊急通知：${title}`,
    event: (title) => `新活動：${title}`,
  },
};

/** The notification's title for an urgent notice or a new event. */
export function noticeTitle(kind: 'urgent' | 'event', title: string, language: Language): string {
  return TEXT[language][kind](title);
}

/**
 * When and where an event is, for a notification's body: "Saturday, 5 December 2026,
 * 14:00 Jiangmen time · Venue". A time names its zone (the feed's, after its city), since a
 * notification is read wherever the reader is; an all-day event's dates are the same in
 * every zone and name none.
 */
export function eventLine(
  item: Item,
  language: Language,
  meta?: Pick<FeedMeta, 'city' | 'cityNames' | 'timezone'>,
): string {
  const event = item.event;
  if (!event) return '';
  // The feed's own zone named after its city, and the order of a time and its zone, in the
  // words the app's event pages use.
  const words = TIME_WORDS[language];
  // The formats the app writes in when the reader's device names no region: a notification
  // is written once for every subscriber of a language.
  const formats = DEFAULT_FORMATS[language];
  const time = formatEventTime(event, formats, event.timezone, { date: 'full' });
  let when = time;
  if (!event.allDay) {
    const city = event.timezone === meta?.timezone ? cityName(meta, language) : undefined;
    const zone = city ? fillTemplate(words.city, { city }) : zoneName(formats, event.timezone);
    when = fillTemplate(words.venue, { time, zone });
  }
  const place = language === 'zh-Hans' ? (event.venue?.nameLocal ?? event.venue?.name) : event.venue?.name;
  return place ? `${when} · ${place}` : when;
}
