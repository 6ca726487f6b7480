/**
 * Whether the reader is online, as every screen tells it. The browser's word
 * (`navigator.onLine`, through @solid-primitives/connectivity) is not the whole truth: it can
 * say online where nothing gets through (src/data/reachability.ts). The app learns that when a
 * sync fails at the network level: it then asks its own origin, and if that fails too the
 * reader is offline until a sync reaches the feed again. If the origin answers, only the feed's
 * server is down: the reader is online, and the banner says the feed could not be reached.
 */
import { createConnectivitySignal } from '@solid-primitives/connectivity';
import { createEffect, createRoot, createSignal, on, type Accessor } from 'solid-js';
import { isServer } from 'solid-js/web';
import { reachesOrigin } from '../../data/reachability';
import { hydrated } from '../../lib/hydration';
import { followReports } from './network-check';
import { lastReport } from './sync-status';

/**
 * False once this tab has seen the network fail for the feed and for its own origin alike; at
 * first, false when the page loaded offline (`<html data-offline>`: the browser said so, or the
 * worker found nothing getting through, src/sw/snapshot.ts) until the first report says more.
 */
const [reachable, setReachable] = createSignal(
  isServer || !document.documentElement.hasAttribute('data-offline'),
);

createRoot(() =>
  createEffect(
    on(
      lastReport,
      followReports(() => reachesOrigin(window.location.origin), setReachable),
    ),
  ),
);

/**
 * A component's "online" signal: the browser's, and false while the network is known to fail.
 * Until hydration ends it is the server's (online), so hydration renders what the server did.
 */
export function createOnlineSignal(): Accessor<boolean> {
  const browser = createConnectivitySignal();
  return () => browser() && (!hydrated() || reachable());
}
