/**
 * The page's side of the service worker: registration through workbox-window, the update
 * prompt's state, and sync requests (answered by the worker, or run here before it controls us).
 * workbox-window and the sync code are loaded when first needed, after the first screen is up:
 * neither is needed to show or use it.
 */
import { createSignal } from 'solid-js';
import type { Workbox } from 'workbox-window';
import { feedUrl } from '../data/config';
import { SYNC_REQUEST, type PageToWorker, type SyncReport } from '../data/messages';
// The build's sync worker script (bundled apart, with the parser), by its address.
import pageSyncUrl from '../sw/page-sync.ts?worker&url';
import { KILL_SWITCH } from './build-info';
import { registerPeriodicSync } from './periodic-sync';

const [updateReady, setUpdateReady] = createSignal(false);
// "Later" hides the prompt for this run of the app only: the next start finds the version
// still waiting (workbox-window reports it again) and asks again.
const [updateDismissed, setUpdateDismissed] = createSignal(false);

/** True while a new version waits for the user's "Reload" and they have not said "Later". */
export const updateShown = () => updateReady() && !updateDismissed();

let workbox: Workbox | undefined;

// Long enough for a slow sync of several pages; a worker stuck longer than this is not answering.
const WORKER_ANSWER_MS = 60_000;

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('The worker did not answer')), ms));
}

// Returning to the app checks for a new version, at most this often.
const UPDATE_CHECK_MS = 60_000;

const WORKER_URL = '/sw.js';

let workerPolicy: Pick<TrustedTypePolicy, 'createScriptURL'> | undefined;

/**
 * A worker's address as Trusted Types want it at `register()` and `new Worker()` (script-URL
 * sinks): one named policy, made once, that passes the app's two worker scripts (`/sw.js` and
 * the build's page-sync worker) and nothing else (src/lib/trusted-types.ts).
 */
function workerScriptUrl(url: string): TrustedScriptURL | string {
  workerPolicy ??= window.trustedTypes?.createPolicy('citylink-worker', {
    createScriptURL: (asked: string) => {
      if (asked !== WORKER_URL && asked !== pageSyncUrl)
        throw new TypeError(`Not the app's worker: ${asked}`);
      return asked;
    },
  });
  return workerPolicy ? workerPolicy.createScriptURL(url) : url;
}

/**
 * Registers `/sw.js` (its name never changes) and watches for updates: on start, and whenever
 * the app comes back to the foreground. A kill-switch build removes workers instead.
 */
export async function registerWorker(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  if (KILL_SWITCH) {
    await retireWorkers();
    return;
  }
  const { Workbox } = await import('workbox-window');
  workbox = new Workbox(workerScriptUrl(WORKER_URL), { scope: '/' });
  workbox.addEventListener('waiting', () => setUpdateReady(true));
  reloadOnTakeover();
  workbox
    .register()
    .then(async (registration) => {
      if (!registration) return;
      await navigator.serviceWorker.ready;
      // Marked on <html> for tests: whether the browser let the worker refresh in the background.
      document.documentElement.dataset.periodicSync = await registerPeriodicSync(registration);
    })
    .catch((error: unknown) => {
      // Blocked (private windows of some browsers, enterprise policy) or broken: the app still
      // works online, syncing from the page, just not offline.
      console.warn('Citylink: no service worker, so no offline copy.', error);
    });
  let lastCheck = 0;
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || Date.now() - lastCheck < UPDATE_CHECK_MS) return;
    lastCheck = Date.now();
    workbox?.update().catch(() => {
      // Offline or the server is down: the next return to the app tries again.
    });
  });
}

/**
 * When a new version takes over (this tab's "Reload" or another tab's), the page still runs
 * the old version's code against the new version's cache: load it once more, in every tab.
 * The first worker's takeover of an uncontrolled page is no version change and reloads nothing.
 */
function reloadOnTakeover(): void {
  let controlled = navigator.serviceWorker.controller !== null;
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (controlled && !reloading) {
      reloading = true;
      window.location.reload();
    }
    controlled = true;
  });
}

/**
 * Resolves once a worker controls this page, so that its requests go through the worker's
 * caches; false at once where no worker will (no support, or a kill-switch build).
 */
export function whenControlled(): Promise<boolean> {
  const container = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
  if (!container || KILL_SWITCH) return Promise.resolve(false);
  if (container.controller) return Promise.resolve(true);
  return new Promise((resolve) => {
    container.addEventListener('controllerchange', () => resolve(true), { once: true });
  });
}

/** Lets the waiting worker take over; every open tab then reloads once (see reloadOnTakeover). */
export function acceptUpdate(): void {
  if (!workbox) return;
  workbox.messageSkipWaiting();
  setUpdateReady(false);
}

/** Hides the update prompt until the app starts again. */
export function dismissUpdate(): void {
  setUpdateDismissed(true);
}

// The kill switch from the page's side, for a page that loaded without the kill-switch worker
// (a hard reload, a worker that failed to update): the same clean-up.
async function retireWorkers(): Promise<void> {
  const registrations = await navigator.serviceWorker.getRegistrations();
  await Promise.all(registrations.map((registration) => registration.unregister()));
  const names = await caches.keys();
  await Promise.all(names.map((name) => caches.delete(name)));
}

/**
 * Syncs the feed: through the controlling worker when there is one (so only one context
 * fetches), or, on a first visit, in a dedicated worker of its own, with the same shared
 * `syncFeed()`: parsing thousands of items on the page would freeze it. A page whose storage
 * is not IndexedDB (memory: nothing can be kept) cannot read what another context stores, so
 * it syncs by itself.
 */
export async function requestSync(): Promise<SyncReport> {
  const controller = navigator.serviceWorker?.controller;
  const persistent = (await (await import('../data/db')).storageReady()) === 'persistent';
  if (controller && persistent) {
    try {
      const { messageSW } = await import('workbox-window');
      const answer = messageSW(controller, { type: SYNC_REQUEST }) as Promise<SyncReport>;
      return await Promise.race([answer, timeout(WORKER_ANSWER_MS)]);
    } catch {
      // A worker being replaced may never answer; sync from the page instead (the lock keeps
      // the two from running at once).
    }
  }
  const offPage = persistent ? syncOffThePage() : Promise.reject(new Error('Storage is in memory.'));
  return offPage.catch(async () => {
    // In memory, or no worker could run it (blocked, or its script failed): the page syncs.
    const { syncFeed } = await import('../data/sync');
    return syncFeed({ feedUrl: feedUrl(window.location.href) });
  });
}

function syncOffThePage(): Promise<SyncReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScriptUrl(pageSyncUrl) as string);
    // The worker goes on to bring the search index up to date, then closes itself.
    worker.onmessage = (event: MessageEvent<SyncReport>) => resolve(event.data);
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage({ type: SYNC_REQUEST } satisfies PageToWorker);
  });
}
