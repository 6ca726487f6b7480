/**
 * The kill switch: a worker that retires Citylink's offline support on every device that
 * installed it. Built with `CITYLINK_KILL_SWITCH=1 npm run build` (see docs/deployment.md) and
 * served as the same /sw.js, so installed copies find it on their next update check.
 * IndexedDB (stored items, saved items) is left alone: it is the reader's data, not the worker's.
 */
declare const self: ServiceWorkerGlobalScope;
// A module, like the normal worker entry, so `self` above is this file's own declaration.
export {};

// Take over at once instead of waiting for every tab to close: the old worker may be broken.
self.addEventListener('install', () => {
  void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(retire());
});

async function retire(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(names.map((name) => caches.delete(name)));
  await self.registration.unregister();
  // Open tabs still run the old page from the deleted caches: load them again from the network.
  const windows = await self.clients.matchAll({ type: 'window' });
  await Promise.all(windows.map((client) => client.navigate(client.url).catch(() => null)));
}
