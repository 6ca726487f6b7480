/**
 * Code that only some devices need (the `opening_hours` parser, the conversion to Traditional
 * Chinese) is not precached: the build
 * puts it under ON_DEMAND_DIR, and the page loads it when the device's feed has opening hours
 * (src/features/contacts/hours-prefetch.ts). Loaded once, it is kept here and answered from
 * the cache from then on, so it works offline like the precached shell.
 */
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { ExpirationPlugin } from 'workbox-expiration';
import { registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { ON_DEMAND_CACHE, ON_DEMAND_DIR, TRADITIONAL_CACHE, TRADITIONAL_DIR } from '../data/config';

declare const self: ServiceWorkerGlobalScope;

/**
 * Cache-first for the on-demand chunks, and for the worker that converts Simplified Chinese for
 * readers of Traditional (src/data/traditional.ts), each in a cache of its own: their names
 * carry a content hash, so they never change.
 */
export function registerOnDemandRoute(): void {
  route(ON_DEMAND_DIR, ON_DEMAND_CACHE);
  route(TRADITIONAL_DIR, TRADITIONAL_CACHE);
}

function route(dir: string, cacheName: string): void {
  const prefix = new URL(dir, self.location.origin).pathname;
  registerRoute(
    ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith(prefix),
    new CacheFirst({
      cacheName,
      // Servers answer `Vary: Origin` (vite preview does), and a module import sends an Origin
      // header that a plain fetch does not: the hashed name alone decides the match.
      matchOptions: { ignoreVary: true },
      plugins: [
        new CacheableResponsePlugin({ statuses: [200] }),
        // A deploy that changes the code leaves the old file behind: keep the newest few
        // (a tab still on the previous version may need its own), drop the rest.
        new ExpirationPlugin({ maxEntries: 4 }),
      ],
    }),
  );
}
