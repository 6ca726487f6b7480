/**
 * Offline navigations: every page address of the app answers with the precached shell, so a
 * deep link opens offline. Anything that is a file (the feed, downloads, sitemap) never does.
 */
import { registerRoute } from 'workbox-routing';
import { feedUrl } from '../data/config';
import { servesAppPage } from '../data/paths';
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
    shellWithSnapshot(),
  );
}
