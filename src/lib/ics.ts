/**
 * "Add to calendar": an RFC 5545 file made on the device from the event's structured fields
 * (never its HTML), so it works offline. Times are written in UTC, which every calendar reads
 * and shows in the user's zone, so no VTIMEZONE is needed and nothing is ever floating.
 */
import { PRODID, veventLines } from '@citylink/core/calendar';
import { contentLines } from '@citylink/core/content-lines';
import type { Item } from '@citylink/core/model';

export interface IcsOptions {
  /** When the file is made (DTSTAMP). */
  now: number;
  /** The event's page in the app, absolute: the calendar entry links back to it. */
  appUrl: string;
  /** Notes put at the top of the description of a postponed or moved event. */
  labels?: { postponed: string; movedOnline: string };
}

/** The calendar file of an event item. */
export function eventToIcs(item: Item, options: IcsOptions): string {
  return contentLines([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...veventLines(item, { stamp: options.now, pageUrl: options.appUrl, labels: options.labels }),
    'END:VCALENDAR',
  ]);
}

/** A file name people recognise, safe on every system. */
export function icsFileName(item: Item): string {
  return `${asciiName(item.key) || 'event'}.ics`;
}

/** Lower-case ASCII letters, digits and dashes only, at most 60. */
export function asciiName(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
