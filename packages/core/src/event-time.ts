/**
 * When an event happens, told in a zone: the venue's, or the reader's beside it. Pure Intl: no
 * date library. Times are written one way in every interface language, on the 24-hour clock
 * ("09:30"), as feeds write opening hours; dates in the screen's one style (`DateStyle`).
 */
import type { CityEvent, Item } from './model';
import { instantOf, wallMs } from './zone-time';

const DAY_MS = 86_400_000;

/** What an event's place in time is read from. */
export type EventTimes = Pick<CityEvent, 'start' | 'end' | 'allDay' | 'timezone'>;

/**
 * How a screen writes a date: `full` ("Saturday, 22 May 2027", the event page and the events
 * list's day headings), `medium` ("22 May 2027", the other lists), `none` (under a day heading).
 */
export type DateStyle = 'full' | 'medium' | 'none';

/** Start instant in ms; an all-day event starts at midnight in the venue's zone. */
export function startMs(event: EventTimes): number {
  return event.allDay ? midnight(event.start, event.timezone) : Date.parse(event.start);
}

/** End instant in ms: the end given, the end of an all-day event's last day, or the start. */
export function endMs(event: EventTimes): number {
  if (event.allDay) return midnight(addDays(event.end ?? event.start, 1), event.timezone);
  return event.end ? Date.parse(event.end) : startMs(event);
}

/** Whether the event has not yet ended. */
export function isUpcoming(event: EventTimes, nowMs: number): boolean {
  return endMs(event) > nowMs;
}

/** The calendar day `YYYY-MM-DD` after `n` days. */
function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

// Formatters are costly to make and the lists ask for thousands of times per tick.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(locale, options)));
  return made;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `at`, in ms. */
function offsetMs(at: number, timeZone: string): number {
  return wallMs(new Date(at), timeZone) - at;
}

/** The instant a calendar day begins in `timeZone` (a zone the parser checked). */
function midnight(day: string, timeZone: string): number {
  return instantOf(Date.parse(`${day}T00:00:00Z`), timeZone);
}

/** The calendar day (YYYY-MM-DD) of an instant in `timeZone`. */
export function dayIn(at: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return formatter('en-CA', { timeZone, dateStyle: 'short' }).format(at);
}

/**
 * A clock time as the reader's locale tells it: "09:30" on a 24-hour clock (en-GB, zh), "9:30 AM"
 * where the locale's clock has 12 hours (en-US). Every time of the app goes through here, so a
 * screen never mixes the two.
 */
