/**
 * Service worker entry: wiring only. What each piece does lives in the modules it imports.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { isPageToWorker, SKIP_WAITING, SYNC_REQUEST } from '../data/messages';
import { registerImageRoute } from './images';
import { registerNavigationRoute } from './navigation';
import { registerOnDemandRoute } from './on-demand';
import { registerPush } from './push';
import { syncNow, syncOnActivation, type PeriodicSyncEvent } from './feed-sync';
import { dropOlderSnapshots } from './snapshot';
import { reportViolations } from './violations';

declare const self: ServiceWorkerGlobalScope;

reportViolations();

// The app shell, listed by vite-plugin-pwa at build time. The feed is not in it: IndexedDB is
// the feed's only store.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerNavigationRoute();
registerImageRoute();
registerOnDemandRoute();
registerPush();

// The first worker takes the open page at once so it works offline from the first visit;
// later versions wait for the user's "Reload" (SKIP_WAITING) instead.
clientsClaim();

self.addEventListener('activate', (event) => {
  event.waitUntil(Promise.all([syncOnActivation(event), dropOlderSnapshots()]));
});

self.addEventListener('message', (event) => {
  const data: unknown = event.data;
  if (!isPageToWorker(data)) return;
  if (data.type === SKIP_WAITING) {
    void self.skipWaiting();
  } else if (data.type === SYNC_REQUEST) {
    // workbox-window's messageSW waits for the answer on the port it sent.
    event.waitUntil(syncNow(event).then((report) => event.ports[0]?.postMessage(report)));
  }
});

// Registered by the page where allowed (src/pwa/periodic-sync.ts): the feed, and its urgent
// notices, stay fresh with no page open.
self.addEventListener('periodicsync', (event: PeriodicSyncEvent) => {
  if (event.tag === 'feed') event.waitUntil(syncNow(event));
});
