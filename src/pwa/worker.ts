/**
 * The page's side of the service worker: registration through workbox-window, the update
 * prompt's state, and sync requests (answered by the worker, or run here before it controls us).
 */
import { createSignal } from 'solid-js';
import { messageSW, Workbox } from 'workbox-window';
import { feedUrl } from '../data/config';
import { SYNC_REQUEST } from '../data/messages';
import { syncFeed, type SyncReport } from '../data/sync';

const [updateReady, setUpdateReady] = createSignal(false);
const [offlineReady, setOfflineReady] = createSignal(false);

/** True while a new version waits for the user's "Reload". */
export { updateReady };
/** True once, after the first worker installed: the app now works offline. */
export { offlineReady };

let workbox: Workbox | undefined;

// Long enough for a slow sync of several pages; a worker stuck longer than this is not answering.
const WORKER_ANSWER_MS = 60_000;

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('The worker did not answer')), ms));
}

/** Registers `/sw.js` (its name never changes) and watches for updates. */
export function registerWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  workbox = new Workbox('/sw.js', { scope: '/' });
  workbox.addEventListener('waiting', () => setUpdateReady(true));
  workbox.addEventListener('installed', (event) => {
    if (!event.isUpdate) setOfflineReady(true);
  });
  workbox.register().catch((error: unknown) => {
    // Blocked (private windows of some browsers, enterprise policy) or broken: the app still
    // works online, syncing from the page, just not offline.
    console.warn('Citylink: no service worker, so no offline copy.', error);
  });
}

/** Lets the waiting worker take over; the page reloads once, when it does. */
export function acceptUpdate(): void {
  if (!workbox) return;
  workbox.addEventListener('controlling', () => window.location.reload());
  workbox.messageSkipWaiting();
  setUpdateReady(false);
}

/** Hides the "ready to work offline" note. */
export function dismissOfflineReady(): void {
  setOfflineReady(false);
}

/**
 * Syncs the feed: through the controlling worker when there is one (so only one context
 * fetches), or right here on a first visit, with the same shared `syncFeed()`.
 */
export async function requestSync(): Promise<SyncReport> {
  const controller = navigator.serviceWorker?.controller;
  if (controller) {
    try {
      const answer = messageSW(controller, { type: SYNC_REQUEST }) as Promise<SyncReport>;
      return await Promise.race([answer, timeout(WORKER_ANSWER_MS)]);
    } catch {
      // A worker being replaced may never answer; sync from the page instead (the lock keeps
      // the two from running at once).
    }
  }
  return syncFeed({ feedUrl: feedUrl(window.location.href) });
}
