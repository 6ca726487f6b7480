/**
 * The lists' reads, a page at a time. Every list shows what `readerView()` (translations.ts)
 * makes of its kind: one item per translation group, in the reader's language.
 *
 * - News, the first screen and the longest list, walks the `by-kind-time` index from where the
 *   previous page stopped and stops after a page: a screen reads only the items it shows (and
 *   their translations). An item shows where the whole list would show it: only if it is the
 *   one its translation group shows. The group is found from the item alone, through its own
 *   links and the `by-link` index (items that name it), so a group is decided the same on every
 *   page and never shows twice.
 * - Events and contacts are ordered by what no index can hold: the clock (upcoming or past,
 *   open now) and the reader's language (topics and languages offered as filters). They read
 *   their kind once as small entries (`readEventEntries`, `readContactEntries`), order those on
 *   the page, and fetch each page's items by id (`getItems`).
 */
import { toStored, view, type Access, type Position, type StoredItem } from './db';
import type { CityEvent, Item, ItemKind } from '@citylink/core/model';
import { PAGE_SIZE } from './config';
import { displayTitle, listEntry } from '@citylink/core/text';
import { readableItems } from './readable';
import {
  inLanguage,
  readerView,
  translationGroups,
  type Linked,
  type Reader,
} from '@citylink/core/translations';

export type { Position };

/** One page: its items, and where the next one starts (`null`: the list ends here). */
export interface ListPage {
  items: Item[];
  next: Position | null;
}

// More than any real translation group; bounds the walk over a feed that links in circles.
const MAX_GROUP = 16;

/**
 * The page of a list of `kind` (newest first) that starts after `after` (the start when
 * `null`): up to `size` items the reader sees, as they read them (readable.ts).
 */
export async function readListPage(
  kind: ItemKind,
  after: Position | null,
  reader: Reader,
  size = PAGE_SIZE,
): Promise<ListPage> {
  const [page, feedLanguage] = await view(
    ['items', 'feed'],
    async (a) =>
      [await readPageIn(a, kind, after, reader, size), (await a.get('feed', 'current'))?.language] as const,
  );
  return {
    ...page,
    items: await readableItems(page.items, reader.language, { feedLanguage, entries: true }),
  };
}

/**
 * The cards of a list whose order is known as ids (events, contacts; see `readEventEntries`):
 * the items `ids` name that are stored, in that order, as list entries (`listEntry()`) the
 * reader of `language` reads.
 */
export async function readListEntries(ids: readonly string[], language: string): Promise<Item[]> {
  const [items, feedLanguage] = await view(
    ['items', 'feed'],
    async (a) =>
      [
        await Promise.all(ids.map((id) => a.get('items', id))),
        (await a.get('feed', 'current'))?.language,
      ] as const,
  );
  const stored = items.filter((item): item is StoredItem => item !== undefined).map(listEntry);
  return readableItems(stored, language, { feedLanguage });
}

async function readPageIn(
  a: Access,
  kind: ItemKind,
  after: Position | null,
  reader: Reader,
  size: number,
): Promise<ListPage> {
  const feedLanguage = (await a.get('feed', 'current'))?.language;
  /** The item of `item`'s translation group that the list shows, by id. */
  const shownOf = new Map<string, string>();
  const shown = async (item: StoredItem): Promise<boolean> => {
    let chosen = shownOf.get(item.id);
    if (chosen === undefined) {
      const group = await readGroup(a, item);
      chosen =
        readerView(group, { language: reader.language, onlyMine: false }, feedLanguage)[0]?.id ?? item.id;
      for (const member of group) shownOf.set(member.id, chosen);
    }
    return (
      chosen === item.id && (!reader.onlyMine || inLanguage([item], reader.language, feedLanguage).length > 0)
    );
  };
  const items: Item[] = [];
  let last: Position | null = after;
  // The walk goes in steps a little larger than a page: most items show, and one step more
  // tells whether the list goes on.
  for (;;) {
    const step = await a.olderOfKind(kind, last, size + 1);
    for (const item of step) {
      if (items.length === size) return { items, next: last };
      last = { time: item.sortTime, id: item.id };
      if (await shown(item)) items.push(item);
    }
    if (step.length < size + 1) return { items, next: null };
  }
}

