/**
 * "Open now?" for a contact's OpenStreetMap `opening_hours` string, told in the venue's zone.
 *
 * The parser is large (~690 KB minified, ~115 KB gzipped; mostly holiday and spelling tables):
 * only the hours worker (hours-worker.ts) imports this module, so it never compiles or runs on the
 * page's thread. The build puts that worker's script outside the precache (vite.config.ts,
 * ON_DEMAND_DIR): only devices whose feed has opening hours download it
 * (src/features/contacts/hours-prefetch.ts). It has no top-level side effects.
 */
import OpeningHours from 'opening_hours';
import { instantOf, wallMs } from '@citylink/core/zone-time';

/** Whether a place is open at an instant, and when that next changes (a true instant). */
export interface OpenState {
  state: 'open' | 'closed' | 'unknown';
  nextChange?: Date;
}

// The city's place (citylink.config.ts, defined by the build: build/city.ts). Public holidays
// (`PH`) come from the library's bundled tables for its country and state; it never fetches
// anything. Its China table holds only fixed-date holidays (no Spring Festival, no make-up
// workdays). lat/lon only feed sunrise/sunset rules.
declare const __CITYLINK_PLACE__: {
  lat: number;
  lon: number;
  address: { country_code: string; state: string };
};
const PLACE = __CITYLINK_PLACE__;

// Far enough for "opens on Monday" or "closed until after the holidays", and it bounds the
// library's search for rules that never change (e.g. "off").
const HORIZON_MS = 366 * 86_400_000;

/**
 * Evaluates `openingHours` at `at` in the venue zone `timeZone`; undefined when it can't be read.
 *
 * opening_hours reads a Date's *local* fields (getHours, getDay) in the engine's zone, but the
 * hours are written in the venue's zone (the city's) while the phone may be in Berlin. So we
 * hand it a Date whose local fields equal the venue's wall clock at `at`, and turn the wall time
 * it answers for the next change back into a true instant. Sunrise/sunset rules stay approximate
 * when the two zones differ, and a wall time inside the phone's own DST gap shifts by an hour.
 */
export function openState(openingHours: string, at: Date, timeZone: string): OpenState | undefined {
  if (Number.isNaN(at.getTime())) return undefined;
  try {
    const hours = new OpeningHours(openingHours, PLACE);
    const wall = wallMs(at, timeZone);
    const local = localDate(wall);
    const state = hours.getStateString(local, true);
    const next = hours.getNextChange(local, localDate(wall + HORIZON_MS));
    return next ? { state, nextChange: new Date(instantOf(utcWall(next), timeZone)) } : { state };
  } catch {
    // The library throws a plain string on bad syntax; Intl throws RangeError on an unknown zone.
    return undefined;
  }
}

/** A Date whose local fields (in the engine's zone) equal the UTC-read wall time `wall`. */
function localDate(wall: number): Date {
  const w = new Date(wall);
  return new Date(
    w.getUTCFullYear(),
    w.getUTCMonth(),
    w.getUTCDate(),
    w.getUTCHours(),
    w.getUTCMinutes(),
    w.getUTCSeconds(),
    w.getUTCMilliseconds(),
  );
}

/** The inverse of `localDate`: a Date's local fields read as a UTC wall time. */
function utcWall(local: Date): number {
  return Date.UTC(
    local.getFullYear(),
    local.getMonth(),
    local.getDate(),
    local.getHours(),
    local.getMinutes(),
    local.getSeconds(),
    local.getMilliseconds(),
  );
}
