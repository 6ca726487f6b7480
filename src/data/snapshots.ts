/**
 * Snapshots of screens: the markup of the last screen this device showed at an address, kept
 * in Cache Storage so that the worker can answer an offline (or controlled) navigation with it
 * before the app's code has run (src/sw/snapshot.ts), and the page can replace it once the app
 * has rendered the same address from IndexedDB (src/app/snapshot.ts).
 *
 * One cache per build: markup is only good for the build whose components and styles made it,
 * so the worker reads only its own build's, and a new worker drops the others when it activates.
 */

/** What is kept of one screen. */
export interface Snapshot {
  /** The address (path and query) it was taken at. */
  path: string;
  /** `#root`'s inner HTML once the screen had settled. */
  html: string;
  /** The document's title and language then. */
  title: string;
  lang: string;
  /**
   * The settings the markup depends on (language, "only my language", data saver): a page
   * whose settings differ drops the snapshots rather than show another render of its screens.
   */
  renderKey: string;
  /** When it was taken (ms since the epoch). */
  takenAt: number;
}

const PREFIX = 'citylink-snapshots-';
/** Addresses kept besides the tabs', newest first; the oldest is dropped beyond. */
export const SNAPSHOT_LIMIT = 12;
/** A screen larger than this is not kept (a long list paged far down): reading it would cost more than it saves. */
export const SNAPSHOT_MAX_CHARS = 300_000;
/** The tabs' addresses are always kept: they are where the app opens. */
const TABS = new Set(['/', '/events', '/contacts', '/saved', '/more']);

/** The cache name of a build's snapshots. */
function snapshotCacheName(build: string): string {
  return `${PREFIX}${encodeURIComponent(build)}`;
}

/** Whether a cache is one of the snapshot caches (of any build). */
function isSnapshotCache(name: string): boolean {
  return name.startsWith(PREFIX);
}

/** The key of an address in the cache: a URL on the page's (or worker's) own origin. */
function keyOf(origin: string, path: string): string {
  return new URL(path, origin).href;
}

/** Reads a kept snapshot, checked field by field; undefined when there is none or it is unreadable. */
export async function readSnapshot(
  build: string,
  origin: string,
  path: string,
): Promise<Snapshot | undefined> {
  try {
    const cache = await caches.open(snapshotCacheName(build));
    const response = await cache.match(keyOf(origin, path));
    if (!response) return undefined;
    return asSnapshot(await response.json(), path);
  } catch {
    // No Cache Storage (an opaque origin, a storage failure): the app renders as without one.
    return undefined;
  }
}

function asSnapshot(value: unknown, path: string): Snapshot | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const data = value as Record<string, unknown>;
  const strings = ['path', 'html', 'title', 'lang', 'renderKey'] as const;
  if (!strings.every((key) => typeof data[key] === 'string')) return undefined;
  if (data.path !== path || typeof data.takenAt !== 'number') return undefined;
  return data as unknown as Snapshot;
}

/** Keeps a screen, then drops the oldest addresses beyond the limit (tabs aside). */
export async function writeSnapshot(build: string, origin: string, snapshot: Snapshot): Promise<void> {
  const cache = await caches.open(snapshotCacheName(build));
  const key = keyOf(origin, snapshot.path);
  // A put replaces the address's entry and lists it last: the key order is oldest written first.
  await cache.put(
    key,
    new Response(JSON.stringify(snapshot), { headers: { 'content-type': 'application/json' } }),
  );
  const others = (await cache.keys()).filter((request) => !TABS.has(new URL(request.url).pathname));
  await Promise.all(
    others.slice(0, Math.max(0, others.length - SNAPSHOT_LIMIT)).map((request) => cache.delete(request)),
  );
}

/** Drops one address's snapshot (its screen now says something that should not come back first). */
export async function dropSnapshot(build: string, origin: string, path: string): Promise<void> {
  const cache = await caches.open(snapshotCacheName(build));
  await cache.delete(keyOf(origin, path));
}

/** Drops every snapshot of `build`, or, without one, of every build. */
export async function clearSnapshots(build?: string): Promise<void> {
  const names =
    build === undefined ? (await caches.keys()).filter(isSnapshotCache) : [snapshotCacheName(build)];
  await Promise.all(names.map((name) => caches.delete(name)));
}

/** Drops the snapshots of every build but `build` (a new version's worker, once activated). */
export async function clearOtherBuilds(build: string): Promise<void> {
  const keep = snapshotCacheName(build);
  const names = (await caches.keys()).filter((name) => isSnapshotCache(name) && name !== keep);
  await Promise.all(names.map((name) => caches.delete(name)));
}
