/**
 * Whose time a time is. Every time the app shows is written in some zone (an event's venue, a
 * contact's city); it always says which ("09:30 Jiangmen time"), and where the reader's own
 * zone tells another time, gives theirs too, briefly ("(02:30 your time)"). The reader's zone
 * is unknown while the server renders and the page hydrates: the venue's time shows alone then.
 */
import { t } from '../i18n';
import { sameOffset } from '@citylink/core/event-time';

/** The zones a screen tells times in. */
export interface Zones {
  /** The IANA zone the times are written in. */
  zone: string;
  /** What readers call it: "Jiangmen time" for the feed's own city, else the zone's name. */
  name: string;
  /** The reader's IANA zone, once known. */
  reader?: string;
}

/** The reader's zone when it tells another time than `zones.zone` at `at`. */
export function otherZone(zones: Zones, at: Date): string | undefined {
  return zones.reader && !sameOffset(at, zones.zone, zones.reader) ? zones.reader : undefined;
}

/**
 * A time, named with its zone, and the reader's own beside it where theirs differs:
 * "opens 09:00 Jiangmen time (03:00 your time)". `text` tells the time in a zone; `sentence`
 * puts the named time into its words ("opens …"), so the reader's time comes after them.
 */
export function whoseTime(
  zones: Zones,
  at: Date,
  text: (zone: string) => string,
  sentence: (named: string) => string = (named) => named,
): string {
  const venue = sentence(t('time.venue', { time: text(zones.zone), zone: zones.name }));
  const reader = otherZone(zones, at);
  return reader ? t('time.both', { venue, reader: t('time.reader', { time: text(reader) }) }) : venue;
}