/**
 * The translation group of `start` among stored items, in list order: the items its links
 * reach and the items that name it (`by-link`), followed transitively as far as `MAX_GROUP`,
 * then decided by `translationGroups()` like every other group.
 */
async function readGroup(a: Access, start: StoredItem): Promise<StoredItem[]> {
  const found = new Map([[start.id, start]]);
  const looked = new Set([start.id]);
  const queue = [start];
  for (let current = queue.shift(); current && found.size < MAX_GROUP; current = queue.shift()) {
    const ids = [...current.links, ...(await a.keysFromIndex('items', 'by-link', current.id))];
    for (const id of ids) {
      if (looked.has(id)) continue;
      looked.add(id);
      const other = await a.get('items', id);
      // Not followed past an item of another kind: it is in no list with this one.
      if (other?.kind !== start.kind) continue;
      found.set(id, other);
      queue.push(other);
    }
  }
  return translationGroups([...found.values()].sort(listOrder)).members(start.id);
}

/**
 * The other items of the translation group of the item `id` on the device, in list order: the
 * "Read in" links of an item's page. The item may be a saved snapshot the feed has dropped.
 */
export function readTranslations(id: string): Promise<Item[]> {
  return view(['items', 'saved'], async (a) => {
    const item = (await a.get('items', id)) ?? (await a.get('saved', id))?.item;
    if (!item) return [];
    return (await readGroup(a, toStored(item))).filter((other) => other.id !== id);
  });
}

/** The order of a newest-first list: time, then id, both descending (as the index walks back). */
export function listOrder(a: { sortTime: number; id: string }, b: { sortTime: number; id: string }): number {
  return b.sortTime - a.sortTime || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** What the events list orders and filters by. */
export interface EventEntry extends Linked {
  sortTime: number;
  event: Pick<CityEvent, 'start' | 'end' | 'allDay' | 'timezone'>;
  tags: string[];
}

/** What the contacts list orders and filters by. */
export interface ContactEntry extends Linked {
  sortTime: number;
  name: string;
  openingHours?: string;
  languages: string[];
}

/** Every event the reader sees, as entries, newest published first. */
export function readEventEntries(reader: Reader): Promise<EventEntry[]> {
  return readEntries('event', reader, (item) =>
    item.event
      ? {
          ...linked(item),
          event: {
            start: item.event.start,
            end: item.event.end,
            allDay: item.event.allDay,
            timezone: item.event.timezone,
          },
          tags: item.tags,
        }
      : undefined,
  );
}

/** Every contact the reader sees, as entries, newest published first. */
export function readContactEntries(reader: Reader): Promise<ContactEntry[]> {
  return readEntries('contact', reader, (item) =>
    item.contact
      ? {
          ...linked(item),
          name: displayTitle(item),
          openingHours: item.contact.openingHours,
          languages: item.contact.languages,
        }
      : undefined,
  );
}

function linked(item: Item): Linked & { sortTime: number } {
  return { id: item.id, language: item.language, translations: item.translations, sortTime: item.sortTime };
}

/**
 * Walks every item of `kind` in list order, keeping only the entry `entry` makes of it; the
 * whole items are let go as the walk goes. Each step of the cursor is a task of its own.
 */
async function readEntries<T extends Linked>(
  kind: ItemKind,
  reader: Reader,
  entry: (item: Item) => T | undefined,
): Promise<T[]> {
  const [feedLanguage, stored] = await view(
    ['items', 'feed'],
    async (a) => [(await a.get('feed', 'current'))?.language, await a.newestOfKind(kind, Infinity)] as const,
  );
  const entries: T[] = [];
  for (const item of stored) {
    const made = entry(item);
    if (made) entries.push(made);
  }
  return readerView(entries, reader, feedLanguage);
}
