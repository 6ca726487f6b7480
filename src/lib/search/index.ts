/**
 * The full-text index over stored items, with our tokenizer, kept in step with sync (add,
 * change, retract) and queried by words: items with every word of the query first, then those
 * with some of them. Pure: items come in as values, so it runs in Node tests and could move to
 * a worker unchanged.
 */
import type { Item, ItemKind } from '@citylink/core/model';
import { bodyText } from '@citylink/core/text';
import { languageMatch, translationGroups, type TranslationGroups } from '@citylink/core/translations';
import { fold, foldScript, isHan, parseQuery, tokenize, type ParsedQuery } from './tokenize';

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
  /** Index terms the query matched: its words and their prefix and typo forms, folded. */
  terms: string[];
  /** The item's translation group: the same number for an item and its translations. */
  group: number;
  /** How many words of the query the item lacks: 0 when it has them all. */
  missing: number;
}

/** What a search found, and how it read the query. */
export interface SearchResult {
  /** Items with every word of the query, and (ranked below them) those with some. */
  hits: Hit[];
  /**
   * The query as searched, when a word in no item was read as the word one typo away that
   * most items hold ("talnet" → "talent"): to say so, and offer the query as typed.
   */
  corrected?: string;
}

/** How to read a query. */
export interface SearchOptions {
  /** Only the words as typed (and completions of the last): no typo forms. */
  exact?: boolean;
}

/** Narrows a search; every filter is optional. */
export interface SearchFilter {
  kind?: ItemKind;
  tag?: string;
}

/**
 * Where each term occurs: item slots in ascending order, and the term's weight in each. A
 * posting loaded from storage is a view into the stored arrays until an item is added to it.
 */
interface Posting {
  slots: number[] | Uint32Array;
  weights: number[] | Float32Array;
}

/**
 * The stored form of the index. Any change to what an item's terms or weights are (the
 * tokenizer, folding, the fields, boosts and BM25 constants) must bump it, so that stored
 * indexes of the old form are rebuilt rather than read: `stored.test.ts` fails otherwise.
 */
export const INDEX_FORMAT = 2;

/**
 * The index as stored (structured-cloneable, compact): the item id of each slot ('' for an
 * empty one), the terms in sorted order joined by spaces (a term never holds one), and every
 * posting laid end to end, term after term, with `offsets[t]` where term t's starts. Items
 * are not in it: the loader gives them, from the store that holds them.
 */
export interface StoredIndex {
  format: number;
  ids: string[];
  terms: string;
  offsets: Uint32Array;
  slots: Uint32Array;
  weights: Float32Array;
  /** Per field, the total length and the count of items with the field. */
  stats: Float64Array;
}

// BM25's usual constants: how fast repeated words stop counting, and how much length matters.
const K1 = 1.2;
const B = 0.75;
/** A word completed from a prefix, or reached by a typo, counts less than the word typed. */
const PREFIX_WEIGHT = 0.5;
const FUZZY_WEIGHT = 0.4;
/** Terms of a query looked up at most (one bit each in a 32-bit mask per item). */
const MAX_TERMS = 32;
/** Longer Latin words tolerate one typo; shorter ones would match too many other words. */
const FUZZY_MIN_LENGTH = 5;
/** A Latin prefix needs two letters: one letter would complete to most of the vocabulary. */
const PREFIX_MIN_LENGTH = 2;
/** At most this many completions of a prefix, so a short prefix stays cheap. */
const MAX_COMPLETIONS = 200;

/**
 * A live index of items: an inverted index of term → (item slot, weight), where the weight is
 * the item's BM25 term score summed over fields with their boosts, computed once when the
 * item is added. A query walks only the postings of its terms, scoring into typed arrays and
 * marking which terms each item holds: no allocation per item, so large feeds stay fast.
 */
export class SearchIndex {
  // The item id of each slot, undefined once the slot is dead; and the item itself, which an
  // index loaded without items (the worker keeps it up to date) does not hold.
  private ids: (string | undefined)[] = [];
  private slots: (Item | undefined)[] = [];
  private slotOf = new Map<string, number>();
  // Translation groups of the live items, decided when a search first needs them after a
  // change: a link may name an item added later, or one side of a group may be retracted.
  private groups: TranslationGroups<Item> | undefined;
  private postings = new Map<string, Posting>();
  // Sorted terms for prefix lookups; rebuilt on the first prefix query after new terms arrive.
  private vocabulary: string[] | undefined;
  private fieldStats = FIELDS.map(() => ({ total: 0, count: 0 }));
  private dead = 0;
  // Whole text per item, made only when a long Chinese query needs to check its phrase.
  private readonly haystacks = new Map<string, string>();

