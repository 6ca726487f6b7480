/**
 * The feed as its reader reads it: the one place the app converts Simplified Chinese for a
 * reader of Traditional (issue 26). The lists' reads (lists.ts) return readable items; the
 * screens ask here for the rest (an item, search results, Saved, an event's contacts, the
 * feed's labels) and never convert anything themselves. The conversion (traditional.ts, and
 * its worker) loads only for a reader who needs it; for any other reader these are the stored
 * items as they are. (An HTML body is converted on screen, in its DOM: src/lib/convert-dom.ts.)
 */
import type { FeedMeta, Item } from '@citylink/core/model';
import { convertedTarget, isTraditional, needsTraditional } from '@citylink/core/traditional';

const conversion = () => import('./traditional');
// The store, as the screens' queries import it: not with the code of the screens that ask here.
const db = () => import('./db');

/**
 * `items` as a reader of `language` reads them: Simplified ones converted for a reader of
 * Traditional (`readable()` in traditional.ts), the others as stored. An item without a
 * language of its own is in the feed's: `feedLanguage` when the caller has read it, else read
 * here, only when it matters. With `entries`, a converted item is its list entry.
 */
export async function readableItems<T extends Item>(
  items: readonly T[],
  language: string,
  options: { feedLanguage?: string; entries?: boolean } = {},
): Promise<T[]> {
  if (!isTraditional(language) || items.length === 0) return [...items];
  const feedLanguage =
    'feedLanguage' in options || items.every((item) => item.language)
      ? options.feedLanguage
      : (await (await db()).getFeedMeta())?.language;
  if (!items.some((item) => needsTraditional(item.language ?? feedLanguage, language))) return [...items];
  return (await conversion()).readable(items, language, { feedLanguage, entries: options.entries });
}

// Each screen part that names the city or a topic asks for the same feed's labels: converted
// once per feed record (the query's object) and reader, not once per part.
const metas = new WeakMap<FeedMeta, Map<string, Promise<FeedMeta>>>();

/**
 * The feed's name, city and tag labels for a reader of `language`: for a reader of
 * Traditional, Simplified ones converted beside the published ones (`readableMeta()` in
 * traditional.ts), which `localized()` and `tagLabel()` then prefer.
 */
export async function readableMeta(
  meta: FeedMeta | null | undefined,
  language: string,
): Promise<FeedMeta | null | undefined> {
  if (!meta || !isTraditional(language)) return meta;
  const { readableMeta: convert, readerTarget } = await conversion();
  const key = `${language} ${readerTarget()}`;
  const byReader = metas.get(meta) ?? new Map<string, Promise<FeedMeta>>();
  metas.set(meta, byReader);
  let shown = byReader.get(key);
  if (!shown) {
    shown = convert(meta, language).then((out) => {
      // Not converted (the worker could not start, offline before it was ever kept): asked
      // again next time.
      if (out === meta) byReader.delete(key);
      return out ?? meta;
    });
    byReader.set(key, shown);
  }
  return shown;
}

/**
 * `text`, taken from an item shown in `language`, in the script the item is shown in:
 * converted into the same standard when the item was converted on this device, else as it is
 * (and as it is when the conversion cannot run).
 */
export async function inScriptOf(text: string, language: string | undefined): Promise<string> {
  return (await inScriptOfAll([text], language))[0] ?? text;
}

/** `inScriptOf()` for several texts of one item, converted together. */
export async function inScriptOfAll(
  texts: readonly string[],
  language: string | undefined,
): Promise<string[]> {
  const target = convertedTarget(language);
  if (!target || texts.length === 0) return [...texts];
  try {
    const out = await (await conversion()).toTraditional([...texts], target);
    return texts.map((text, i) => out[i] ?? text);
  } catch {
    return [...texts];
  }
}
