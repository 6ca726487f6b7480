/**
 * Offline navigations: every page address of the app answers with the precached shell, so a
 * deep link opens offline. Anything that is a file (the feed, downloads, sitemap) never does.
 * Until this device keeps a feed, the server's rendered page comes first: the shell would
 * render its screens from an empty store.
 */
import type { RouteHandlerCallback } from 'workbox-core';
import { registerRoute } from 'workbox-routing';
import { feedUrl } from '../data/config';
import { getFeedMeta } from '../data/db';
import { servesAppPage } from '@citylink/core/paths';
import { shellWithSnapshot } from './snapshot';

declare const self: ServiceWorkerGlobalScope;

/**
 * Routes navigations to the precached app shell (`shell.html`), files excepted; the shell holds
 * the address's last screen when this device kept one (src/sw/snapshot.ts).
 */
export function registerNavigationRoute(): void {
  const feedPath = new URL(feedUrl(self.location.href)).pathname;
  registerRoute(
    ({ request, url, sameOrigin }) =>
      request.mode === 'navigate' && sameOrigin && servesAppPage(url, feedPath),
    serverUntilKept(shellWithSnapshot()),
  );
}

/**
 * The server's page while this device keeps no feed (a first visit whose sync failed): it shows
 * the build's content, where the shell would show empty lists. Offline, or if the server fails,
 * the shell all the same. The store is read until a feed is kept, not on every navigation after.
 */
function serverUntilKept(shell: RouteHandlerCallback): RouteHandlerCallback {
  let kept = false;
  return async (options) => {
    kept ||= (await getFeedMeta().catch(() => undefined)) !== undefined;
    if (!kept && options.request instanceof Request) {
      const response = await fetch(options.request).catch(() => undefined);
      if (response?.ok) return response;
    }
    return shell(options);
  };
}
