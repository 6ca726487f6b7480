/**
 * What a notification says, in each interface language of the app. The item's own words come
 * from the feed, in the subscriber's language when the feed has a translation.
 */
import type { Language } from '@citylink/core/languages';
import type { Item } from '@citylink/core/model';

const TEXT: Record<Language, { urgent: (title: string) => string; event: (title: string) => string }> = {
  en: { urgent: (title) => `Urgent: ${title}`, event: (title) => `New event: ${title}` },
  // Full-width punctuation in Chinese.
  'zh-Hans': { urgent: (title) => `紧急通知：${title}`, event: (title) => `新活动：${title}` },
};

/** The notification's title for an urgent notice or a new event. */
export function noticeTitle(kind: 'urgent' | 'event', title: string, language: Language): string {
  return TEXT[language][kind](title);
}

/** When and where an event is, for a notification's body: "Sat, 5 Dec 2026, 14:00 · Venue". */
export function eventLine(item: Item, language: Language): string {
  const event = item.event;
  if (!event) return '';
  // An all-day event's date is a day, not an instant: formatted as itself.
  const when = event.allDay
    ? new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(
        new Date(`${event.start}T00:00:00Z`),
      )
    : new Intl.DateTimeFormat(language, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: event.timezone,
      }).format(new Date(event.start));
  const place = language === 'zh-Hans' ? (event.venue?.nameLocal ?? event.venue?.name) : event.venue?.name;
  return place ? `${when} · ${place}` : when;
}
