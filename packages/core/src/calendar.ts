/**
 * An event as an RFC 5545 VEVENT: one writer for the app's one-off "Add to calendar" file
 * (src/lib/ics.ts) and the publisher's calendar subscriptions (packages/feed/src/calendars.ts),
 * so that an event has the same UID and SEQUENCE in both and a calendar that holds it from
 * one never gets it twice from the other.
 */
import { escapeText } from './content-lines';
import { chineseScript, type Language } from './languages';
import type { Item } from './model';
import { bodyText } from './text';
import { CALENDAR_NOTES, type CalendarNotes } from './words';
import { wallMs } from './zone-time';

export const PRODID = '-//Citylink//Citylink//EN';

// SEQUENCE must grow with each revision. Derived from date_modified, it needs no state kept
// between builds (any build of the same content writes the same number, and every edit that
// dates itself raises it); counting seconds since 2020 keeps it within the 32-bit integer some
// calendar servers store it in until the 2080s.
const SEQUENCE_EPOCH_S = Date.UTC(2020, 0, 1) / 1000;

export interface VeventOptions {
  /** DTSTAMP: when the file is made, or (with no METHOD) when the event last changed. */
  stamp: number;
  /** The event's page, absolute: the URL, and the host of the UID. */
  pageUrl: string;
  /** Notes put at the top of the description of a postponed or moved event; English's by default. */
  labels?: CalendarNotes;
  /**
   * Times on the venue's wall clock, with this TZID (the venue's zone, or its canonical name
   * for an alias), rather than in UTC: the calendar then needs the zone's VTIMEZONE.
   */
  tzid?: string;
}

/**
 * The event's UID: its item id, percent-encoded so that it is one safe token, at the host of
 * its page. The same item gives the same UID, so importing it again updates the entry.
 */
export function eventUid(id: string, pageUrl: string): string {
  let host = 'citylink.invalid';
  try {
    host = new URL(pageUrl).host || host;
  } catch {
    // A bad URL still gets a stable UID.
  }
  return `${encodeURIComponent(id).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}@${host}`;
}

/** The event's SEQUENCE: seconds from 2020 to its date_modified, 0 when it has none. */
export function eventSequence(dateModified: string | undefined): number {
  const modified = dateModified ? Date.parse(dateModified) : NaN;
  return Number.isNaN(modified) ? 0 : Math.max(0, Math.floor(modified / 1000 - SEQUENCE_EPOCH_S));
}

/** The VEVENT of an event item, as content lines (not yet folded). */
export function veventLines(item: Item, options: VeventOptions): string[] {
  const event = item.event;
  if (!event) throw new Error(`Item ${item.id} is not an event`);
  const labels = options.labels ?? CALENDAR_NOTES.en;

  const lines = [
    'BEGIN:VEVENT',
    `UID:${eventUid(item.id, options.pageUrl)}`,
    `DTSTAMP:${utc(options.stamp)}`,
  ];
  if (event.allDay) {
    lines.push(`DTSTART;VALUE=DATE:${compactDate(event.start)}`);
    // RFC 5545 ends an all-day event on the day after its last day; the feed's end is inclusive.
    lines.push(`DTEND;VALUE=DATE:${compactDate(nextDay(event.end ?? event.start))}`);
  } else {
    const { tzid } = options;
    const time = (value: string) =>
      tzid
        ? `;TZID=${tzid}:${utc(wallMs(new Date(Date.parse(value)), event.timezone)).slice(0, -1)}`
        : `:${utc(Date.parse(value))}`;
    lines.push(`DTSTART${time(event.start)}`);
    if (event.end) lines.push(`DTEND${time(event.end)}`);
  }
  lines.push(`SUMMARY:${escapeText(item.title ?? item.summary ?? item.id)}`);
  // A postponed event will not take place at the time given, and its new time is not yet known
  // (docs/feed-format.md): it stays in the calendar TENTATIVE, its description saying why,
  // until the publisher sets the new time; only a cancelled one is CANCELLED.
  lines.push(
    `STATUS:${event.status === 'cancelled' ? 'CANCELLED' : event.status === 'scheduled' ? 'CONFIRMED' : 'TENTATIVE'}`,
  );

  // An event that moved online is no longer at its venue: its place is its join link.
  const online = event.status === 'moved-online';
  const joinUrl = online ? httpUrl(event.onlineUrl) : undefined;
  const venue = online ? undefined : event.venue;
  const location = (joinUrl ? [joinUrl] : [venue?.name, venue?.address, venue?.addressLocal])
    .map((part) => escapeText(part ?? ''))
    .filter(Boolean)
    .join('\\n');
  if (location) lines.push(`LOCATION:${location}`);
  if (venue?.lat !== undefined && venue.lon !== undefined)
    lines.push(`GEO:${decimal(venue.lat)};${decimal(venue.lon)}`);
  const url = httpUrl(options.pageUrl);
  if (url) lines.push(`URL:${url}`);

  const note =
    event.status === 'postponed'
      ? labels.postponed
      : event.status === 'moved-online'
        ? labels.movedOnline
        : '';
  // Plain text only: the summary, or the body when the feed wrote it as text or HTML (reduced
  // to text); a link is written out, never taken from markup.
  const description = [note, joinUrl ?? '', item.summary ?? bodyText(item), event.registrationUrl ?? '']
    .filter((part) => part.trim() !== '')
    .join('\n\n');
  if (description) lines.push(`DESCRIPTION:${escapeText(description)}`);

  const modified = item.dateModified ? Date.parse(item.dateModified) : NaN;
  if (!Number.isNaN(modified)) lines.push(`LAST-MODIFIED:${utc(modified)}`);
  lines.push(`SEQUENCE:${eventSequence(item.dateModified)}`);
  lines.push('END:VEVENT');
  return lines;
}

