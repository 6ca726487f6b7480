/**
 * The page's one search index: built from IndexedDB the first time search opens (this module
 * is only in the lazy search chunk), then kept in step with every finished sync, whichever
 * context ran it, from the reports on the broadcast channel.
 */
import { createSignal } from 'solid-js';
import { allItems, getItems } from '../../data/db';
import { CHANNEL, isBroadcast } from '../../data/messages';
import type { Item } from '../../data/model';
import type { SyncReport } from '../../data/sync';
import { SearchIndex } from '../../lib/search/index';

const [revision, setRevision] = createSignal(0);

/** Counts index updates, so results recompute after a sync changed the items. */
export { revision };

let ready: Promise<SearchIndex> | undefined;

/** Applies a sync's changes: re-reads what it stored, drops what it retracted. */
export async function applyReport(
  index: SearchIndex,
  report: Pick<SyncReport, 'stored' | 'removed'>,
): Promise<void> {
  if (!report.stored.length && !report.removed.length) return;
  const stored = await getItems(report.stored);
  index.remove(report.removed);
  index.upsert(stored);
  setRevision((n) => n + 1);
}

/** Items indexed per task: small enough that typing and scrolling stay smooth meanwhile. */
const CHUNK = 250;

/** Builds the index a chunk at a time, yielding to the page between chunks. */
async function build(items: readonly Item[]): Promise<SearchIndex> {
  const index = new SearchIndex();
  for (let at = 0; at < items.length; at += CHUNK) {
    index.upsert(items.slice(at, at + CHUNK));
    if (at + CHUNK < items.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return index;
}

/** The index, built on first use; later calls share it. */
export function searchIndex(): Promise<SearchIndex> {
  if (ready) return ready;
  // Listen before reading, so a sync that finishes while the index is being built is not
  // lost: its report is applied, in order, once the build is done.
  const channel = new BroadcastChannel(CHANNEL);
  let chain: Promise<SearchIndex> = allItems().then(build);
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
