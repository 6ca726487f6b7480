/**
 * A dedicated worker that runs the page's own syncs (before a service worker controls the
 * page, as on a first visit): parsing and storing a large feed is long work, and here it never
 * holds up the page. Same `syncFeed()` as the service worker; it answers with the report.
 */
import { feedUrl } from '../data/config';
import { isPageToWorker, SYNC_REQUEST } from '../data/messages';
import { syncFeed } from '../data/sync';
import { updateSearchIndex } from './search-sync';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<unknown>) => {
  if (!isPageToWorker(event.data) || event.data.type !== SYNC_REQUEST) return;
  void syncFeed({ feedUrl: feedUrl(self.location.href) }).then(async (report) => {
    self.postMessage(report);
    // After the report, so the page hears of the sync at once; search reads the marks it has
    // not taken in until the index is stored.
    await updateSearchIndex().catch((error: unknown) =>
      console.warn('Citylink: search index not stored', error),
    );
    self.close();
  });
};
