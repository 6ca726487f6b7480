/**
 * Dates and language names through Intl, in the interface language: the formats the home's
 * cards use, in the home's chunk. The others are in format-more.ts, out of the code the home
 * loads before it is interactive. Pure: the locale comes in as an argument so these run (and
 * are tested) anywhere.
 */

// An Intl formatter costs a millisecond or more to make (several on a slow phone) and a list
// of 20 cards asks for dozens at once, in the task that hydrates or re-renders it: each one is
// made once per locale and options, and kept.
const made = new Map<string, unknown>();
export function kept<T>(kind: string, locale: string, options: object, make: () => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let formatter = made.get(key) as T | undefined;
  if (formatter === undefined) made.set(key, (formatter = make()));
  return formatter;
}

/** A calendar date such as "24 Nov 2026" / "2026年11月24日". */
export function formatDate(iso: string, locale: string, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone };
  return kept('date', locale, options, () => new Intl.DateTimeFormat(locale, options)).format(new Date(iso));
}

/** A language tag's name in the interface language ("zh-Hans" → "Simplified Chinese"). */
export function languageName(tag: string, locale: string): string {
  try {
    const options: Intl.DisplayNamesOptions = { type: 'language' };
    return kept('names', locale, options, () => new Intl.DisplayNames(locale, options)).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