/** `YYYYMMDDTHHMMSSZ`. */
function utc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function compactDate(date: string): string {
  return date.replace(/-/g, '');
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * URI values are not TEXT (they are not escaped), so only a well-formed http(s) URL goes in:
 * URL serialisation percent-encodes spaces and drops line breaks. Many readers still take every
 * value as TEXT (Python's vobject splits a vCard URL at a raw `,` and unescapes `\`), so the
 * three TEXT specials `,` `;` `\` are percent-encoded too: a URL no reader can cut or change.
 */
export function httpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.href.replace(/[,;\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    return undefined;
  }
}

/** A coordinate as plain decimal text (String() would write 1e-7). */
export function decimal(value: number): string {
  return String(Number(value.toFixed(6)));
}

/** The folder of the calendar subscriptions, beside the feed's head `feed.json`. */
export const CALENDAR_DIR = 'calendars';

/**
 * The file of a calendar subscription in `CALENDAR_DIR`: every event (`events.ics`), a
 * language's (`zh-Hans.ics`), a topic's (`topic-culture.ics`) or a topic's in a language
 * (`topic-culture.zh-Hans.ics`). Shared by the publisher, who writes them, and the app, which
 * links to them. A tag is percent-encoded into the name, so any tag makes one safe file name;
 * a link to it encodes the name once more (`calendarUrl`).
 */
export function calendarFileName(subject: { tag?: string; language?: string }): string {
  const language = subject.language ? encodeURIComponent(subject.language) : undefined;
  if (subject.tag === undefined) return `${language ?? 'events'}.ics`;
  return `topic-${encodeURIComponent(subject.tag)}${language ? `.${language}` : ''}.ics`;
}

/** The https address of a calendar subscription, beside the feed at `feedUrl`. */
export function calendarUrl(feedUrl: string, subject: { tag?: string; language?: string }): string {
  return new URL(`${CALENDAR_DIR}/${encodeURIComponent(calendarFileName(subject))}`, feedUrl).href;
}

/**
 * The languages the publisher writes calendars in: the feed's, and Traditional Chinese
 * (`zh-Hant`) for a feed in Simplified Chinese only. The app shows a Traditional reader the
 * Simplified text converted on the device; a calendar app cannot, so the publisher converts.
 */
export function calendarLanguages(feedLanguages: readonly string[]): string[] {
  const chinese = feedLanguages.filter((tag) => interfaceLanguage(tag)?.startsWith('zh'));
  const traditional = chinese.some((tag) => interfaceLanguage(tag) === 'zh-Hant');
  return chinese.length && !traditional ? [...feedLanguages, 'zh-Hant'] : [...feedLanguages];
}

/**
 * The calendar language for a reader of `language` (an interface language) among a feed's
 * calendars: the first that the reader's rule gives their language, else none (the feed's own
 * calendar, `events.ics`).
 */
export function readerCalendarLanguage(
  feedLanguages: readonly string[],
  language: string,
): string | undefined {
  return calendarLanguages(feedLanguages).find((tag) => interfaceLanguage(tag) === language);
}

/** The interface language a feed's language tag is written in, if it is one of them. */
function interfaceLanguage(tag: string): Language | undefined {
  const primary = tag.toLowerCase().split(/[-_]/)[0];
  return primary === 'zh' ? chineseScript(tag) : primary === 'en' ? 'en' : undefined;
}
