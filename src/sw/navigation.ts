/**
 * Offline navigations: every page address of the app answers with the precached shell, so a
 * deep link opens offline. Anything that is a file (the feed, downloads, sitemap) never does.
 */
import { createHandlerBoundToURL } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { feedUrl } from '../data/config';

declare const self: ServiceWorkerGlobalScope;

/** Paths that must reach the network (or fail) rather than get the app shell. */
export function navigationDenylist(feedPath: string): RegExp[] {
  return [
    // A last segment with an extension is a file: /feed.json, /sitemap.xml, /event.ics …
    /\/[^/]+\.[a-z0-9]+$/i,
    /^\/api\//,
    new RegExp(`^${feedPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
  ];
}

/** Routes navigations to the precached app shell (`shell.html`), minus the deny-list. */
export function registerNavigationRoute(): void {
  const feedPath = new URL(feedUrl(self.location.href)).pathname;
  registerRoute(
    new NavigationRoute(createHandlerBoundToURL('shell.html'), {
      denylist: navigationDenylist(feedPath),
    }),
  );
}
