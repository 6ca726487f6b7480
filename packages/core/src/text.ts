/**
 * Plain text of an item, for titles of untitled posts, list summaries and (later) the search
 * index. Works without a DOM because the worker uses it too. Not a sanitizer: its output is
 * only ever rendered as text.
 */
import type { Item } from './model';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text content of an HTML fragment: tags dropped, common entities decoded, spaces folded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code =
          name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * `text` safe in HTML or XML, as element content or a quoted attribute value: the five
 * characters that could end either are written as references.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  "'": '&#39;',
  '"': '&quot;',
};

/** Cuts text at `max` characters (never inside a surrogate pair), with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** The item's body as plain text. */
export function bodyText(item: Item): string {
  return item.contentText ?? (item.contentHtml ? htmlToText(item.contentHtml) : '');
}

/** What to call an item: its title, or the start of its text for untitled posts. */
export function displayTitle(item: Item): string {
  return item.title?.trim() || truncate(item.summary ?? bodyText(item), 80) || item.id;
}

/** The longest excerpt a list shows (`excerpt`'s default). */
const LIST_TEXT = 180;

/** A line or two for lists: the summary, or the start of the body when it is not the title. */
export function excerpt(item: Item, max = LIST_TEXT): string {
  if (item.summary) return truncate(item.summary, max);
  if (!item.title) return '';
  return truncate(bodyText(item), max);
}

/**
 * An item as lists show it: the fields cards read, with the body cut to what `excerpt` and
 * `displayTitle` read (none when there is a summary). Lists, and the data a server-rendered
 * list carries for hydration, then hold no whole articles; authors and attachments, which no
 * list shows, are left empty.
 */
export function listEntry(item: Item): Item {
  const { id, kind, key, slug, title, summary, image, language, datePublished, sortTime } = item;
  const text = summary ? [] : Array.from(bodyText(item));
  return {
    ...{ id, kind, key, slug, title, summary, image, language, datePublished, sortTime },
    ...{ tags: item.tags, translations: item.translations, event: item.event, contact: item.contact },
    authors: [],
    attachments: [],
    // One character past the cut, so that `truncate` still sees the text as too long.
    ...(text.length ? { contentText: text.slice(0, LIST_TEXT + 1).join('') } : {}),
  };
}
