/**
 * Item images, kept once seen so an article read online shows its picture offline too.
 * Bounded, because images are the largest thing a feed brings and disks fill up.
 */
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { ExpirationPlugin } from 'workbox-expiration';
import { registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { IMAGE_CACHE } from '../data/config';

/** Caches images on first view, at most 300 of them for 60 days, dropped first on a full disk. */
export function registerImageRoute(): void {
  registerRoute(
    ({ request }) => request.destination === 'image',
    new CacheFirst({
      cacheName: IMAGE_CACHE,
      plugins: [
        // Opaque (status 0) answers come from image hosts without CORS; they still display.
        new CacheableResponsePlugin({ statuses: [0, 200] }),
        new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 60 * 24 * 3600, purgeOnQuotaError: true }),
      ],
    }),
  );
}
