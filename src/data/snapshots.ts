/**
 * Snapshots of screens: the markup of the last screen this device showed at an address, kept
 * in Cache Storage so that the worker can answer an offline (or controlled) navigation with it
 * before the app's code has run (src/sw/snapshot.ts), and the page can replace it once the app
 * has rendered the same address from IndexedDB (src/app/snapshot.ts).
 *
 * One cache per build: markup is only good for the build whose components and styles made it,
 * so the worker reads only its own build's, and a new worker drops the others when it activates.
 * Two deploys may share a build name (CITYLINK_BUILD unset): each snapshot also names the code
 * that wrote it (`code`, the page's entry module, whose file name is a hash of the build's
 * code), and the worker reads only those its own precache lists (src/sw/snapshot.ts).
 *
 * Cache Storage is open to any script of the origin: what is read is checked, field by field,
 * in size and in structure (src/data/snapshot-markup.ts), and a snapshot taken before the
 * last invalidation (a retraction, a notice dismissed) is not read, even if a page that had
 * not yet heard of it wrote it afterwards.
 */
import { isAppMarkup } from './snapshot-markup';

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
  /** When its markup was read from the screen (ms since the epoch). */
  takenAt: number;
  /** The address of the code that rendered it: the page's entry module (`/assets/index-<hash>.js`). */
  code: string;
}

const PREFIX = 'citylink-snapshots-';
/** Addresses kept besides the tabs', newest first; the oldest is dropped beyond. */
export const SNAPSHOT_LIMIT = 12;
/** A screen larger than this is not kept (a long list paged far down): reading it would cost more than it saves. */
export const SNAPSHOT_MAX_CHARS = 300_000;
/** The cache of the time of the last invalidation (not a snapshot cache: no build drops it). */
const MARKS = 'citylink-snapshot-marks';
/** Its one entry's address. */
const INVALIDATED = '/.citylink/snapshots-invalidated';
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

/**
 * Reads a kept snapshot, checked field by field, in size and in structure, and taken after the
 * last invalidation; undefined when there is none, or none to trust.
 */
export async function readSnapshot(
  build: string,
  origin: string,
  path: string,
): Promise<Snapshot | undefined> {
  try {
    const [response, invalidated] = await Promise.all([
      caches.open(snapshotCacheName(build)).then((cache) => cache.match(keyOf(origin, path))),
      invalidatedAt(origin),
    ]);
    if (!response) return undefined;
    const text = await response.text();
    // The markup's limit, and as much again for the other fields and JSON's escapes.
    if (text.length > 2 * SNAPSHOT_MAX_CHARS) return undefined;
    const snapshot = asSnapshot(JSON.parse(text), path);
    return snapshot && snapshot.takenAt > invalidated ? snapshot : undefined;
  } catch {
    // No Cache Storage (an opaque origin, a storage failure), or not JSON: the app renders as
    // without one.
    return undefined;
  }
}

function asSnapshot(value: unknown, path: string): Snapshot | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const data = value as Record<string, unknown>;
  const strings = ['path', 'html', 'title', 'lang', 'renderKey', 'code'] as const;
  if (!strings.every((key) => typeof data[key] === 'string')) return undefined;
  if (data.path !== path || typeof data.takenAt !== 'number') return undefined;
  const snapshot = data as unknown as Snapshot;
  if (snapshot.html.length > SNAPSHOT_MAX_CHARS || !isAppMarkup(snapshot.html)) return undefined;
  return snapshot;
}

/** When snapshots were last invalidated (ms; 0 when never). */
async function invalidatedAt(origin: string): Promise<number> {
  // Not `open`: a read must not create the cache.
  const response = await caches.match(keyOf(origin, INVALIDATED), { cacheName: MARKS });
  const at: unknown = response ? await response.json() : 0;
  return typeof at === 'number' ? at : Infinity;
}

/**
 * Something every kept screen may show is no longer true (a retraction, a notice dismissed or
 * ended): drops every snapshot, and refuses any taken before `at` that a page writes later.
 */
export async function invalidateSnapshots(origin: string, at = Date.now()): Promise<void> {
  const marks = await caches.open(MARKS);
  await marks.put(
    keyOf(origin, INVALIDATED),
    new Response(JSON.stringify(at), { headers: { 'content-type': 'application/json' } }),
  );
  await clearSnapshots();
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
