/**
 * The browser half of `bench-search.ts`: bundled with esbuild and run in Chromium, so the
 * figures come from the engine the app runs in. Exposes `run()` on `window.benchSearch`.
 */
import type { Item } from '../packages/core/src/model';
import { bodyText } from '../packages/core/src/text';
import { highlight, matcher, snippet } from '../src/lib/search/highlight';
import { best, collapseTranslations, SearchIndex } from '../src/lib/search/index';
import { fold } from '../src/lib/search/tokenize';

/** What one run measured, in ms (sizes in bytes). */
export interface PageResult {
  build: number;
  indexBytes: number;
  update: number;
  /** Per query, every timed repetition. */
  search: Record<string, number[]>;
  /** Search plus what the screen computes for the first 30 results (highlighted title and text). */
  searchAndMarks: Record<string, number[]>;
  baseline: Record<string, number[]>;
  hits: Record<string, number>;
  baselineHits: Record<string, number>;
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Builds the index of `items`, then times each query `rounds` times, against a naive scan. */
export function run(items: Item[], queries: string[], rounds: number): PageResult {
  let index!: SearchIndex;
  const build = time(() => (index = new SearchIndex(items)));
  // The postings as JSON: what the index would take to store or send to a worker.
  const indexBytes = new Blob([JSON.stringify([...index['postings']])]).size;

  // A sync that changed 50 items and retracted 10.
  const changed = items.slice(0, 50).map((item) => ({ ...item, title: `${item.title ?? ''} updated` }));
  const update = time(() => {
    index.upsert(changed);
    index.remove(items.slice(50, 60).map((item) => item.id));
  });
  index.upsert(items.slice(50, 60));

  // Baseline: a case-folded String.includes scan of every item's text for every query word,
  // with the texts prepared once beforehand (as a cache would hold them).
  const texts = items.map((item) =>
    fold([item.title, item.summary, bodyText(item), item.tags.join(' ')].join('\n')),
  );
  const scan = (query: string) => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    let count = 0;
    for (const text of texts) if (words.every((word) => text.includes(word))) count++;
    return count;
  };

  const result: PageResult = {
    build,
    indexBytes,
    update,
    search: {},
    searchAndMarks: {},
    baseline: {},
    hits: {},
    baselineHits: {},
  };
  // Round 0 warms the engine up (compilation of the hot paths) and is not recorded.
  for (let round = 0; round <= rounds; round++) {
    for (const query of queries) {
      if (round === 0) {
        collapseTranslations(index.search(query).hits, 'en');
        scan(query);
        continue;
      }
      let hits = 0;
      (result.search[query] ??= []).push(
        time(() => {
          // What the screen does: all hits (for the counts), the best 30 to show.
          const all = collapseTranslations(index.search(query).hits, 'en');
          best(all, 30);
          hits = all.length;
        }),
      );
      result.hits[query] = hits;
      (result.searchAndMarks[query] ??= []).push(
        time(() => {
          for (const hit of best(collapseTranslations(index.search(query).hits, 'en'), 30)) {
            const match = matcher(query, hit.terms);
            highlight(hit.item.title ?? '', match);
            snippet(hit.item.summary ?? bodyText(hit.item), match);
          }
        }),
      );
      let found = 0;
      (result.baseline[query] ??= []).push(time(() => (found = scan(query))));
      result.baselineHits[query] = found;
    }
  }
  return result;
}
