/**
 * Calendar subscriptions (RFC 5545) beside the feed: a calendar app that subscribes to one
 * fetches it again and again, so an event moved, postponed or cancelled in `content/` is
 * updated in place in the subscriber's calendar (same UID, higher SEQUENCE).
 *
 * Written from the built feed pages as the app reads them (`parseFeed`), with the app's own
 * VEVENT writer (packages/core/src/calendar.ts): the same UID as the one-off "Add to calendar"
 * file, so a subscriber who also added the event once does not get it twice.
 *
 * Files, in `calendars/` (names by `calendarFileName`): `events.ics`, every event in the feed's
 * language where it has one; `<language>.ics` for each of the feed's languages and `zh-Hant`
 * (`calendarLanguages`); and for each tag of an event `topic-<tag>.ics` and
 * `topic-<tag>.<language>.ics`. Each holds an event once, in the translation the calendar's
 * language picks; a Traditional calendar converts what only Simplified gives (`traditional`).
 */
import { tzlib_get_ical_block } from 'timezones-ical-library';
import {
  CALENDAR_DIR,
  calendarFileName,
  calendarLanguages,
  calendarUrl,
  PRODID,
  veventLines,
} from '../../core/src/calendar';
import { contentLines, escapeText } from '../../core/src/content-lines';
import { endMs, hasEvent, startMs, type EventItem } from '../../core/src/event-time';
import type { FeedMeta, Localized } from '../../core/src/model';
import { parseFeed } from '../../core/src/parse';
import { itemUrl } from '../../core/src/paths';
import { bodyText } from '../../core/src/text';
import { chooseLanguage } from '../../core/src/languages';
import { isSimplified, isTraditional } from '../../core/src/traditional';
import { toTraditional } from '../../core/src/to-traditional';
import { localized, pickLanguage, tagLabel } from '../../core/src/translations';
import { CALENDAR_NOTES } from '../../core/src/words';

/**
 * How often a subscriber's calendar should fetch again. An hour: a cancellation reaches
 * calendars that honour it (Apple's and Outlook's read X-PUBLISHED-TTL, others
 * REFRESH-INTERVAL) within the hour, and the file is small and static.
 */
const REFRESH = 'PT1H';

/**
 * Events that ended up to this long ago stay in the calendars: calendar apps remove an entry
 * that a subscription no longer lists, so a subscriber keeps the recent past (what they went
 * to last week) rather than watch it vanish the moment it ends.
 */
const KEEP_ENDED_MS = 30 * 86_400_000;

export interface CalendarFile {
  /** Relative to the output folder, with `/`. */
  path: string;
  text: string;
}

/**
 * The calendar subscriptions of a built feed. `pages` are the feed's pages (head first),
 * `feedUrl` the head's address (events' pages are at their `url`, else at its origin), `now`
 * when the build runs: events that ended before `KEEP_ENDED_MS` earlier are left out.
 */
