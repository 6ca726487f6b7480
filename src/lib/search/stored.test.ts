import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Item } from '@citylink/core/model';
import { generate } from '../../../tools/search-items';
import { best, INDEX_FORMAT, SearchIndex, type StoredIndex } from './index';

const QUERIES = [
  't',
  'tal',
  'talent st',
  'health',
  'helath ',
  'visa',
  '站',
  '人才',
  '人才驿站',
  '江门 活动',
  'zzyzx',
];

/** The best hits of `query`, as ids with their scores. */
const ranked = (index: SearchIndex, query: string) =>
  best(index.search(query).hits, Infinity).map((hit) => `${hit.item.id} ${hit.score} ${hit.missing}`);

/** The stored form as it comes back from IndexedDB: a structured clone. */
const roundTrip = (stored: StoredIndex): StoredIndex => structuredClone(stored);

describe('the stored index', () => {
  const items = generate(600);
  const byId = new Map(items.map((item) => [item.id, item]));

  it('loads into an index that ranks exactly as the one built', () => {
    const built = new SearchIndex(items);
    const loaded = SearchIndex.fromStored(roundTrip(built.toStored()), byId);
    expect(loaded.size).toBe(built.size);
    for (const query of QUERIES) expect(ranked(loaded, query)).toEqual(ranked(built, query));
  });

  it('takes changes without its items, as the worker keeps it, and compacts', () => {
    const built = new SearchIndex(items.slice(0, 400));
    const kept = SearchIndex.fromStored(roundTrip(built.toStored()));
    const changed: Item[] = items
      .slice(0, 30)
      .map((item) => ({ ...item, title: `${item.title ?? ''} qwertyzz` }));
    // Enough removed for the dead slots to be compacted away.
    const removed = items.slice(100, 250).map((item) => item.id);
    for (const index of [built, kept]) {
      index.upsert(changed);
      index.remove(removed);
      index.upsert(items.slice(400));
    }
    const current = new Map(byId);
    for (const item of changed) current.set(item.id, item);
    for (const id of removed) current.delete(id);
    const stored = roundTrip(kept.toStored());
    expect(stored.ids.filter(Boolean)).toHaveLength(current.size);
    // Compacted: no dead slot is left behind.
    expect(stored.ids.length).toBe(current.size);
    const loaded = SearchIndex.fromStored(stored, current);
    for (const query of [...QUERIES, 'qwertyzz']) expect(ranked(loaded, query)).toEqual(ranked(built, query));
    expect(ranked(loaded, 'qwertyzz')).toHaveLength(30);
  });

  it('drops a slot whose item is gone when loaded', () => {
    const built = new SearchIndex(items.slice(0, 10));
    const gone = new Map(byId);
    gone.delete(items[0]!.id);
    const loaded = SearchIndex.fromStored(roundTrip(built.toStored()), gone);
    expect(loaded.size).toBe(9);
    expect(loaded.has(items[0]!.id)).toBe(false);
  });

  it('is of a new format whenever the terms or weights of an item change', () => {
    // The digest of a sample's stored index, per format. A change to the tokenizer, folding,
    // fields or weights changes the digest: bump INDEX_FORMAT and add its digest here, so
    // devices rebuild their stored index instead of reading one made the old way.
    const DIGESTS: Record<number, string> = {
      1: '80a66232473a159e',
      // Traditional characters folded to Simplified (foldScript).
      2: '1a7e6ac18d735ed7',
    };
    const sample = [
      {
        id: 'en',
        title: 'Talent Station opens',
        summary: 'Café for EXPERTS, ｆｕｌｌ width',
        tags: ['talent'],
      },
      { id: 'hans', title: '外国人才驿站', summary: '江门为海外专家提供一站式服务', tags: ['人才'] },
      { id: 'hant', title: '外國人才驛站', summary: '臺灣資訊與服務說明', tags: ['人才'] },
      { id: 'mixed', title: 'Jiangmen 江门 neutrino 中微子 2026', summary: 'Ｅｘｐｅｒｔ visa 𠀀𠀁' },
    ].map((fields): Item => ({
      kind: 'news',
      key: fields.id,
      authors: [],
      tags: [],
      attachments: [],
      translations: [],
      sortTime: 0,
      ...fields,
    }));
    const stored = new SearchIndex(sample).toStored();
    const plain = {
      ...stored,
      offsets: [...stored.offsets],
      slots: [...stored.slots],
      weights: [...stored.weights],
      stats: [...stored.stats],
    };
    const digest = createHash('sha256').update(JSON.stringify(plain)).digest('hex').slice(0, 16);
    expect(stored.format).toBe(INDEX_FORMAT);
    expect(digest).toBe(DIGESTS[INDEX_FORMAT]);
  });
});