  /** An index of `items`. */
  constructor(items: readonly Item[] = []) {
    for (const item of items) this.add(item);
  }

  /**
   * An index read back from `stored`, with each slot's item from `items`. A slot whose item
   * is not there is taken for removed, unless `items` is left out: an index that tracks ids
   * only, to be changed and stored again.
   */
  static fromStored(stored: StoredIndex, items?: ReadonlyMap<string, Item>): SearchIndex {
    const index = new SearchIndex();
    const terms = stored.terms ? stored.terms.split(' ') : [];
    terms.forEach((term, t) => {
      const from = stored.offsets[t]!;
      const to = stored.offsets[t + 1]!;
      index.postings.set(term, {
        slots: stored.slots.subarray(from, to),
        weights: stored.weights.subarray(from, to),
      });
    });
    index.vocabulary = terms;
    stored.ids.forEach((id, slot) => {
      const item = items?.get(id);
      index.ids.push(id && (item || !items) ? id : undefined);
      index.slots.push(item);
      if (index.ids[slot] !== undefined) index.slotOf.set(id, slot);
      else index.dead += 1;
    });
    index.fieldStats = FIELDS.map((_, f) => ({
      total: stored.stats[2 * f]!,
      count: stored.stats[2 * f + 1]!,
    }));
    index.compactIfSparse();
    return index;
  }

  /** The index in its stored form (see `StoredIndex`). */
  toStored(): StoredIndex {
    // Sorted, so that a loaded index has its vocabulary for prefix queries without a sort.
    const terms = this.sortedVocabulary();
    let total = 0;
    for (const posting of this.postings.values()) total += posting.slots.length;
    const offsets = new Uint32Array(terms.length + 1);
    const slots = new Uint32Array(total);
    const weights = new Float32Array(total);
    let at = 0;
    terms.forEach((term, t) => {
      const posting = this.postings.get(term)!;
      offsets[t] = at;
      slots.set(posting.slots, at);
      weights.set(posting.weights, at);
      at += posting.slots.length;
    });
    offsets[terms.length] = at;
    return {
      format: INDEX_FORMAT,
      ids: this.ids.map((id) => id ?? ''),
      terms: terms.join(' '),
      offsets,
      slots,
      weights,
      stats: Float64Array.from(this.fieldStats.flatMap(({ total, count }) => [total, count])),
    };
  }

  /** How many items the index holds. */
  get size(): number {
    return this.slotOf.size;
  }

  /** Whether the index holds an item of id `id`. */
  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Adds new items and replaces changed ones (by id). */
  upsert(items: readonly Item[]): void {
    for (const item of items) {
      this.kill(item.id);
      this.add(item);
    }
    this.compactIfSparse();
  }

  /**
   * Takes over the contents of `other` in one step, so that an index built elsewhere a chunk
   * at a time replaces this one where it is used. `other` is not to be used afterwards.
   */
  adopt(other: SearchIndex): void {
    this.ids = other.ids;
    this.slots = other.slots;
    this.slotOf = other.slotOf;
    this.groups = undefined;
    this.postings = other.postings;
    this.vocabulary = other.vocabulary;
    this.fieldStats = other.fieldStats;
    this.dead = other.dead;
    this.haystacks.clear();
    for (const [id, text] of other.haystacks) this.haystacks.set(id, text);
  }

  /** Drops items by id; ids not in the index are ignored. */
  remove(ids: readonly string[]): void {
    for (const id of ids) this.kill(id);
    this.compactIfSparse();
  }

  /** Every item, newest first, narrowed by `filter` (a tag or kind browsed without a query). */
  browse(filter: SearchFilter = {}): Item[] {
    return this.live()
      .filter((item) => matchesFilter(item, filter))
      .sort((a, b) => b.sortTime - a.sortTime);
  }