export function calendarFiles(
  pages: readonly { path: string; text: string }[],
  feedUrl: string,
  now: number,
): CalendarFile[] {
  let meta: FeedMeta | undefined;
  const all: EventItem[] = [];
  for (const page of pages) {
    const parsed = parseFeed(page.text, { baseUrl: new URL(page.path, feedUrl).href, receivedAt: 0 });
    if (!parsed.ok) continue;
    meta ??= parsed.meta;
    all.push(...parsed.items.filter(hasEvent));
  }
  const events = all.filter((item) => endMs(item.event) >= now - KEEP_ENDED_MS);
  if (!meta) return [];
  const feed = meta;
  // In time order, then by id: the same content always writes the same bytes.
  events.sort((a, b) => startMs(a.event) - startMs(b.event) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const main = feed.language ?? feed.languages[0] ?? 'en';
  // A topic of any event in the feed, past ones too, since the app offers each topic its list
  // shows: a topic whose events have all ended gets an empty calendar, not a missing file.
  const tags = [...new Set(all.flatMap((item) => item.tags))].sort();
  const languages = calendarLanguages(feed.languages);
  // Each event converted once, however many Traditional calendars (topics) hold it.
  const converted = new Map<EventItem, EventItem>();
  const inHant = (item: EventItem) => {
    let hant = converted.get(item);
    if (!hant) converted.set(item, (hant = traditional(item)));
    return hant;
  };
  const subjects: { tag?: string; language?: string }[] = [
    {},
    ...languages.map((language) => ({ language })),
    ...tags.flatMap((tag) => [{ tag }, ...languages.map((language) => ({ tag, language }))]),
  ];
  return subjects.map((subject) => {
    const language = subject.language ?? main;
    const hant = isTraditional(language);
    const chosen = pickLanguage(events, language, feed.language)
      .filter((item) => subject.tag === undefined || item.tags.includes(subject.tag))
      .map((item) => (hant && isSimplified(item.language ?? feed.language) ? inHant(item) : item));
    const title = hant
      ? inTraditional(feed.titles, feed.title)
      : (localized(feed.titles, language) ?? feed.title);
    const label = (tag: string) =>
      hant ? inTraditional(feed.tagLabels?.[tag], tag) : tagLabel(feed, tag, language);
    const name = subject.tag === undefined ? title : `${title}: ${label(subject.tag)}`;
    return {
      path: `${CALENDAR_DIR}/${calendarFileName(subject)}`,
      text: calendar(chosen, { name, language, url: calendarUrl(feedUrl, subject), feed, feedUrl }),
    };
  });
}

function calendar(
  events: readonly EventItem[],
  options: { name: string; language: string; url: string; feed: FeedMeta; feedUrl: string },
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    // RFC 7986's calendar name and address, and the names older calendar apps read.
    `NAME;LANGUAGE=${options.language}:${escapeText(options.name)}`,
    `X-WR-CALNAME:${escapeText(options.name)}`,
    `SOURCE;VALUE=URI:${options.url}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${REFRESH}`,
    `X-PUBLISHED-TTL:${REFRESH}`,
  ];
  if (options.feed.timezone) lines.push(`X-WR-TIMEZONE:${options.feed.timezone}`);
  // Each zone an event's times are written in, defined once: the calendar then shows the
  // event at the right instant in the subscriber's own zone, across daylight-saving changes.
  // An event in a zone the library does not know keeps its times in UTC.
  const zones = new Map<string, { tzid: string; lines: string[] }>();
  for (const item of events) {
    const zone = item.event.timezone;
    if (!item.event.allDay && !zones.has(zone)) {
      const found = vtimezone(zone);
      if (found) zones.set(zone, found);
    }
  }
  const written = new Set<string>();
  for (const { tzid, lines: block } of [...zones.values()].sort((a, b) => (a.tzid < b.tzid ? -1 : 1))) {
    if (!written.has(tzid)) lines.push(...block);
    written.add(tzid);
  }
  for (const item of events) {
    const modified = Date.parse(item.dateModified ?? item.datePublished ?? '');
    lines.push(
      ...veventLines(item, {
        // A published calendar (no METHOD) stamps an event with when it last changed, so the
        // same content always writes the same file.
        stamp: Number.isNaN(modified) ? 0 : modified,
        // The event's page in the app, as the app itself links it: the UID's host too.
        pageUrl: itemUrl(item, options.feed.homePageUrl ?? options.feedUrl),
        tzid: zones.get(item.event.timezone)?.tzid,
        // The app's words for its one-off file, in the interface language nearest the calendar's.
        labels: CALENDAR_NOTES[chooseLanguage([options.language])],
      }),
    );
  }
  lines.push('END:VCALENDAR');
  return contentLines(lines);
}

/**
 * A zone's VTIMEZONE from timezones-ical-library, which builds them from the IANA database
 * (kept current by its authors): the rules a calendar needs, without a zone database of ours.
 * It names an alias by its canonical zone (`Asia/Chongqing` is `Asia/Shanghai`).
 */
function vtimezone(zone: string): { tzid: string; lines: string[] } | undefined {
  const block = tzlib_get_ical_block(zone);
  const text = Array.isArray(block) ? block[0] : undefined;
  const tzid = text && /^TZID:(.+)$/m.exec(text)?.[1]?.trim();
  if (!text || !tzid) return undefined;
  return { tzid, lines: text.split(/\r?\n/).filter((line) => line !== '') };
}

/**
 * An event published in Simplified Chinese, for a Traditional calendar: its words converted,
 * its body as plain text (a calendar's description is text). The venue's local address stays
 * as it is: it is for a local driver or map, who read Simplified.
 */
function traditional(item: EventItem): EventItem {
  const convert = (text: string | undefined) => (text === undefined ? undefined : toTraditional(text));
  const body = bodyText(item);
  const venue = item.event.venue;
  return {
    ...item,
    title: convert(item.title),
    summary: convert(item.summary),
    contentText: body ? toTraditional(body) : undefined,
    contentHtml: undefined,
    event: {
      ...item.event,
      venue: venue && { ...venue, name: convert(venue.name), address: convert(venue.address) },
    },
  };
}

/**
 * A feed's words (its title, a topic's label) for a Traditional calendar: the Traditional text
 * when the feed gives one, else the Simplified converted, else `fallback`.
 */
function inTraditional(map: Localized | undefined, fallback: string): string {
  const entries = Object.entries(map ?? {});
  const own = entries.find(([tag]) => isTraditional(tag));
  if (own) return own[1];
  const simplified = entries.find(([tag]) => isSimplified(tag));
  return simplified ? toTraditional(simplified[1]) : fallback;
}
