/**
 * Feed text in Simplified Chinese, shown to a reader of Traditional Chinese converted on this
 * device (issue 26). The feed is stored as published, one copy for every reader; what a reader
 * sees is converted as it is read, in a dedicated worker (traditional-worker.ts, started by
 * src/data/code-worker.ts) that holds OpenCC's dictionaries. That worker's code is fetched only
 * by readers who need it, and the service worker keeps it once fetched, so conversion works
 * offline (src/sw/on-demand.ts).
 *
 * Converted: titles, summaries, plain-text bodies, authors, venue names and addresses, contact
 * names, organisations, roles, hours text and addresses, attachment titles. Never what is
 * not prose: phone numbers, e-mail, WeChat ids, addresses of pages, opening-hours rules, and
 * never the local address a driver reads (`addressLocal`, `nameLocal`). HTML bodies are
 * converted on screen, text node by text node (src/ui/ItemBody.tsx).
 */
import type { FeedMeta, Item } from '@citylink/core/model';
import { listEntry } from '@citylink/core/text';
import {
  convertedTag,
  localizedTag,
  needsTraditional,
  traditionalTarget,
  type TraditionalTarget,
} from '@citylink/core/traditional';
import { codeWorker } from './code-worker';
import type { TraditionalAsk } from './traditional-messages';
import workerUrl from './traditional-worker.ts?worker&url';

/** The Traditional standard this device's reader reads (`traditionalTarget()`). */
export function readerTarget(): TraditionalTarget {
  return traditionalTarget(typeof navigator === 'undefined' ? [] : navigator.languages);
}

/** Asks the conversion worker, started on the first question. */
const ask = codeWorker<TraditionalAsk, string[]>(workerUrl, 'citylink-traditional');

/** `texts` converted from Simplified into `target`'s Traditional. */
export async function toTraditional(
  texts: readonly string[],
  target: TraditionalTarget = readerTarget(),
): Promise<string[]> {
  if (texts.length === 0) return [];
  if (typeof Worker === 'undefined') {
    // Unit tests and other places with no page: the same conversion, here.
    const { converter } = await import('@citylink/core/to-traditional');
    return texts.map(converter(target));
  }
  return ask({ target, texts: [...texts] });
}

/** The texts of an item that are converted, each with where it goes in a copy. */
function textsOf(item: Item): [string, (copy: Item, text: string) => void][] {
  const out: [string, (copy: Item, text: string) => void][] = [];
  const add = (text: string | undefined, put: (copy: Item, text: string) => void) => {
    if (text) out.push([text, put]);
  };
  add(item.title, (copy, text) => (copy.title = text));
  add(item.summary, (copy, text) => (copy.summary = text));
  add(item.contentText, (copy, text) => (copy.contentText = text));
  item.authors.forEach((author, i) =>
    add(author.name, (copy, text) => (copy.authors[i] = { ...copy.authors[i], name: text })),
  );
  item.attachments.forEach((attachment, i) =>
    add(attachment.title, (copy, text) => (copy.attachments[i] = { ...copy.attachments[i]!, title: text })),
  );
  const venue = item.event?.venue;
  add(venue?.name, (copy, text) => (copy.event!.venue!.name = text));
  add(venue?.address, (copy, text) => (copy.event!.venue!.address = text));
  const contact = item.contact;
  add(contact?.name, (copy, text) => (copy.contact!.name = text));
  add(contact?.organization, (copy, text) => (copy.contact!.organization = text));
  add(contact?.role, (copy, text) => (copy.contact!.role = text));
  add(contact?.hours, (copy, text) => (copy.contact!.hours = text));
  add(contact?.address, (copy, text) => (copy.contact!.address = text));
  item.event?.contacts.forEach((ref, i) => {
    if (!('inline' in ref)) return;
    const at = (copy: Item) => (copy.event!.contacts[i] as { inline: Item['contact'] & object }).inline;
    add(ref.inline.name, (copy, text) => (at(copy).name = text));
    add(ref.inline.organization, (copy, text) => (at(copy).organization = text));
    add(ref.inline.role, (copy, text) => (at(copy).role = text));
    add(ref.inline.hours, (copy, text) => (at(copy).hours = text));
    add(ref.inline.address, (copy, text) => (at(copy).address = text));
  });
  return out;
}