  /**
   * Items holding any word of `query`, in no particular order (rank them with `best`: those
   * with every word first). The last word matches by prefix while it is being typed, a single
   * Chinese character matches wherever it occurs, and a longer word that is in no item
   * matches words one typo away (unless `exact`). A Chinese run is one word: it matches where
   * all its character pairs do, and the whole run for three or more characters.
   */
  search(query: string, { exact = false }: SearchOptions = {}): SearchResult {
    const parsed = parseQuery(query);
    // One bit per term in a slot's mask: a query of more terms than that is not a search.
    const terms = parsed.terms.slice(0, MAX_TERMS);
    const words = parsed.words.filter((word) => word.terms.every((term) => terms.includes(term)));
    if (!words.length) return { hits: [] };
    const count = this.slots.length;
    const live = this.size;
    // mask[slot]: which of the query's terms the item holds, one bit each.
    const mask = new Uint32Array(count);
    const score = new Float64Array(count);
    const used: string[] = [];
    const corrections = new Map<string, string>();
    for (let index = 0; index < terms.length; index++) {
      const term = terms[index]!;
      const bit = 1 << index;
      const { expansions, fuzzy } = this.expand(term, term === parsed.partial, !exact);
      if (fuzzy) corrections.set(term, fuzzy);
      for (const [expansion, factor] of expansions) {
        used.push(expansion);
        const posting = this.postings.get(expansion)!;
        const df = posting.slots.length;
        const idf = Math.log(1 + Math.max(0, live - df + 0.5) / (df + 0.5)) * factor;
        const { slots, weights } = posting;
        for (let i = 0; i < slots.length; i++) {
          const slot = slots[i]!;
          mask[slot] = mask[slot]! | bit;
          score[slot] = score[slot]! + idf * weights[i]!;
        }
      }
    }
    // Each word's terms as a mask (unsigned: the 32nd bit would make it negative).
    const wordMasks = words.map(
      (word) => word.terms.reduce((m, term) => m | (1 << terms.indexOf(term)), 0) >>> 0,
    );
    const found: number[] = [];
    const missing: number[] = [];
    for (let slot = 0; slot < count; slot++) {
      const held = mask[slot]!;
      if (!held) continue;
      const item = this.slots[slot];
      if (!item) continue;
      let has = 0;
      for (let w = 0; w < words.length; w++) {
        const wanted = wordMasks[w]!;
        if ((held & wanted) >>> 0 !== wanted) continue;
        const phrase = words[w]!.phrase;
        if (phrase && !this.haystack(item).includes(phrase)) continue;
        has++;
      }
      if (!has) continue;
      found.push(slot);
      missing.push(words.length - has);
    }
    const groups = (this.groups ??= translationGroups(this.live()));
    // Left in index order: sorting thousands of hits would cost more than finding them, and
    // a screen shows only the best few (see `best`).
    const hits = found.map((slot, i) => ({
      item: this.slots[slot]!,
      score: score[slot]!,
      terms: used,
      group: groups.groupOf(this.slots[slot]!.id)!,
      missing: missing[i]!,
    }));
    return corrections.size ? { hits, corrected: correct(parsed, corrections) } : { hits };
  }

  /**
   * The index terms a query term stands for, each with its weight; `fuzzy`, when it stands for
   * words one typo away only, is the one of them that most items hold (the likely meaning).
   */
  private expand(
    term: string,
    partial: boolean,
    typos: boolean,
  ): { expansions: [string, number][]; fuzzy?: string } {
    const expansions: [string, number][] = this.postings.has(term) ? [[term, 1]] : [];
    const han = isHan(term);
    const prefix = han ? Array.from(term).length === 1 : partial && term.length >= PREFIX_MIN_LENGTH;
    if (prefix) {
      for (const completion of this.completions(term)) expansions.push([completion, PREFIX_WEIGHT]);
    }
    if (expansions.length || han || !typos || term.length < FUZZY_MIN_LENGTH) return { expansions };
    let fuzzy: string | undefined;
    for (const other of this.sortedVocabulary()) {
      if (!withinOneEdit(term, other)) continue;
      expansions.push([other, FUZZY_WEIGHT]);
      if (!fuzzy || this.postings.get(other)!.slots.length > this.postings.get(fuzzy)!.slots.length)
        fuzzy = other;
    }
    return fuzzy ? { expansions, fuzzy } : { expansions };
  }

