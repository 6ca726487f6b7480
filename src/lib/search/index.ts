/**
 * The full-text index over stored items: MiniSearch with our tokenizer, kept in step with
 * sync (add, change, retract) and queried with every term required. Pure: items come in as
 * values, so it runs in Node tests and could move to a worker unchanged.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Item, ItemKind } from '../../data/model';
import { bodyText } from '../../data/text';
import { languageMatch } from '../../data/translations';
import { fold, isHan, parseQuery, tokenize } from './tokenize';

/** The text of an item by field, as indexed. */
interface Doc {
  id: string;
  title: string;
  summary: string;
  body: string;
  tags: string;
  place: string;
  people: string;
}

const FIELDS = ['title', 'summary', 'body', 'tags', 'place', 'people'] as const;

/** Matches in a title count most, then names and tags, then the summary, then the body. */
const BOOST: Record<(typeof FIELDS)[number], number> = {
  title: 4,
  people: 2,
  tags: 2,
  place: 1.5,
  summary: 1.5,
  body: 1,
};

/** The indexed text of an item, field by field. */
export function toDoc(item: Item): Doc {
  const venue = item.event?.venue;
  const people = [
    item.contact,
    ...(item.event?.contacts ?? []).map((c) => ('inline' in c ? c.inline : undefined)),
  ];
  const join = (parts: (string | undefined)[]) => parts.filter(Boolean).join(' \n ');
  return {
    id: item.id,
    title: item.title ?? '',
    summary: item.summary ?? '',
    body: bodyText(item),
    tags: item.tags.join(' \n '),
    place: join([
      venue?.name,
      venue?.address,
      venue?.addressLocal,
      item.contact?.address,
      item.contact?.addressLocal,
    ]),
    people: join(people.flatMap((p) => (p ? [p.name, p.organization, p.role] : []))),
  };
}

/** One search hit: the item and the index terms that matched it (for highlighting). */
export interface Hit {
  item: Item;
  score: number;
  /** Terms of the index that matched, folded (e.g. `stations` for the query `stat`). */
  terms: string[];
}

/** Narrows a search; every filter is optional. */
export interface SearchFilter {
  kind?: ItemKind;
  tag?: string;
}

/** Longer Latin words tolerate one typo; shorter ones would match too many other words. */
const FUZZY_MIN_LENGTH = 5;

/** A live index of items. */
export class SearchIndex {
  private readonly mini = new MiniSearch<Doc>({
    fields: [...FIELDS],
    storeFields: [],
    tokenize,
    // The tokenizer already folds; MiniSearch's default would lower-case again.
    processTerm: (term) => term,
    searchOptions: { boost: BOOST, combineWith: 'AND' },
  });
  private readonly items = new Map<string, Item>();
  // Whole text per item, made only when a long Chinese query needs to check its phrase.
  private readonly haystacks = new Map<string, string>();

  /** An index of `items`. */
  constructor(items: readonly Item[] = []) {
    this.upsert(items);
  }

  /** How many items the index holds. */
  get size(): number {
    return this.items.size;
  }

  /** Adds new items and replaces changed ones (by id). */
  upsert(items: readonly Item[]): void {
    for (const item of items) {
      if (this.items.has(item.id)) this.mini.discard(item.id);
      this.items.set(item.id, item);
      this.haystacks.delete(item.id);
      this.mini.add(toDoc(item));
    }
  }

  /** Drops items by id; ids not in the index are ignored. */
  remove(ids: readonly string[]): void {
    for (const id of ids) {
      if (!this.items.delete(id)) continue;
      this.haystacks.delete(id);
      this.mini.discard(id);
    }
  }

  /** Every item, newest first, narrowed by `filter` (a tag or kind browsed without a query). */
  browse(filter: SearchFilter = {}): Item[] {
    return [...this.items.values()]
      .filter((item) => matchesFilter(item, filter))
      .sort((a, b) => b.sortTime - a.sortTime);
  }

  /**
   * Items holding every term of `query`, best first; the last word matches by prefix while
   * it is being typed, a single Chinese character matches wherever it occurs.
   */
  search(query: string): Hit[] {
    const { terms, phrases, partial } = parseQuery(query);
    if (!terms.length) return [];
    const prefix = (term: string) => (isHan(term) ? Array.from(term).length === 1 : term === partial);
    const results = this.mini.search(terms.join(' '), {
      // The terms are already ours: split on the spaces we joined them with, nothing else.
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      prefix,
      fuzzy: (term) => (!isHan(term) && term !== partial && term.length >= FUZZY_MIN_LENGTH ? 1 : false),
      filter: (result) => {
        const item = this.items.get(result.id as string);
        return !!item && phrases.every((p) => this.haystack(item).includes(p));
      },
    });
    return results.map((result: SearchResult) => ({
      item: this.items.get(result.id as string)!,
      score: result.score,
      terms: result.terms,
    }));
  }

  private haystack(item: Item): string {
    let text = this.haystacks.get(item.id);
    if (text === undefined) {
      const doc = toDoc(item);
      text = fold(
        FIELDS.map((field) => doc[field])
          .join('\n')
          .normalize('NFKC'),
      );
      this.haystacks.set(item.id, text);
    }
    return text;
  }
}

/**
 * One hit per translation group: when an item and its translation both match, the reader
 * sees the one in `locale` (else the better-scoring one), in the group's best position.
 */
export function collapseTranslations(hits: readonly Hit[], locale: string): Hit[] {
  const groupOf = new Map<string, number>();
  const chosen: Hit[] = [];
  for (const hit of hits) {
    const linked = [hit.item.id, ...hit.item.translations.map((t) => t.id)];
    const group = linked.map((id) => groupOf.get(id)).find((g) => g !== undefined);
    if (group === undefined) {
      for (const id of linked) groupOf.set(id, chosen.length);
      chosen.push(hit);
      continue;
    }
    for (const id of linked) groupOf.set(id, group);
    const current = chosen[group]!;
    if (languageMatch(hit.item.language, locale) > languageMatch(current.item.language, locale)) {
      chosen[group] = hit;
    }
  }
  return chosen;
}

/** Whether an item passes a kind and tag filter. */
export function matchesFilter(item: Item, filter: SearchFilter): boolean {
  return (!filter.kind || item.kind === filter.kind) && (!filter.tag || item.tags.includes(filter.tag));
}
