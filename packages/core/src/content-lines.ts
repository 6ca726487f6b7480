/**
 * The line format shared by iCalendar (RFC 5545) and vCard 3.0 (RFC 2426): `NAME;PARAMS:value`
 * content lines, CRLF-ended, folded at 75 octets. Every value from a feed goes through
 * `escapeText`, so no field can end a line or add a property.
 */

const MAX_OCTETS = 75;

/** The UTF-8 length of one code point (the core has no TextEncoder: it runs everywhere). */
function utf8Size(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/**
 * TEXT value escaping: backslash, semicolon, comma and line breaks are escaped; other control
 * characters (which no calendar shows and some parsers choke on) are dropped.
 */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
      .replace(/[\\;,]/g, (c) => `\\${c}`)
      .replace(/\n/g, '\\n')
  );
}

/**
 * Folds one content line at 75 octets of UTF-8. Breaks fall between characters (code points),
 * never inside a multi-byte character or a surrogate pair; each continuation starts with a
 * space, which counts toward its 75.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Size(char);
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

/** Joins content lines into a document: each folded, each ended by CRLF. */
export function contentLines(lines: readonly string[]): string {
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}
