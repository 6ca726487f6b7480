/**
 * Relative times, lists and sizes through Intl, in the interface language: the formats of
 * screens other than the home (src/lib/format.ts has the home's). Pure, as those are.
 */
import { kept } from './format';

/** "5 minutes ago", "yesterday": the coarsest unit that fits, as people say it. */
export function formatRelative(thenMs: number, nowMs: number, locale: string): string {
  const seconds = Math.round((thenMs - nowMs) / 1000);
  const options: Intl.RelativeTimeFormatOptions = { numeric: 'auto' };
  const rtf = kept('relative', locale, options, () => new Intl.RelativeTimeFormat(locale, options));
  const abs = Math.abs(seconds);
  if (abs < 45) return rtf.format(0, 'second');
  if (abs < 45 * 60) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 26 * 86400) return rtf.format(Math.round(seconds / 86400), 'day');
  if (abs < 320 * 86400) return rtf.format(Math.round(seconds / (30 * 86400)), 'month');
  return rtf.format(Math.round(seconds / (365 * 86400)), 'year');
}

/** A list of names joined as the language joins them ("A, B and C" / "A、B和C"). */
export function formatList(parts: readonly string[], locale: string): string {
  const options: Intl.ListFormatOptions = { style: 'long', type: 'conjunction' };
  return kept('list', locale, options, () => new Intl.ListFormat(locale, options)).format(parts);
}

/** A size on disk in kB, MB or GB, the largest unit that keeps it at 1 or more (kB below that). */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
