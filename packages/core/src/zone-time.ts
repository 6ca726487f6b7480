/**
 * Wall clocks of IANA zones, with Intl alone: what a zone's clock shows at an instant, and the
 * instant at which it shows a given time. Shared by event times and opening hours.
 */

// Formatters are costly to make, and lists ask for thousands of times per tick.
const formatters = new Map<string, Intl.DateTimeFormat>();
function wallFormatter(timeZone: string): Intl.DateTimeFormat {
  let made = formatters.get(timeZone);
  if (!made) {
    made = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, made);
  }
  return made;
}

/** The wall-clock time in `timeZone` at `at`, as milliseconds read as if it were UTC. */
export function wallMs(at: Date, timeZone: string): number {
  const parts = wallFormatter(timeZone).formatToParts(at);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return (
    Date.UTC(
      field('year'),
      field('month') - 1,
      field('day'),
      field('hour'),
      field('minute'),
      field('second'),
    ) + at.getUTCMilliseconds()
  );
}

/** The instant at which `timeZone`'s wall clock shows `wall`; twice, so a DST change between settles. */
export function instantOf(wall: number, timeZone: string): number {
  const guess = wall - (wallMs(new Date(wall), timeZone) - wall);
  return wall - (wallMs(new Date(guess), timeZone) - guess);
}
