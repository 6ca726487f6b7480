/**
 * Keeps the stored search index up to date where the sync runs (the service worker, or the
 * dedicated worker a page syncs in), so that opening search loads an index and builds none.
 * The sync marks each item it writes or removes (`searchPending`, in the same transaction);
 * this takes the marks in: the changed items are indexed again, the removed ones dropped, and
 * the index is stored. With no stored index, or one of another format, it builds one from
 * every item, here, off the page's main thread.
 */
import { readSearchState, saveSearchIndex } from '../data/db';
import { addInSlices, INDEX_FORMAT, SearchIndex, type StoredIndex } from '../lib/search/index';

/** More marks than this (a first sync, a large republish) rebuild the index from the items. */
const MOST_CHANGES = 2_000;

/** Takes the pending marks into the stored index, or builds it; one context at a time. */
export function updateSearchIndex(): Promise<void> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  // Two contexts finishing syncs at once would do the same work twice: one waits instead.
  return locks ? locks.request('citylink-search-index', update) : update();
}

async function update(): Promise<void> {
  const state = await readSearchState(false, { most: MOST_CHANGES });
  const { record } = state;
  if (record?.format === INDEX_FORMAT && state.pending.length <= MOST_CHANGES) {
    if (!state.pending.length) return;
    // Ids only: the worker never searches, and the items stay in their own store.
    const index = SearchIndex.fromStored(record.index as StoredIndex);
    const present = new Set(state.items.map((item) => item.id));
    index.remove(state.pending.map(([id]) => id).filter((id) => !present.has(id)));
    index.upsert(state.items);
    await saveSearchIndex(index.toStored(), INDEX_FORMAT, record.revision, state.pending);
    return;
  }
  const all = await readSearchState(true, { chunked: true });
  const index = await addInSlices(new SearchIndex(), all.items);
  await saveSearchIndex(index.toStored(), INDEX_FORMAT, all.record?.revision ?? 0, all.pending);
}
