/**
 * The browser half of `bench-search.ts --ready`: bundled with esbuild and run in Chromium
 * over the app's own data layer and IndexedDB. Stores the items and their search index as
 * the sync leaves them, then times what opening search does before its first results, both
 * ways, interleaved: the old path (read every item, build the index in short tasks) and the
 * new one (read the stored index with the items, load it). Exposes `ready()` on
 * `window.benchReady`.
 */
import type { Item } from '../packages/core/src/model';
import { allItems, readSearchState, saveSearchIndex, toStored, tx } from '../src/data/db';
import { loadIndex } from '../src/features/search/search-index';
import { best, collapseTranslations, INDEX_FORMAT, SearchIndex } from '../src/lib/search/index';

/** What one run measured, in ms (sizes in bytes). */
export interface ReadyResult {
  /** From the start of the read to the first query's best 30, per round. */
  built: number[];
  loaded: number[];
  /** The longest task of each round (setTimeout gaps), to show neither blocks the page. */
  builtLongest: number[];
  loadedLongest: number[];
  /** The stored index: typed arrays, plus its strings as UTF-8. */
  indexBytes: number;
  /** The storage the index took, as the browser estimates it (0 where unknown). */
  storedBytes: number;
  hits: number;
}

/** Tracks the longest gap between timer ticks while `work` runs: the longest task, roughly. */
async function withLongest<T>(work: () => Promise<T>): Promise<[T, number]> {
  let longest = 0;
  let last = performance.now();
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const result = await work();
  running = false;
  tick();
  return [result, longest];
}

const utf8 = (text: string) => new TextEncoder().encode(text).length;

export async function ready(items: Item[], query: string, rounds: number): Promise<ReadyResult> {
  // The sync's part, not timed: items stored, the index built and stored, no marks pending.
  for (let at = 0; at < items.length; at += 1000) {
    await tx(['items'], (a) =>
      Promise.all(items.slice(at, at + 1000).map((item) => a.put('items', toStored(item)))),
    );
  }
  const before = (await navigator.storage?.estimate?.())?.usage ?? 0;
  const stored = new SearchIndex(items).toStored();
  await saveSearchIndex(stored, INDEX_FORMAT, 0, []);
  const after = (await navigator.storage?.estimate?.())?.usage ?? 0;
  const indexBytes =
    stored.offsets.byteLength +
    stored.slots.byteLength +
    stored.weights.byteLength +
    stored.stats.byteLength +
    utf8(stored.terms) +
    utf8(stored.ids.join(''));

  const result: ReadyResult = {
    built: [],
    loaded: [],
    builtLongest: [],
    loadedLongest: [],
    indexBytes,
    storedBytes: Math.max(0, after - before),
    hits: 0,
  };
  const firstResults = (index: SearchIndex) =>
    best(collapseTranslations(index.search(query).hits, 'en'), 30).length;
  // Round 0 warms the engine up and is not recorded.
  for (let round = 0; round <= rounds; round++) {
    for (const way of ['built', 'loaded'] as const) {
      const start = performance.now();
      const [hits, longest] = await withLongest(async () => {
        // The old path read every item and built the index from them (`loadIndex` builds
        // when no index is stored).
        const state =
          way === 'built' ? { pending: [], items: await allItems() } : await readSearchState(true);
        const index = await loadIndex(state);
        return firstResults(index);
      });
      const took = performance.now() - start;
      if (round === 0) continue;
      result[way].push(took);
      result[way === 'built' ? 'builtLongest' : 'loadedLongest'].push(longest);
      result.hits = hits;
    }
  }
  return result;
}
