/**
 * The worker's side of feed sync: the shared `syncFeed()` against this app's feed URL.
 */
import { feedUrl } from '../data/config';
import { clearSnapshots } from '../data/snapshots';
import { syncFeed, type SyncReport } from '../data/sync';

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

/** Runs one sync of the app's feed into IndexedDB. */
export async function syncNow(): Promise<SyncReport> {
  const report = await syncFeed({ feedUrl: feedUrl(self.location.href) });
  // A retraction: no kept screen may show the item again, not even until the app starts.
  if (report.removed.length > 0) await clearSnapshots().catch(() => undefined);
  return report;
}
