/**
 * The worker's side of feed sync: the shared `syncFeed()` against this app's feed URL.
 */
import { feedUrl } from '../data/config';
import { invalidateSnapshots } from '../data/snapshots';
import type { SyncReport } from '../data/messages';
import { syncFeed, syncUnlessFresh } from '../data/sync';
import { updateSearchIndex } from './search-sync';

declare const self: ServiceWorkerGlobalScope;

/** Periodic Background Sync is Chromium-only and not yet in TypeScript's WebWorker lib. */
export interface PeriodicSyncEvent extends ExtendableEvent {
  readonly tag: string;
}

declare global {
  interface ServiceWorkerGlobalScopeEventMap {
    periodicsync: PeriodicSyncEvent;
  }
}

/**
 * Runs one sync of the app's feed into IndexedDB, then brings the search index up to date:
 * kept alive by `event` without holding up the report, or else before it resolves.
 */
export async function syncNow(event?: ExtendableEvent): Promise<SyncReport> {
  const report = await syncFeed({ feedUrl: feedUrl(self.location.href) });
  await afterSync(report, event);
  return report;
}

/**
 * A sync this recent makes the one on activation a second download of the same feed: on a
 * first visit the page has just synced (src/pwa/worker.ts), and a feed without validators would
 * be fetched, parsed and compared again in full while the page loads its code through this
 * worker (a 100,000-item feed held the home screen's list back 15 s).
 */
const FRESH_ON_ACTIVATION_MS = 60_000;

/** The sync a newly active worker runs, unless one has just succeeded. */
export async function syncOnActivation(event: ExtendableEvent): Promise<void> {
  const report = await syncUnlessFresh({ feedUrl: feedUrl(self.location.href) }, FRESH_ON_ACTIVATION_MS);
  if (report) await afterSync(report, event);
}

/** What follows a sync here: kept screens and notifications of retracted items go, search updates. */
async function afterSync(report: SyncReport, event?: ExtendableEvent): Promise<void> {
  if (report.removed.length > 0) {
    // A retraction: no kept screen may show the item again, not even until the app starts, and
    // a notification of it no longer tells the news.
    await Promise.all([
      invalidateSnapshots(self.location.origin).catch(() => undefined),
      closeNotificationsOf(report.removed).catch(() => undefined),
    ]);
  }
  // Search needs no wait: it applies the marks the index has not taken in when it opens.
  const indexing = updateSearchIndex().catch((error: unknown) =>
    console.warn('Citylink: search index not stored', error),
  );
  if (event) event.waitUntil(indexing);
  else await indexing;
}

/** Closes the notifications of the items `ids` (src/sw/push.ts puts each one's id in its data). */
async function closeNotificationsOf(ids: readonly string[]): Promise<void> {
  const gone = new Set(ids);
  for (const notification of await self.registration.getNotifications()) {
    const id = (notification.data as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && gone.has(id)) notification.close();
  }
}