/** A copy deep enough that setting the converted texts leaves `item` as it is. */
function copyOf(item: Item): Item {
  const copy: Item = { ...item, authors: [...item.authors], attachments: [...item.attachments] };
  if (item.event) {
    copy.event = {
      ...item.event,
      venue: item.event.venue && { ...item.event.venue },
      contacts: item.event.contacts.map((ref) => ('inline' in ref ? { inline: { ...ref.inline } } : ref)),
    };
  }
  if (item.contact) copy.contact = { ...item.contact };
  return copy;
}

/**
 * `items` as a reader of `language` reads them: those in Simplified Chinese converted into the
 * device's Traditional (`language` `zh-Hant`) and marked so in their language
 * (`convertedTag()`), the others as they are. With `entries`, a converted item is its list
 * entry (`listEntry()`): a card's excerpt of the body, not the whole body. When the
 * conversion cannot run (offline before its code was ever kept), the items as they are.
 */
export async function readable<T extends Item>(
  items: readonly T[],
  language: string,
  options: { feedLanguage?: string; entries?: boolean; target?: TraditionalTarget } = {},
): Promise<T[]> {
  const chosen = items.map((item) =>
    needsTraditional(item.language ?? options.feedLanguage, language)
      ? options.entries
        ? listEntry(item)
        : item
      : undefined,
  );
  const jobs = chosen.map((item) => (item ? textsOf(item) : []));
  const texts = jobs.flat().map(([text]) => text);
  if (!chosen.some(Boolean)) return [...items];
  const target = options.target ?? readerTarget();
  let converted: string[];
  try {
    converted = await toTraditional(texts, target);
  } catch {
    return [...items];
  }
  let at = 0;
  return items.map((item, i) => {
    const source = chosen[i];
    if (!source) return item;
    const copy = copyOf(source);
    for (const [, put] of jobs[i]!) put(copy, converted[at++]!);
    copy.language = convertedTag(target);
    return copy as T;
  });
}

/**
 * The feed's name, city and tag labels for a reader of `language`: where the text they would
 * read is Simplified, a converted version beside it under `convertedTag()`, which
 * `localized()` and `tagLabel()` then prefer.
 */
export async function readableMeta(
  meta: FeedMeta | null | undefined,
  language: string,
  target: TraditionalTarget = readerTarget(),
): Promise<FeedMeta | null | undefined> {
  if (!meta) return meta;
  const maps = [meta.cityNames, meta.titles, ...Object.values(meta.tagLabels ?? {})];
  const sources = maps.map((map) => {
    const tag = localizedTag(map, language);
    return tag && needsTraditional(tag, language) ? map![tag]! : undefined;
  });
  const texts = sources.filter((text): text is string => text !== undefined);
  if (texts.length === 0) return meta;
  let converted: string[];
  try {
    converted = await toTraditional(texts, target);
  } catch {
    return meta;
  }
  let at = 0;
  const tag = convertedTag(target);
  const withConverted = (map: FeedMeta['cityNames'], i: number) =>
    sources[i] === undefined ? map : { ...map, [tag]: converted[at++]! };
  const cityNames = withConverted(meta.cityNames, 0);
  const titles = withConverted(meta.titles, 1);
  const tagLabels = Object.fromEntries(
    Object.entries(meta.tagLabels ?? {}).map(([name, labels], i) => [name, withConverted(labels, i + 2)!]),
  );
  return { ...meta, cityNames, titles, ...(meta.tagLabels ? { tagLabels } : {}) };
}
