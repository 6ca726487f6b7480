/**
 * "Add to calendar": an RFC 5545 file made on the device from the event's structured fields
 * (never its HTML), so it works offline. Times are written in UTC, which every calendar reads
 * and shows in the user's zone, so no VTIMEZONE is needed and nothing is ever floating.
 */
import type { Item } from '@citylink/core/model';
import { contentLines, escapeText } from './content-lines';
import { bodyText } from '@citylink/core/text';

export interface IcsOptions {
  /** When the file is made (DTSTAMP). */
  now: number;
  /** The event's page in the app, absolute: the calendar entry links back to it. */
  appUrl: string;
  /** Notes put at the top of the description of a postponed or moved event. */
  labels?: { postponed: string; movedOnline: string };
}

const PRODID = '-//Citylink//Citylink//EN';
// SEQUENCE must grow with each revision; counting seconds since 2020 keeps it within the
// 32-bit integer some calendar servers store it in until the 2080s.
const SEQUENCE_EPOCH_S = Date.UTC(2020, 0, 1) / 1000;

/** The calendar file of an event item. */
export function eventToIcs(item: Item, options: IcsOptions): string {
  const event = item.event;
  if (!event) throw new Error(`Item ${item.id} is not an event`);
  const labels = options.labels ?? { postponed: 'Postponed.', movedOnline: 'Moved online.' };

  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    // The same item gives the same UID, so importing it again updates the entry.
    `UID:${uid(item.id, options.appUrl)}`,
    `DTSTAMP:${utc(options.now)}`,
  ];
  if (event.allDay) {
    lines.push(`DTSTART;VALUE=DATE:${compactDate(event.start)}`);
    // RFC 5545 ends an all-day event on the day after its last day; the feed's end is inclusive.
    lines.push(`DTEND;VALUE=DATE:${compactDate(nextDay(event.end ?? event.start))}`);
  } else {
    lines.push(`DTSTART:${utc(Date.parse(event.start))}`);
    if (event.end) lines.push(`DTEND:${utc(Date.parse(event.end))}`);
  }
  lines.push(`SUMMARY:${escapeText(item.title ?? item.summary ?? item.id)}`);
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
  const url = httpUrl(options.appUrl);
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
  lines.push(
    `SEQUENCE:${Number.isNaN(modified) ? 0 : Math.max(0, Math.floor(modified / 1000 - SEQUENCE_EPOCH_S))}`,
  );
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return contentLines(lines);
}

/** A file name people recognise, safe on every system. */
export function icsFileName(item: Item): string {
  return `${asciiName(item.key) || 'event'}.ics`;
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

/** A UID from any item id: percent-encoded so that it is one safe token, at the app's host. */
function uid(id: string, appUrl: string): string {
  let host = 'citylink.invalid';
  try {
    host = new URL(appUrl).host || host;
  } catch {
    // A bad URL still gets a stable UID.
  }
  return `${encodeURIComponent(id).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}@${host}`;
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
