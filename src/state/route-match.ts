/**
 * The router's rules without its reactivity (src/state/router.tsx): which route an address
 * shows, and which clicks move inside the app. A module of its own so that units test them
 * and the snapshot's held taps (src/app/snapshot.ts) follow the same rule as the router.
 */
import type { Component } from 'solid-js';
import { feedUrl } from '../data/config';
import { servesAppPage } from '@citylink/core/paths';

export interface RouteDefinition {
  /** `/news`, `/news/:key` (`:key` takes one segment, as written in the address), `*` anything. */
  path: string | string[];
  component: Component;
}

/** The route that shows `path`, with its parameters; the first that matches, in order. */
export function matchRoute<R extends RouteDefinition>(
  routes: readonly R[],
  path: string,
): { route: R; params: Record<string, string> } | undefined {
  // A trailing slash is the same address; static segments match in any case, as links are typed.
  const have = path.split('/').filter(Boolean);
  for (const route of routes) {
    for (const pattern of [route.path].flat()) {
      if (pattern.startsWith('*')) return { route, params: {} };
      const want = pattern.split('/').filter(Boolean);
      if (want.length !== have.length) continue;
      const params: Record<string, string> = {};
      const same = want.every((part, i) => {
        const segment = have[i] ?? '';
        if (!part.startsWith(':')) return part === segment.toLowerCase();
        params[part.slice(1)] = segment;
        return true;
      });
      if (same) return { route, params };
    }
  }
  return undefined;
}

/**
 * Whether a click on `link` moves inside the app: a plain click, in this tab, on a link to one of
 * the app's pages on this site (`servesAppPage`, the worker's rule: not a file such as the feed or
 * a PDF, not the API) that is not a download. Anything else is the browser's: a new tab, a file,
 * another site.
 */
export function inApp(link: HTMLAnchorElement, event: MouseEvent): boolean {
  const plain = event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
  const here = !link.target || link.target === '_self';
  const page = servesAppPage(new URL(link.href), new URL(feedUrl(window.location.href)).pathname);
  return plain && here && page && !link.hasAttribute('download') && link.origin === window.location.origin;
}
