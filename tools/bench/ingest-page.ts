/**
 * The browser half of the ingest benchmark: bundled with esbuild and run in Chromium. Times the
 * app's real `syncFeed()` (one transaction per feed page) storing a feed into an empty
 * database, against a baseline that does the same reads and writes per item but in one
 * transaction per item. Exposes `run()` on `window.benchIngest`.
 */
import { DB_NAME, toStored, tx } from '../../src/data/db';
import { parseFeed } from '../../packages/core/src/parse';
import { syncFeed } from '../../src/data/sync';

export interface IngestRun {
  sync: number;
  perItem: number;
  /** Items each side stored: both must have stored the whole feed. */
  syncStored: number;
  perItemStored: number;
}

const FEED_URL = `${location.origin}/bench-feed.json`;

/** An empty database; our own connection closes itself on the delete's versionchange. */
function empty(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('deleteDatabase failed'));
  });
}

async function timeSync(text: string): Promise<{ ms: number; stored: number }> {
  await empty();
  const fetch = () => Promise.resolve(new Response(text, { status: 200 }));
  const start = performance.now();
  const report = await syncFeed({ feedUrl: FEED_URL, fetch });
  const ms = performance.now() - start;
  if (report.outcome !== 'updated') throw new Error(`sync ${report.outcome}: ${report.error?.detail}`);
  return { ms, stored: report.added };
}

/**
 * The baseline: the same feed read and parsed the same way, then each item stored in a
 * transaction of its own with the reads `syncFeed` makes for it (the stored copy, the owner of
 * its address, a saved snapshot) and its write.
 */
async function timePerItem(text: string): Promise<{ ms: number; stored: number }> {
  await empty();
  const start = performance.now();
  const body = await new Response(text).text();
  const parsed = parseFeed(body, { baseUrl: FEED_URL, receivedAt: Date.now() });
  if (!parsed.ok) throw new Error(parsed.error);
  let stored = 0;
  for (const item of parsed.items) {
    await tx(['items', 'saved'], async (a) => {
      await a.get('items', item.id);
      await a.keyFromIndex('items', 'by-kind-key', [item.kind, item.key]);
      await a.put('items', toStored(item));
      await a.get('saved', item.id);
    });
    stored++;
  }
  return { ms: performance.now() - start, stored };
}

/** `runs` rounds of both, alternating which goes first so neither always meets a warmer engine. */
export async function run(text: string, runs: number): Promise<IngestRun[]> {
  const results: IngestRun[] = [];
  for (let i = 0; i < runs; i++) {
    let sync: { ms: number; stored: number };
    let perItem: { ms: number; stored: number };
    if (i % 2 === 0) {
      sync = await timeSync(text);
      perItem = await timePerItem(text);
    } else {
      perItem = await timePerItem(text);
      sync = await timeSync(text);
    }
    results.push({
      sync: sync.ms,
      perItem: perItem.ms,
      syncStored: sync.stored,
      perItemStored: perItem.stored,
    });
  }
  await empty();
  return results;
}
