/**
 * A feed may publish each item in several languages, linked as translations. Readers see one
 * of them: the one in their language, else the feed's own language, else the first published.
 * `translationGroups()` decides which items are translations of each other, for every screen
 * and for the build's pages and sitemap.
 */
import { chineseScript } from './languages';
import type { FeedMeta, Item, Localized } from './model';

/**
 * How well a content language serves a reader: 2 same tag (for Chinese, the same script:
 * `zh-TW` serves a `zh-Hant` reader as well as `zh-Hant` does), 1 same language (Simplified
 * for a Traditional reader, who sees it converted), 0 not at all.
 */
export function languageMatch(tag: string | undefined, wanted: string): number {
  if (!tag) return 0;
  const a = tag.toLowerCase();
  const b = wanted.toLowerCase();
  if (a === b) return 2;
  const language = a.split(/[-_]/)[0];
  if (language !== b.split(/[-_]/)[0]) return 0;
  return language === 'zh' && chineseScript(a) === chineseScript(b) ? 2 : 1;
}

/**
 * The text of a feed's language map (`_city.city`, a tag's labels) for a reader of `wanted`:
 * the exact tag, else the same language (`zh` for `zh-Hans`), else the map's first text.
 */
export function localized(map: Localized | undefined, wanted: string): string | undefined {
  if (!map) return undefined;
  let best: string | undefined;
  let bestScore = -1;
  for (const [tag, text] of Object.entries(map)) {
    const score = languageMatch(tag, wanted);
    if (score > bestScore) [best, bestScore] = [text, score];
  }
  return best;
}

/** The name of the feed's city for a reader of `wanted`. */
export function cityName(meta: Pick<FeedMeta, 'city' | 'cityNames'> | null | undefined, wanted: string) {
  return localized(meta?.cityNames, wanted) ?? meta?.city;
}

/**
 * How a tag reads for a reader of `wanted`: the feed's label in that language (`_city.tags`),
 * else the tag as written. A label in another language is no better than the tag itself.
 */
export function tagLabel(
  meta: Pick<FeedMeta, 'tagLabels'> | null | undefined,
  tag: string,
  wanted: string,
): string {
  let best = tag;
  let bestScore = 0;
  for (const [language, text] of Object.entries(meta?.tagLabels?.[tag] ?? {})) {
    const score = languageMatch(language, wanted);
    if (score > bestScore) [best, bestScore] = [text, score];
  }
  return best;
}

/**
 * What grouping by translation needs of an item (lists pass lighter entries than whole items).
 * `kind`, when given, keeps groups to one kind: a news story is no translation of an event.
 */
export type Linked = Pick<Item, 'id' | 'language' | 'translations'> & { kind?: Item['kind'] };

/** Which items are translations of each other, as `translationGroups()` decides it. */
export interface TranslationGroups<T extends Linked> {
  /** The group's name (the same for an item and each of its translations); undefined for an id not given. */
  groupOf(id: string): number | undefined;
  /** Every item of the group of `id`, itself included, in input order; empty for an id not given. */
  members(id: string): T[];
}

/**
 * The one rule for translation groups, used by lists, search, the item pages' "Read in"
 * links, the prerendered pages' alternates and the sitemap: items are translations of each
 * other when one names the other in `translations`, in either direction, and so on
 * transitively (A names B and C names B: all three are one story). A link to an item of
 * another kind, or to an item not in `items`, joins nothing.
 */
export function translationGroups<T extends Linked>(items: readonly T[]): TranslationGroups<T> {
  const index = new Map(items.map((item, i) => [item.id, i]));
  const parent = items.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  items.forEach((item, i) => {
    for (const link of item.translations) {
      const j = index.get(link.id);
      // The smaller index is the root, so a group is named by its first item in input order.
      if (j !== undefined && items[j]!.kind === item.kind) {
        const [a, b] = [root(i), root(j)];
        parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  let byGroup: Map<number, T[]> | undefined;
  const groupOf = (id: string) => {
    const i = index.get(id);
    return i === undefined ? undefined : root(i);
  };
  return {
    groupOf,
    members(id) {
      const group = groupOf(id);
      if (group === undefined) return [];
      if (!byGroup) {
        byGroup = new Map();
        items.forEach((item, i) => {
          const members = byGroup!.get(root(i));
          if (members) members.push(item);
          else byGroup!.set(root(i), [item]);
        });
      }
      return byGroup.get(group) ?? [];
    },
  };
}

/**
 * One item per translation group (`translationGroups()`), in the order the input had them
 * (the chosen item takes the place of its group).
 */
export function pickLanguage<T extends Linked>(
  items: readonly T[],
  wanted: string,
  feedLanguage?: string,
): T[] {
  const groups = translationGroups(items);
  const score = (item: T, position: number) => {
    const language = item.language ?? feedLanguage;
    // Reader's language first, then the feed's own, then the earliest in the list.
    return (
      languageMatch(language, wanted) * 4 +
      (feedLanguage ? languageMatch(language, feedLanguage) : 0) -
      position / items.length
    );
  };
  const best = new Map<number, number>();
  items.forEach((item, i) => {
    const group = groups.groupOf(item.id)!;
    const current = best.get(group);
    if (current === undefined || score(item, i) > score(items[current]!, current)) best.set(group, i);
  });
  const chosen = new Set(best.values());
  return items.filter((_, i) => chosen.has(i));
}

/**
 * The items a reader of `wanted` can read: in that language, or of unknown language (kept, as
 * hiding them could hide everything of a feed that never says its language).
 */
export function inLanguage<T extends Pick<Item, 'language'>>(
  items: readonly T[],
  wanted: string,
  feedLanguage?: string,
): T[] {
  return items.filter((item) => {
    const language = item.language ?? feedLanguage;
    return !language || languageMatch(language, wanted) > 0;
  });
}

/** Who reads a list: the interface language, and whether to hide items in other languages. */
export interface Reader {
  language: string;
  /** The "only items in my language" setting. */
  onlyMine: boolean;
}

/**
 * The items of one list a reader sees: one per translation group, then, with "only my
 * language", only those they read. `items` are in list order (newest first, as the
 * `by-kind-time` index walks backwards): the earliest of equally good translations wins.
 * The definition every list is read by, a page at a time or whole (src/data/lists.ts).
 */
export function readerView<T extends Linked>(
  items: readonly T[],
  reader: Reader,
  feedLanguage?: string,
): T[] {
  const picked = pickLanguage(items, reader.language, feedLanguage);
  return reader.onlyMine ? inLanguage(picked, reader.language, feedLanguage) : picked;
}