  /** Longer terms that start with `prefix`, from the sorted vocabulary. */
  private completions(prefix: string): string[] {
    const vocabulary = this.sortedVocabulary();
    let low = 0;
    let high = vocabulary.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (vocabulary[mid]! < prefix) low = mid + 1;
      else high = mid;
    }
    const out: string[] = [];
    for (let i = low; i < vocabulary.length && out.length < MAX_COMPLETIONS; i++) {
      const term = vocabulary[i]!;
      if (!term.startsWith(prefix)) break;
      if (term !== prefix) out.push(term);
    }
    return out;
  }

  private sortedVocabulary(): string[] {
    return (this.vocabulary ??= [...this.postings.keys()].sort());
  }

  private add(item: Item): void {
    const slot = this.slots.length;
    this.ids.push(item.id);
    this.slots.push(item);
    this.groups = undefined;
    this.slotOf.set(item.id, slot);
    const doc = toDoc(item);
    const weights = new Map<string, number>();
    FIELDS.forEach((field, f) => {
      const terms = tokenize(doc[field]);
      if (!terms.length) return;
      // Length is judged against the average so far: exact enough, and no second pass.
      const stats = this.fieldStats[f]!;
      stats.total += terms.length;
      stats.count += 1;
      const norm = K1 * (1 - B + (B * terms.length) / (stats.total / stats.count));
      const tf = new Map<string, number>();
      for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
      for (const [term, n] of tf) {
        weights.set(term, (weights.get(term) ?? 0) + (BOOST[field] * n * (K1 + 1)) / (n + norm));
      }
    });
    for (const [term, weight] of weights) {
      let posting = this.postings.get(term);
      if (!posting) {
        posting = { slots: [], weights: [] };
        this.postings.set(term, posting);
        this.vocabulary = undefined;
      } else if (!Array.isArray(posting.slots)) {
        posting = { slots: Array.from(posting.slots), weights: Array.from(posting.weights) };
        this.postings.set(term, posting);
      }
      (posting.slots as number[]).push(slot);
      // Stored as 32-bit floats: rounded here too, so a built and a loaded index rank alike.
      (posting.weights as number[]).push(Math.fround(weight));
    }
  }

  // A removed or replaced item leaves its postings behind, pointing at an empty slot.
  private kill(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.ids[slot] = undefined;
    this.slots[slot] = undefined;
    this.groups = undefined;
    this.slotOf.delete(id);
    this.haystacks.delete(id);
    this.dead += 1;
  }

  /**
   * Once a quarter of the slots are empty, renumbers the live ones and drops the dead from
   * the postings, so postings do not fill with the dead. Weights are kept as they were: no
   * item is tokenized again, and an index without its items (the worker's) compacts too.
   */
  private compactIfSparse(): void {
    if (this.dead < 64 || this.dead * 4 < this.slots.length) return;
    const renumber = new Int32Array(this.slots.length).fill(-1);
    const ids: string[] = [];
    const slots: (Item | undefined)[] = [];
    this.slotOf = new Map();
    this.ids.forEach((id, slot) => {
      if (id === undefined) return;
      renumber[slot] = ids.length;
      this.slotOf.set(id, ids.length);
      ids.push(id);
      slots.push(this.slots[slot]);
    });
    const postings = new Map<string, Posting>();
    for (const [term, posting] of this.postings) {
      const kept: Posting = { slots: [], weights: [] };
      for (let i = 0; i < posting.slots.length; i++) {
        const slot = renumber[posting.slots[i]!]!;
        if (slot < 0) continue;
        (kept.slots as number[]).push(slot);
        (kept.weights as number[]).push(posting.weights[i]!);
      }
      if (kept.slots.length) postings.set(term, kept);
    }
    this.ids = ids;
    this.slots = slots;
    this.postings = postings;
    this.groups = undefined;
    this.vocabulary = undefined;
    this.dead = 0;
  }

  private live(): Item[] {
    return this.slots.filter((item): item is Item => item !== undefined);
  }

  private haystack(item: Item): string {
    let text = this.haystacks.get(item.id);
    if (text === undefined) {
      const doc = toDoc(item);
      text = foldScript(
        fold(
          FIELDS.map((field) => doc[field])
            .join('\n')
            .normalize('NFKC'),
        ),
      );
      this.haystacks.set(item.id, text);
    }
    return text;
  }
}

