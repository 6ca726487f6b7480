/**
 * Offline navigations: every page address of the app answers with the precached shell, so a
 * deep link opens offline. Anything that is a file (the feed, downloads, sitemap) never does.
 */
import { registerRoute } from 'workbox-routing';
import { feedUrl } from '../data/config';
import { isAppPage } from '../data/paths';
import { shellWithSnapshot } from './snapshot';

declare const self: ServiceWorkerGlobalScope;

/**
 * Whether the worker answers a same-origin navigation to `url` with the app's page. The path
 * alone decides (a query string never does), by the rule the documented server rules share
 * (`isAppPage`); the feed and `/api/` always reach the network, whatever their names.
 */
export function servesAppPage(url: URL, feedPath: string): boolean {
  const path = withoutTrailingSlash(url.pathname);
  return path !== withoutTrailingSlash(feedPath) && !path.startsWith('/api/') && isAppPage(url.pathname);
}

function withoutTrailingSlash(path: string): string {
  return path.replace(/(.)\/+$/, '$1');
}

/**
 * Routes navigations to the precached app shell (`shell.html`), files excepted; the shell holds
 * the address's last screen when this device kept one (src/sw/snapshot.ts).
 */
export function registerNavigationRoute(): void {
  const feedPath = new URL(feedUrl(self.location.href)).pathname;
  registerRoute(
    ({ request, url, sameOrigin }) =>
      request.mode === 'navigate' && sameOrigin && servesAppPage(url, feedPath),
    shellWithSnapshot(),
  );
}
