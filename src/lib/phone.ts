/**
 * Phone numbers as people write them in feeds, turned into links a phone can dial.
 */

// An extension at the end: "ext. 2", "extension 2", "x2", or the Chinese "转2" / "分机2".
const EXTENSION = /^(.*?)[\s,]*(?:extension|ext|x|转|分机)\s*[.:]?\s*(\d+)\s*$/iu;

// What may remain of the number itself: one leading "+", digits and visual separators.
const NUMBER = /^\+?[\d\s().\-/\u2010-\u2015\u2212]*$/u;

/** An RFC 3966 `tel:` URI for a written number, or undefined when it doesn't look like one. */
export function telHref(phone: string): string | undefined {
  // NFKC turns full-width digits, "＋" and "（）", common in Chinese text, into ASCII.
  const text = phone.normalize('NFKC').trim();
  const match = EXTENSION.exec(text);
  let main = match?.[1] ?? text;
  // "+86 (0)750 …": the bracketed 0 is the trunk prefix, dialled only from inside the country.
  if (main.startsWith('+')) main = main.replace(/\(\s*0\s*\)/g, '');
  // Letters, ";" or "=" would be another parameter or a vanity number: not ours to guess.
  if (!NUMBER.test(main)) return undefined;
  const digits = main.replace(/\D/g, '');
  if (digits.length < 3) return undefined;
  const extension = match?.[2] === undefined ? '' : `;ext=${match[2]}`;
  return `tel:${main.startsWith('+') ? '+' : ''}${digits}${extension}`;
}

/** The number as the feed wrote it, for showing; only surrounding whitespace is removed. */
export function displayPhone(phone: string): string {
  return phone.trim();
}
