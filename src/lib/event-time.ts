/**
 * When an event happens, told in the venue's zone (and the viewer's when it differs).
 * Pure Intl: no date library.
 */
import type { CityEvent, Item } from '../data/model';

const DAY_MS = 86_400_000;

/** What an event's place in time is read from. */
export type EventTimes = Pick<CityEvent, 'start' | 'end' | 'allDay'>;

/** Start instant in ms. All-day dates count from midnight UTC: close enough to order by. */
export function startMs(event: EventTimes): number {
  return Date.parse(event.allDay ? `${event.start}T00:00:00Z` : event.start);
}

/** End instant in ms: the end given, the end of an all-day event's last day, or the start. */
export function endMs(event: EventTimes): number {
  if (event.allDay) return Date.parse(`${event.end ?? event.start}T00:00:00Z`) + DAY_MS;
  return event.end ? Date.parse(event.end) : startMs(event);
}

/** Whether the event has not yet ended. */
export function isUpcoming(event: EventTimes, nowMs: number): boolean {
  return endMs(event) > nowMs;
}

/** The event's time range in `timeZone`, with the zone named, e.g. "9 Mar 2027, 09:00 – 17:30 CST". */
export function formatEventTime(event: CityEvent, locale: string, timeZone: string): string {
  if (event.allDay) {
    // Calendar dates, not instants: read at UTC midnight so no zone shifts them a day.
    const days = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
    const first = new Date(`${event.start}T00:00:00Z`);
    // Two full dates rather than formatRange: ICU's Chinese ranges drop to "2027/4/1".
    return event.end && event.end !== event.start
      ? `${days.format(first)} – ${days.format(new Date(`${event.end}T00:00:00Z`))}`
      : days.format(first);
  }
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  const start = new Date(event.start);
  const range = event.end ? format.formatRange(start, new Date(event.end)) : format.format(start);
  return `${range} (${zoneName(start, locale, timeZone)})`;
}

/** A zone's name as people read it at that instant ("China Standard Time" / "中国标准时间"). */
export function zoneName(at: Date, locale: string, timeZone: string): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** Whether two zones tell the same wall-clock time at an instant. */
export function sameOffset(at: Date, zoneA: string, zoneB: string): boolean {
  const wall = (zone: string) =>
    new Intl.DateTimeFormat('en', {
      timeZone: zone,
      dateStyle: 'short',
      timeStyle: 'short',
      hourCycle: 'h23',
    }).format(at);
  return wall(zoneA) === wall(zoneB);
}

/** An item known to carry its event. */
export type EventItem = Item & { event: CityEvent };

/** Narrows an item to one with an event (every stored `event` item has one). */
export function hasEvent(item: Item): item is EventItem {
  return item.event !== undefined;
}

/** The calendar day (YYYY-MM-DD) an event starts on, in the venue's zone. */
export function eventDay(event: CityEvent): string {
  if (event.allDay) return event.start;
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: event.timezone, dateStyle: 'short' }).format(
    new Date(event.start),
  );
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
