/**
 * The page's one search index: loaded from IndexedDB the first time search opens (this module
 * is only in the lazy search chunk), as the sync stored it (src/sw/search-sync.ts), then kept
 * in step with every finished sync, whichever context ran it, from the reports on the
 * broadcast channel.
 */
import { createSignal } from 'solid-js';
import { getItems, readSearchState, type SearchState } from '../../data/db';
import { CHANNEL, isBroadcast } from '../../data/messages';
import type { Item } from '@citylink/core/model';
import type { SyncReport } from '../../data/messages';
import { addInSlices, INDEX_FORMAT, SearchIndex, type StoredIndex } from '../../lib/search/index';

const [revision, setRevision] = createSignal(0);

/** Counts index updates, so results recompute after a sync changed the items. */
export { revision };

let ready: Promise<SearchIndex> | undefined;

/**
 * Applies a sync's changes: re-reads what it stored, drops what it retracted. A sync may
 * change thousands of items: then a new index is built in short tasks, like the first one,
 * and takes the old one's place at once (changing it in place could rebuild it all in one go).
 */
export async function applyReport(
  index: SearchIndex,
  report: Pick<SyncReport, 'stored' | 'removed'>,
): Promise<void> {
  if (!report.stored.length && !report.removed.length) return;
  if (report.stored.length <= IN_PLACE) {
    const stored = await getItems(report.stored);
    index.remove(report.removed);
    index.upsert(stored);
  } else {
    const changed = new Set([...report.stored, ...report.removed]);
    const items = index.browse().filter((item) => !changed.has(item.id));
    for (let at = 0; at < report.stored.length; at += READ_CHUNK) {
      items.push(...(await getItems(report.stored.slice(at, at + READ_CHUNK))));
    }
    index.adopt(await build(items));
  }
  setRevision((n) => n + 1);
}

/** Changes applied in place, in one task (a few milliseconds); more are built anew. */
const IN_PLACE = 50;
/** Items read from IndexedDB per request. */
const READ_CHUNK = 100;
/** Builds the index in short tasks, yielding to the page between them. */
function build(items: readonly Item[]): Promise<SearchIndex> {
  return addInSlices(new SearchIndex(), items);
}

/**
 * The index of a stored state: the stored index with the items the sync changed since it
 * was stored indexed again, and those it removed dropped. With none stored yet (the first
 * open after an upgrade, before a sync stored one) or one of another format, it is built
 * here, in short tasks.
 */
export async function loadIndex({ record, pending, items }: SearchState): Promise<SearchIndex> {
  if (record?.format !== INDEX_FORMAT) return build(items);
  const byId = new Map(items.map((item) => [item.id, item]));
  // A slot whose item is gone is dropped here, so a removal is never missed.
  const index = SearchIndex.fromStored(record.index as StoredIndex, byId);
  const marked = new Set(pending.map(([id]) => id));
  return addInSlices(
    index,
    items.filter((item) => marked.has(item.id) || !index.has(item.id)),
  );
}

/** The index, built on first use; later calls share it. */
export function searchIndex(): Promise<SearchIndex> {
  if (ready) return ready;
  // Listen before reading, so a sync that finishes while the index is being built is not
  // lost: its report is applied, in order, once the build is done.
  const channel = new BroadcastChannel(CHANNEL);
  let chain: Promise<SearchIndex> = readSearchState(true).then(loadIndex);
  ready = chain;
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (!isBroadcast(event.data)) return;
    const report = event.data.report;
    chain = chain.then(async (index) => {
      await applyReport(index, report).catch((error: unknown) =>
        console.warn('Citylink: search update failed', error),
      );
      return index;
    });
  };
  ready.catch(() => {
    // A failed read (storage blocked): try again next time search opens.
    channel.close();
    ready = undefined;
  });
  return ready;
}