export function formatClock(at: Date, locale: string, timeZone: string): string {
  const cycle = formatter(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  const twelve = cycle === 'h11' || cycle === 'h12';
  return formatter(
    locale,
    twelve
      ? { timeZone, hour: 'numeric', minute: '2-digit' }
      : { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  ).format(at);
}

/** A calendar day `YYYY-MM-DD` in a screen's date style ("Saturday, 22 May 2027" / "22 May 2027"). */
export function formatDay(day: string, locale: string, style: Exclude<DateStyle, 'none'>): string {
  // A calendar date, not an instant: read at UTC midnight so no zone shifts it a day.
  return formatter(locale, { dateStyle: style, timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** An instant as a medium date and a clock time in `timeZone` (the device's when none): "Mar 9, 2027, 21:30". */
export function formatMoment(ms: number, locale: string, timeZone?: string): string {
  const at = new Date(ms);
  const zone = timeZone ?? formatter(locale, {}).resolvedOptions().timeZone;
  return `${formatDay(dayIn(at, zone), locale, 'medium')}${dateTimeJoin(locale)}${formatClock(at, locale, zone)}`;
}

/** A short weekday ("Sat" / "周六"), for a time that falls on another day than its neighbours. */
function weekday(at: Date, locale: string, timeZone: string): string {
  return formatter(locale, { timeZone, weekday: 'short' }).format(at);
}

/** Chinese writes a date and its time with a space between; English with a comma. */
const dateTimeJoin = (locale: string) => (locale.startsWith('zh') ? ' ' : ', ');

/**
 * An event's date and time in `timeZone`, without naming the zone: "Saturday, 22 May 2027,
 * 09:30–16:00". With `date: 'none'` (a card under its day's heading), the times alone, with
 * the weekday when they fall on another day than `day` (the heading's). All-day events are
 * calendar days, the same in every zone; with `date: 'none'` they have no time to tell ('').
 */
export function formatEventTime(
  event: EventTimes,
  locale: string,
  timeZone: string,
  options: { date: DateStyle; day?: string },
): string {
  const { date } = options;
  if (event.allDay) {
    if (date === 'none') return '';
    // Two dates rather than formatRange: ICU's Chinese ranges drop to "2027/4/1".
    return event.end && event.end !== event.start
      ? `${formatDay(event.start, locale, date)} – ${formatDay(event.end, locale, date)}`
      : formatDay(event.start, locale, date);
  }
  const start = new Date(event.start);
  const end = event.end ? new Date(event.end) : undefined;
  const startDay = dayIn(start, timeZone);
  const endDay = end && dayIn(end, timeZone);
  const clock = (at: Date) => formatClock(at, locale, timeZone);
  if (date === 'none') {
    const onDay = (at: Date, day: string | undefined) =>
      day && options.day && day !== options.day ? `${weekday(at, locale, timeZone)} ${clock(at)}` : clock(at);
    const first = onDay(start, startDay);
    if (!end) return first;
    return endDay === startDay
      ? `${first}–${clock(end)}`
      : `${first} – ${weekday(end, locale, timeZone)} ${clock(end)}`;
  }
  const dated = (at: Date, day: string) =>
    `${formatDay(day, locale, date)}${dateTimeJoin(locale)}${clock(at)}`;
  if (!end || !endDay) return dated(start, startDay);
  return endDay === startDay
    ? `${dated(start, startDay)}–${clock(end)}`
    : `${dated(start, startDay)} – ${dated(end, endDay)}`;
}

/**
 * A zone's name as people read it ("China Standard Time" / "中国标准时间"): the generic name,
 * which holds all year, so a label does not change with the season of the event.
 */
export function zoneName(locale: string, timeZone: string): string {
  // Browsers before 2022 have no generic names (a RangeError): the name at this season then.
  try {
    // This year's: the generic name of a zone that kept no summer time in the year asked
    // about is its standard one, and in 1970 Berlin's was "Central European Standard Time".
    const part = formatter(locale, { timeZone, timeZoneName: 'longGeneric' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName');
    return part?.value ?? timeZone;
  } catch {
    return zoneNameAt(new Date(), locale, timeZone);
  }
}

/** A zone's name at an instant, with its season ("Central European Summer Time"). */
export function zoneNameAt(at: Date, locale: string, timeZone: string): string {
  const part = formatter(locale, { timeZone, timeZoneName: 'long' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** Whether two zones tell the same wall-clock time at an instant. */
export function sameOffset(at: Date, zoneA: string, zoneB: string): boolean {
  return zoneA === zoneB || offsetMs(at.getTime(), zoneA) === offsetMs(at.getTime(), zoneB);
}

/** An item known to carry its event. */
export type EventItem = Item & { event: CityEvent };

/** Narrows an item to one with an event (every stored `event` item has one). */
export function hasEvent(item: Item): item is EventItem {
  return item.event !== undefined;
}

/** The calendar day (YYYY-MM-DD) an event starts on, in the venue's zone. */
export function eventDay(event: EventTimes): string {
  return event.allDay ? event.start : dayIn(new Date(event.start), event.timezone);
}

/**
 * Events split by `nowMs`: upcoming soonest first, past most recent first. The events list and
 * "My agenda" order events the same way.
 */
export function splitByTime<T extends { event: EventTimes }>(
  events: readonly T[],
  nowMs: number,
): { upcoming: T[]; past: T[] } {
  // Each start parsed once: the events list splits a few thousand events on every tick.
  const timed = events.map((item) => ({ item, start: startMs(item.event) }));
  const upcoming = timed
    .filter(({ item }) => isUpcoming(item.event, nowMs))
    .sort((a, b) => a.start - b.start);
  const past = timed.filter(({ item }) => !isUpcoming(item.event, nowMs)).sort((a, b) => b.start - a.start);
  return { upcoming: upcoming.map(({ item }) => item), past: past.map(({ item }) => item) };
}
