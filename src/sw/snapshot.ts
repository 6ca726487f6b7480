/**
 * Answers a navigation with the app shell holding the last screen this device showed at that
 * address (src/data/snapshots.ts), so the first paint is the screen rather than an empty page
 * waiting for the app's code, IndexedDB and a render. The page marks the root `data-snapshot`
 * and the app replaces it with its own render once that has settled (src/app/snapshot.ts).
 * No script is added: the shell's Content-Security-Policy (hashes of its own inline scripts)
 * holds as it is.
 */
import type { RouteHandlerCallback } from 'workbox-core';
import { createHandlerBoundToURL, getCacheKeyForURL } from 'workbox-precaching';
import { escapeHtml } from '@citylink/core/text';
import { SNAPSHOT_ATTRIBUTE } from '../data/config';
import { noticeEndedSince } from '../data/notices';
import { reachesOrigin } from '../data/reachability';
import { clearOtherBuilds, readSnapshot, type Snapshot } from '../data/snapshots';

declare const self: ServiceWorkerGlobalScope;
declare const __CITYLINK_BUILD__: string;

/** The empty root of `shell.html`, where the snapshot goes. */
const EMPTY_ROOT = '<div id="root"></div>';

/**
 * Holds the first paint until the root, snapshot and all, has been parsed. The shell's head
 * blocks nothing else (its stylesheet is inline), so the browser would otherwise paint as soon
 * as the parser first yields, before the body: a frame with nothing in it, which puts off
 * parsing the snapshot and painting it. Browsers without `rel=expect` ignore it.
 */
const WHOLE_ROOT_FIRST = '<link rel="expect" href="#root" blocking="render">';

/**
 * The shell with `snapshot` in its root, its title and `<html lang>`, and `<html data-offline>`
 * when the worker found the network failing (the kept screen's offline banner then shows from
 * the first paint, as when the browser says it is offline); undefined when the shell does not
 * have the expected empty root (then it is served as it is).
 */
export function spliceSnapshot(shell: string, snapshot: Snapshot, offline = false): string | undefined {
  const at = shell.indexOf(EMPTY_ROOT);
  if (at < 0 || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(snapshot.lang)) return undefined;
  const root = `<div id="root" ${SNAPSHOT_ATTRIBUTE}="${escapeHtml(snapshot.renderKey)}">${snapshot.html}</div>`;
  return (shell.slice(0, at) + root + shell.slice(at + EMPTY_ROOT.length))
    .replace(
      /<html\b([^>]*?)\blang="[^"]*"/,
      (_, before: string) => `<html${before}lang="${snapshot.lang}"${offline ? ' data-offline=""' : ''}`,
    )
    .replace(
      /<title>[^<]*<\/title>/,
      () => `<title>${escapeHtml(snapshot.title)}</title>${WHOLE_ROOT_FIRST}`,
    );
}

/** Text or an attribute value as HTML. */

/**
 * The address's snapshot, if this worker may show it: read and checked by the data layer (size,
 * structure, invalidations), written by this build's code (its entry module is in this
 * worker's precache: a deploy under the same build name has other file names), and taken after
 * the end of any urgent notice it may show.
 */
async function trustedSnapshot(path: string): Promise<Snapshot | undefined> {
  const snapshot = await readSnapshot(__CITYLINK_BUILD__, self.location.origin, path);
  if (!snapshot || getCacheKeyForURL(new URL(snapshot.code, self.location.origin).href) === undefined) {
    return undefined;
  }
  const ended = await noticeEndedSince(snapshot.takenAt, Date.now()).catch(() => true);
  return ended ? undefined : snapshot;
}

/**
 * The navigation handler: the precached shell (as `createHandlerBoundToURL` answers it), with
 * the address's snapshot in it when there is one to trust.
 */
export function shellWithSnapshot(): RouteHandlerCallback {
  const shell = createHandlerBoundToURL('shell.html');
  return async (options) => {
    const { url } = options;
    // The browser may say online where nothing gets through (src/data/reachability.ts): the
    // origin is asked beside the reads, and its answer counts only if it is in by the time they
    // are done, so the first paint never waits on the network. With no network at all the
    // request fails at once; when the browser itself says offline, nothing is asked.
    const network = self.navigator.onLine ? reachesOrigin(self.location.origin) : Promise.resolve(false);
    const [response, snapshot] = await Promise.all([
      shell(options),
      trustedSnapshot(url.pathname + url.search),
    ]);
    if (!snapshot || !response.ok) return response;
    const offline = !(await Promise.race([network, Promise.resolve(true)]));
    const text = await response.text();
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    return new Response(spliceSnapshot(text, snapshot, offline) ?? text, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };
}

/**
 * A new version's worker drops the markup kept by other builds, which its components and styles
 * may not fit. Not its own build's: the first worker activates after the first visit's page may
 * already have kept its screens. (Two deploys under one build name share a cache, but not
 * code: `trustedSnapshot` reads none of the other's.)
 */
export function dropOlderSnapshots(): Promise<void> {
  return clearOtherBuilds(__CITYLINK_BUILD__).catch(() => undefined);
}