/** The query with each word read as another (a typo's likely meaning) written as that word. */
function correct(parsed: ParsedQuery, corrections: ReadonlyMap<string, string>): string {
  let out = '';
  let at = 0;
  for (const word of parsed.words) {
    const fixed = word.terms.length === 1 ? corrections.get(word.terms[0]!) : undefined;
    if (fixed === undefined) continue;
    out += parsed.normal.slice(at, word.start) + fixed;
    at = word.end;
  }
  return out + parsed.normal.slice(at);
}

/** Items indexed between two looks at the clock, and the time one task may take. */
const SLICE_ITEMS = 25;
const SLICE_MS = 20;

/**
 * Adds (or replaces) `items` in `index` a few at a time, yielding every SLICE_MS: on the page
 * to input, in the service worker to the fetches the page loads its code and screens with (a
 * hundred thousand items indexed in one task held them back for seconds).
 */
export async function addInSlices(index: SearchIndex, items: readonly Item[]): Promise<SearchIndex> {
  let started = performance.now();
  for (let at = 0; at < items.length; at += SLICE_ITEMS) {
    index.upsert(items.slice(at, at + SLICE_ITEMS));
    if (performance.now() - started > SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      started = performance.now();
    }
  }
  return index;
}

/** Whether `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // Compared in place rather than by slicing: this runs over the whole vocabulary.
  const sameFrom = (x: string, xi: number, y: string, yi: number) => {
    if (x.length - xi !== y.length - yi) return false;
    for (; xi < x.length; xi++, yi++) if (x.charCodeAt(xi) !== y.charCodeAt(yi)) return false;
    return true;
  };
  if (a.length === b.length) {
    return (
      sameFrom(a, i + 1, b, i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && sameFrom(a, i + 2, b, i + 2))
    );
  }
  return a.length > b.length ? sameFrom(a, i + 1, b, i) : sameFrom(a, i, b, i + 1);
}

/**
 * One hit per translation group: when an item and its translation both match, the reader
 * sees the one in `locale` (else the better-scoring one), ranked by the words either has.
 */
export function collapseTranslations(hits: readonly Hit[], locale: string): Hit[] {
  const position = new Map<number, number>();
  const chosen: Hit[] = [];
  for (const hit of hits) {
    const at = position.get(hit.group);
    if (at === undefined) {
      position.set(hit.group, chosen.length);
      chosen.push(hit);
    } else {
      const current = chosen[at]!;
      const better = languageMatch(hit.item.language, locale) - languageMatch(current.item.language, locale);
      const kept = better > 0 || (better === 0 && hit.score > current.score) ? hit : current;
      // The story has every word if one of its languages has: it ranks as such.
      chosen[at] = { ...kept, missing: Math.min(hit.missing, current.missing) };
    }
  }
  return chosen;
}

/** Whether hit `a` ranks before hit `b`: fewer words missing, the higher score, the newer item. */
function before(a: Hit, b: Hit): boolean {
  return compare(a, b) < 0;
}

function compare(a: Hit, b: Hit): number {
  return a.missing - b.missing || b.score - a.score || b.item.sortTime - a.item.sortTime;
}

/**
 * The best `count` hits, best first. Keeps a short sorted list while walking the hits once,
 * so showing the first 30 of 3,000 hits does not pay for sorting all 3,000.
 */
export function best(hits: readonly Hit[], count: number): Hit[] {
  if (count <= 0) return [];
  // Asked for a good share of them: a plain sort is then the cheaper way.
  if (count * 4 >= hits.length) {
    return [...hits].sort(compare).slice(0, count);
  }
  const top: Hit[] = [];
  for (const hit of hits) {
    if (top.length >= count && !before(hit, top[top.length - 1]!)) continue;
    let at = top.length;
    while (at > 0 && before(hit, top[at - 1]!)) at--;
    top.splice(at, 0, hit);
    if (top.length > count) top.pop();
  }
  return top;
}

/** Whether an item passes a kind and tag filter. */
export function matchesFilter(item: Item, filter: SearchFilter): boolean {
  return (!filter.kind || item.kind === filter.kind) && (!filter.tag || item.tags.includes(filter.tag));
}
